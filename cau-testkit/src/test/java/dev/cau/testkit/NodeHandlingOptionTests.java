package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.event.RunStarted;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PauseMode;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeHandlingOptionTests {

  private static SimulatedCluster twoSites() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("stretch").witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE);
    String[][] layout = {{"a1", "east"}, {"b1", "west"}, {"a2", "east"}, {"b2", "west"}};
    for (String[] node : layout) {
      builder.node(node[0], n -> n.faultDomain(FaultDomain.site(node[1])).updates(Clusters.monthlyUpdates()));
    }
    return builder.role("r1", "a1").role("r2", "a1").role("r3", "b2").build();
  }

  private static List<String> order(SimulationResult outcome) {
    return ((RunStarted) outcome.events().get(0)).nodeOrder();
  }

  @Test
  void nodeOrderPutsTheGivenNodesFirst() {
    SimulationResult outcome = Simulation.run(twoSites(), Simulation.options().nodeOrder(List.of("a1", "b2")).build());
    assertThat(order(outcome)).containsExactly("a1", "b2", "b1", "a2");
    assertThat(order(Simulation.run(twoSites(), Simulation.options().build()))).containsExactly("b1", "a2", "b2", "a1");
  }

  @Test
  void siteAwareUpdatingOrderUpdatesOneSiteAfterTheOther() {
    SimulationResult outcome = Simulation.run(twoSites(),
        Simulation.options().siteAwareUpdatingOrder(List.of("west", "east")).build());
    assertThat(order(outcome)).containsExactly("b1", "b2", "a2", "a1");
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void failbackPolicyReturnsOnlyRolesWhosePolicyAllowsIt() {
    SimulatedCluster cluster = SimulatedCluster.builder("policy").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1").node("n2").node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .role("back", "n3").role("stays", "n3").allowFailback("back")
        .build();

    Simulation.run(cluster, Simulation.options().failbackMode(FailbackMode.POLICY).build());

    assertThat(cluster.roleOwners()).containsEntry("back", "n3");
    assertThat(cluster.roleOwners().get("stays")).isNotEqualTo("n3");
  }

  @Test
  void forcePauseNoDrainPausesWithoutMovingRoles() {
    SimulatedCluster cluster = twoSites();
    SimulationResult outcome = Simulation.run(cluster, Simulation.options().pauseMode(PauseMode.FORCE_PAUSE_NO_DRAIN).build());
    assertThat(outcome.history()).noneMatch(c -> c.description().contains("moved from"));
    // Each of the 4 nodes is paused twice: for its first pass, and for the pass that installs the
    // second-order update staged while the node was back in service.
    assertThat(outcome.steps()).filteredOn(s -> s.step().equals("suspend")).hasSize(8);
  }

  @Test
  void forcePauseAndDrainMovesEvenARoleThatCannotMove() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("pinned").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(Clusters.monthlyUpdates())).node("n2").node("n3");
    SimulatedCluster graceful = builder.role("pinned", "n1", List.of("n1")).build();
    SimulationResult refused = Simulation.run(graceful, Simulation.options().maxRetriesPerNode(1).build());
    assertThat(refused.result().nodeResult("n1").orElseThrow().reason()).contains("has no other node");

    SimulatedCluster forced = SimulatedCluster.builder("pinned").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(Clusters.monthlyUpdates())).node("n2").node("n3")
        .role("pinned", "n1", List.of("n1")).build();
    SimulationResult outcome = Simulation.run(forced, Simulation.options().pauseMode(PauseMode.FORCE_PAUSE_AND_DRAIN).build());
    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.history()).anySatisfy(c -> assertThat(c.description()).contains("\"pinned\" moved").contains("as failed"));
  }

  @Test
  void forcePauseDrainAndRebootRestartsEvenWhenNoUpdateNeedsIt() {
    SimulatedUpdate noRestart = SimulatedUpdate.of("KB9", "Definitions");
    SimulatedCluster cluster = SimulatedCluster.builder("reboot").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(noRestart)).node("n2", n -> n.updates(noRestart)).build();

    Simulation.run(cluster, Simulation.options().pauseMode(PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT).build());
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.restarts()).isEqualTo(1));

    SimulatedCluster plain = SimulatedCluster.builder("reboot").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(noRestart)).node("n2", n -> n.updates(noRestart)).build();
    Simulation.run(plain, Simulation.options().build());
    assertThat(plain.nodes()).allSatisfy(n -> assertThat(n.restarts()).isZero());
  }

  @Test
  void enableFirewallRulesTurnsTheRemoteShutdownRuleOn() {
    SimulatedCluster cluster = SimulatedCluster.builder("fw").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.remoteShutdownRule(false).updates(Clusters.monthlyUpdates())).node("n2").build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().enableFirewallRules(true).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.history()).anySatisfy(c -> assertThat(c.description()).contains("firewall rule enabled on \"n1\""));
  }

  @Test
  void withoutEnableFirewallRulesANodeWhoseRuleIsOffFailsEarlyAndIsNotTouched() {
    SimulatedCluster cluster = SimulatedCluster.builder("fw").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.remoteShutdownRule(false).updates(Clusters.monthlyUpdates())).node("n2").build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxFailedNodes(1).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.attempts()).isEqualTo(1);
    assertThat(n1.reason()).contains("remote shutdown firewall rule is off").contains("EnableFirewallRules");
    assertThat(outcome.steps()).filteredOn(s -> s.node().equals("n1")).extracting(s -> s.step()).containsExactly("scan");
  }

  @Test
  void attemptSoftRebootUsesASoftRebootExceptOnANodeThatOptsOut() {
    SimulatedCluster cluster = SimulatedCluster.builder("ksr").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.softRebootBypassed().updates(Clusters.monthlyUpdates()))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().attemptSoftReboot(true).build());

    assertThat(outcome.result().nodeResult("n1").orElseThrow().bootType()).isEqualTo(RebootMode.SOFT);
    assertThat(outcome.result().nodeResult("n2").orElseThrow().bootType()).isEqualTo(RebootMode.FULL);
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(Simulation.run(Clusters.cluster(2, true).build(), Simulation.options().build()).result().nodeResults())
        .allSatisfy(r -> assertThat(r.bootType()).isEqualTo(RebootMode.FULL));
  }

  @Test
  void saveStateMigrationIsAskedOfTheDrain() {
    SimulationResult saved = Simulation.run(twoSites(), Simulation.options().migrationMode(MigrationMode.SAVE_STATE).build());
    assertThat(saved.history()).filteredOn(c -> c.description().contains("moved from"))
        .isNotEmpty().allSatisfy(c -> assertThat(c.description()).endsWith("by saving state"));
    SimulationResult live = Simulation.run(twoSites(), Simulation.options().build());
    assertThat(live.history()).filteredOn(c -> c.description().contains("moved from"))
        .isNotEmpty().allSatisfy(c -> assertThat(c.description()).endsWith("by live migration"));
  }

  @Test
  void aNodeAlreadyInMaintenanceFailsTheRunUnlessTheCheckIsBypassed() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("maint").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.state(NodeState.PAUSED).updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()));
    SimulatedCluster refused = builder.build();
    SimulationResult outcome = Simulation.run(refused, Simulation.options().build());
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("\"n1\" is Paused").contains("BypassMaintenanceModeCheck");
    assertThat(outcome.steps()).isEmpty();

    SimulatedCluster bypassed = SimulatedCluster.builder("maint").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.state(NodeState.PAUSED).updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .build();
    SimulationResult updated = Simulation.run(bypassed, Simulation.options().bypassMaintenanceModeCheck(true).build());
    assertThat(updated.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(bypassed.node("n1").installedUpdates()).hasSize(4);
    assertThat(bypassed.node("n1").state()).as("left in the maintenance it was in").isEqualTo(NodeState.PAUSED);
    assertThat(updated.steps()).filteredOn(s -> s.node().equals("n1"))
        .noneMatch(s -> s.step().equals("suspend") || s.step().equals("resume"));
  }
}
