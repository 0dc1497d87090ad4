package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.WorkflowOrder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowOptionTests {

  private static SimulatedCluster mixed() {
    return SimulatedCluster.builder("mixed").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("quiet", n -> n.updates(SimulatedUpdate.of("KB2", ".NET update"), SimulatedUpdate.of("KB3", "Definitions")))
        .node("reboot", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()))
        .node("idle")
        .role("r", "quiet")
        .build();
  }

  private static List<String> steps(SimulationResult outcome, String node) {
    return outcome.steps().stream().filter(s -> s.node().equals(node)).map(StepRecord::step).toList();
  }

  @Test
  void drainThenInstallSuspendsEveryNodeWithUpdatesBeforeInstalling() {
    SimulationResult outcome = Simulation.run(mixed(), Simulation.options().build());
    assertThat(steps(outcome, "quiet")).containsSubsequence("suspend", "install KB2", "install KB3", "resume");
    assertThat(steps(outcome, "reboot")).containsSubsequence("suspend", "install KB1", "restart FULL", "resume");
  }

  @Test
  void installFirstDrainsAndRestartsOnlyANodeWhoseUpdateNeedsARestart() {
    SimulationResult outcome = Simulation.run(mixed(),
        Simulation.options().workflowOrder(WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT).build());

    assertThat(steps(outcome, "quiet")).contains("install KB2", "install KB3").doesNotContain("suspend", "resume");
    assertThat(steps(outcome, "reboot")).containsSubsequence("install KB1", "suspend", "restart FULL", "resume");
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void skipCompliantNodesOffDrainsEvenANodeWithNothingToInstall() {
    SimulationResult skipped = Simulation.run(mixed(), Simulation.options().build());
    assertThat(steps(skipped, "idle")).containsExactly("scan");

    SimulationResult cycled = Simulation.run(mixed(), Simulation.options().skipCompliantNodes(false).build());
    assertThat(steps(cycled, "idle")).containsSubsequence("suspend", "resume").doesNotContain("restart FULL");
    assertThat(cycled.result().nodeResult("idle").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void doNotRestartLeavesTheNodePendingRestart() {
    SimulatedCluster cluster = mixed();
    SimulationResult outcome = Simulation.run(cluster, Simulation.options().suspendReboot(true).build());

    NodeResult reboot = outcome.result().nodeResult("reboot").orElseThrow();
    assertThat(reboot.restartPending()).isTrue();
    assertThat(reboot.restarts()).isZero();
    assertThat(reboot.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().nodeResult("quiet").orElseThrow().restartPending()).isFalse();
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.restarts()).isZero());
    assertThat(Simulation.run(mixed(), Simulation.options().build()).result().nodeResult("reboot").orElseThrow().restartPending())
        .isFalse();
  }

  @Test
  void maxUpdatePassesBoundsSecondOrderInstalls() {
    SimulationResult onePass = Simulation.run(Clusters.cluster(2, true).build(), Simulation.options().maxUpdatePasses(1).build());
    assertThat(onePass.result().nodeResults()).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
      assertThat(r.succeededUpdates()).isEqualTo(3);
      assertThat(r.reason()).contains("still applicable after 1 install pass (the limit)").contains("Servicing stack follow-up");
    });
    assertThat(Simulation.run(Clusters.cluster(2, true).build(), Simulation.options().build()).result().status())
        .isEqualTo(SummaryStatus.SUCCEEDED);
  }
}
