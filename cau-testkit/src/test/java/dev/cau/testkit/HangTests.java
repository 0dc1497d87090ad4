package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.Simulation.SimulatedRun;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every wait has a timeout: a call that hangs fails its node, and the run goes on or ends. */
class HangTests {

  private static SimulatedCluster withHungInstall() {
    return SimulatedCluster.builder("hang")
        .node("n1", n -> n.updates(SimulatedUpdate.of("FW1", "Firmware that hangs").installTaking(Duration.ofDays(30))))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .role("a", "n2").role("b", "n3")
        .build();
  }

  @Test
  void aHungInstallFailsItsNodeAtTheOperationTimeoutAndTheRunGoesOn() {
    SimulationResult outcome = Simulation.run(withHungInstall(),
        Simulation.options().operationTimeout(Duration.ofHours(2)).maxFailedNodes(1).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.reason()).contains("did not return within the operation timeout of 120 minutes")
        .contains("left as it was").contains("paused by the run");
    assertThat(Duration.between(Moments.stepStart(outcome, "n1", NodeStep.INSTALLING), Moments.finished(outcome, "n1"))).isEqualTo(Duration.ofHours(2));
    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
  }

  @Test
  void aHungDrainFailsItsNodeToo() {
    SimulatedCluster cluster = SimulatedCluster.builder("drain")
        .node("n1", n -> n.drainHangs().updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxFailedNodes(1).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.reason()).contains("Suspend on node \"n1\" did not return within the operation timeout of 360 minutes");
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
  }

  @Test
  void aCancelDuringAHungInstallStillEndsTheRun() {
    SimulatedCluster cluster = withHungInstall();
    SimulatedRun started = Simulation.start(cluster, Simulation.options().operationTimeout(Duration.ofHours(1)).build(), List.of(),
        event -> {
          if (event instanceof NodeStepStarted s && s.step() == NodeStep.INSTALLING) {
            // The plug-in ignores the cancellation signal: only the operation timeout ends its call.
            cluster.simulator().schedule(s.at().plusSeconds(60), () -> { });
          }
        });
    cluster.simulator().schedule(Instant.parse("2026-01-20T03:10:00Z"), () -> started.run().cancel());

    SimulationResult outcome = started.complete();

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(Duration.between(outcome.result().startedAt(), outcome.result().finishedAt())).isLessThan(Duration.ofHours(2));
  }

  @Test
  void aHungInstallInAnOfflineUpdateFailsItsNodeAndTheClusterIsStartedAgain() {
    SimulatedCluster cluster = withHungInstall();

    SimulationResult outcome = Simulation.runOffline(cluster, Simulation.options().operationTimeout(Duration.ofHours(1)).build(),
        dev.cau.core.options.OfflineUpdate.WORKLOADS_GO_OFFLINE);

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.reason()).contains("did not return within the operation timeout of 60 minutes");
    assertThat(cluster.isRunning()).isTrue();
    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }
}
