package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;

class QuorumInSimulationTests {

  private static SimulatedCluster.Builder fourNodesWithOneDown() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("four");
    builder.node("n1", n -> n.state(NodeState.DOWN).updates(Clusters.monthlyUpdates()));
    for (int i = 2; i <= 4; i++) {
      builder.node("n" + i, n -> n.updates(Clusters.monthlyUpdates()));
    }
    return builder.role("sql", "n2").role("vm", "n3");
  }

  @Test
  void fourNodesWithoutWitnessAndOneDownRefuseToTakeAnotherNodeDown() {
    SimulatedCluster cluster = fourNodesWithOneDown().build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason())
        .contains("quorum guard refused to take node \"n4\" down")
        .contains("2 of 4 configured votes (3 needed)")
        .contains("\"n1\"");
    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend") || s.step().startsWith("restart"));
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.installedUpdates()).isEmpty());
    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().nodeResult("n4").orElseThrow().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isEqualTo(SummaryStatus.CANCELED);
  }

  @Test
  void aClusterThatCannotSpareANodeIsRefusedBeforeAnyNodeIsStagedScriptedOrHasItsFirewallChanged() {
    // Three nodes without a witness and one down: 2 of 3 votes, and every further node is needed.
    SimulatedCluster cluster = SimulatedCluster.builder("three")
        .node("n1", n -> n.state(NodeState.DOWN).updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.remoteShutdownRule(false).updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.remoteShutdownRule(false).updates(Clusters.monthlyUpdates()))
        .role("sql", "n2")
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxFailedNodes(1)
        .enableFirewallRules(true).preUpdateScript("pre.ps1").build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason())
        .contains("The quorum guard refused to take node \"n3\" down") // n3 has no role: it goes first
        .contains("1 of 3 configured votes (2 needed)")
        .contains("\"n1\"");
    assertThat(outcome.steps()).extracting(s -> s.step()).as("only scans, nothing that changes a node")
        .containsOnly("scan");
    assertThat(outcome.history()).noneMatch(c -> c.description().contains("firewall rule enabled"));
    assertThat(outcome.events()).noneMatch(e -> e instanceof dev.cau.api.event.NodeStepStarted);
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.installedUpdates()).isEmpty());
    assertThat(outcome.result().nodeResult("n3").orElseThrow().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(outcome.result().nodeResult("n3").orElseThrow().reason()).startsWith("Refused by the quorum guard: ");
  }

  @Test
  void theSameClusterWithAnOnlineWitnessProceeds() {
    SimulatedCluster cluster = fourNodesWithOneDown().witness(WitnessKind.CLOUD, WitnessState.ONLINE).build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(outcome.result().nodeResult("n1").orElseThrow().reason()).contains("was Down when the run started");
    for (String node : new String[] {"n2", "n3", "n4"}) {
      assertThat(outcome.result().nodeResult(node).orElseThrow().status()).as(node).isEqualTo(SummaryStatus.SUCCEEDED);
    }
    assertThat(monitor.violations()).isEmpty();
  }

  @Test
  void anOfflineWitnessDoesNotCount() {
    SimulatedCluster cluster = fourNodesWithOneDown().witness(WitnessKind.FILE_SHARE, WitnessState.OFFLINE).build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("quorum guard refused");
  }

  @Test
  void allowDynamicQuorumProceedsWhereOnlyDynamicQuorumHoldsAndSaysSo() {
    SimulatedCluster cluster = SimulatedCluster.builder("five").node("n1", n -> n.state(NodeState.DOWN))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n4", n -> n.updates(Clusters.monthlyUpdates()))
        .build();

    SimulationResult outcome = Simulation.run(cluster,
        Simulation.options().quorumPolicy(dev.cau.core.quorum.QuorumPolicy.ALLOW_DYNAMIC_QUORUM).build());

    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
        dev.cau.api.event.OperationMessage.class, m -> assertThat(m.message()).contains("relying on dynamic quorum")));
  }

  @Test
  void theGuardIsAskedAgainBeforeTheRestartAndANodeLostMeanwhileStopsTheRunWithTheNodeResumed() {
    // n1 goes first (no roles); n4 crashes while n1 installs its 12-minute cumulative update.
    SimulatedCluster cluster = SimulatedCluster.builder("crash")
        .node("n1", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n4", n -> n.updates(Clusters.monthlyUpdates()))
        .role("a", "n2").role("b", "n3").role("c", "n4")
        .crash("n4", java.time.Duration.ofMinutes(10))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("refused to take node \"n1\" down").contains("\"n4\"");
    dev.cau.api.result.NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.succeededUpdates()).isEqualTo(3);
    assertThat(n1.restarts()).isZero();
    assertThat(n1.restartPending()).isTrue();
    assertThat(cluster.node("n1").state()).isEqualTo(NodeState.UP);
    assertThat(outcome.steps()).noneMatch(s -> s.step().startsWith("restart"));
  }

  @Test
  void regressionANodeInMaintenanceIsCheckedAgainRightBeforeItsRestart() {
    // Found by a million-scenario run and shrunk to this: n1 was checked before its long install,
    // n3 crashed during it, and n1 restarted without a fresh check.
    SimulatedCluster cluster = SimulatedCluster.builder("maintenance")
        .witness(WitnessKind.FILE_SHARE, WitnessState.OFFLINE)
        .node("n1", n -> n.state(NodeState.PAUSED).updates(
            dev.cau.testkit.cluster.SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()
                .installTaking(java.time.Duration.ofMinutes(14))))
        .node("n2").node("n3")
        .crash("n3", java.time.Duration.ofMinutes(16).plusSeconds(7))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().bypassMaintenanceModeCheck(true)
        .quorumPolicy(dev.cau.core.quorum.QuorumPolicy.ALLOW_DYNAMIC_QUORUM).maxFailedNodes(2).build());

    assertThat(outcome.steps()).noneMatch(s -> s.step().startsWith("restart"));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("refused to take node \"n1\" down");
    assertThat(outcome.result().nodeResult("n1").orElseThrow().restartPending()).isTrue();
  }
}
