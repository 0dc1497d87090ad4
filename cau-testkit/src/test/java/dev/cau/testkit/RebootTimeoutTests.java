package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RebootTimeoutTests {

  /** Five nodes; n1 (no roles, so first in order) restarts and never returns. */
  private static SimulatedCluster cluster(Consumer<SimulatedCluster.NodeSpec> fault) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("five");
    builder.node("n1", n -> fault.accept(n.updates(Clusters.monthlyUpdates())));
    for (int i = 2; i <= 5; i++) {
      builder.node("n" + i, n -> n.updates(Clusters.monthlyUpdates()));
    }
    return builder.role("a", "n2").role("b", "n3").role("c", "n4").role("d", "n5").build();
  }

  private static Instant stepStart(SimulationResult outcome, String node, NodeStep step) {
    return outcome.events().stream()
        .filter(e -> e instanceof NodeStepStarted s && s.node().equals(node) && s.step() == step)
        .findFirst().orElseThrow().at();
  }

  private static Instant finishedAt(SimulationResult outcome, String node) {
    return outcome.events().stream()
        .filter(e -> e instanceof NodeFinished f && f.result().node().equals(node))
        .findFirst().orElseThrow().at();
  }

  @Test
  void aNodeThatNeverReturnsFailsWhenTheRebootTimeoutElapsesAndTheRunGoesOnWithinMaxFailedNodes() {
    SimulationResult outcome = Simulation.run(cluster(SimulatedCluster.NodeSpec::neverReturnsFromRestart),
        Simulation.options().rebootTimeoutMinutes(20).maxFailedNodes(1).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.reason()).contains("did not come back within the reboot timeout of 20 minutes");
    assertThat(Duration.between(stepStart(outcome, "n1", NodeStep.WAITING_FOR_NODE), finishedAt(outcome, "n1")))
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(outcome.result().nodeResults()).filteredOn(r -> !r.node().equals("n1"))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
  }

  @Test
  void withMaxFailedNodesZeroTheRunStopsAndTheRemainingNodesAreCanceled() {
    SimulationResult outcome = Simulation.run(cluster(SimulatedCluster.NodeSpec::neverReturnsFromRestart),
        Simulation.options().maxFailedNodes(0).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("1 node failed, more than MaxFailedNodes (0)");
    assertThat(outcome.result().nodeResults()).filteredOn(r -> !r.node().equals("n1"))
        .allSatisfy(r -> {
          assertThat(r.status()).isEqualTo(SummaryStatus.CANCELED);
          assertThat(r.attempts()).isZero();
        });
    assertThat(outcome.steps()).filteredOn(s -> !s.node().equals("n1"))
        .allSatisfy(s -> assertThat(s.step()).isEqualTo("scan"));
  }

  @Test
  void theEnginesOwnTimerEndsTheWaitWhenTheControllerIgnoresItsTimeout() {
    SimulationResult outcome = Simulation.run(
        cluster(n -> n.neverReturnsFromRestart().awaitReadyIgnoresTimeout()),
        Simulation.options().maxFailedNodes(1).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(Duration.between(stepStart(outcome, "n1", NodeStep.WAITING_FOR_NODE), finishedAt(outcome, "n1")))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
  }
}
