package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.Simulation.SimulatedRun;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancelTests {
  private static final RunOptions OPTIONS = Simulation.options().postUpdateScript("post.ps1").build();

  private static SimulatedCluster sixNodes() {
    return Clusters.cluster(6, true).build();
  }

  @Test
  void aCancelAtEveryStepOfASixNodeRunLeavesNoNodeSuspendedAndEndsCanceled() {
    List<RunEvent> baseline = Simulation.run(sixNodes(), OPTIONS).events();
    assertThat(baseline).hasSizeGreaterThan(60);

    for (int cancelAfter = 0; cancelAfter < baseline.size() - 1; cancelAfter++) {
      SimulatedCluster cluster = sixNodes();
      int target = cancelAfter;
      int[] seen = {0};
      AtomicReference<SimulatedRun> handle = new AtomicReference<>();
      SimulatedRun started = Simulation.start(cluster, OPTIONS, List.of(), event -> {
        if (seen[0]++ == target) {
          assertThat(handle.get().run().cancel()).isTrue();
        }
      });
      handle.set(started);
      SimulationResult outcome = started.complete();
      String at = "cancel after event " + cancelAfter + " (" + baseline.get(cancelAfter).getClass().getSimpleName() + ")";

      boolean allDoneBeforeCancel = outcome.result().nodeResults().stream()
          .allMatch(r -> indexOfFinish(outcome.events(), r.node()) <= target);
      assertThat(outcome.result().status()).as(at)
          .isEqualTo(allDoneBeforeCancel ? SummaryStatus.SUCCEEDED : SummaryStatus.CANCELED);
      assertThat(cluster.nodes()).as(at).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
      for (NodeResult node : outcome.result().nodeResults()) {
        List<String> steps = outcome.steps().stream().filter(s -> s.node().equals(node.node())).map(StepRecord::step).toList();
        assertThat(steps.lastIndexOf("resume")).as("%s: %s resumed after its last suspend", at, node.node())
            .isGreaterThanOrEqualTo(steps.lastIndexOf("suspend"));
        boolean changed = steps.contains("suspend") || !node.installResults().isEmpty();
        int finishedAt = indexOfFinish(outcome.events(), node.node());
        if (!changed) {
          assertThat(node.status()).as("%s: untouched %s", at, node.node()).isEqualTo(SummaryStatus.CANCELED);
        } else if (finishedAt <= target) {
          assertThat(node.status()).as("%s: %s finished before the cancel", at, node.node()).isEqualTo(SummaryStatus.SUCCEEDED);
        } else if (node.status() != SummaryStatus.SUCCEEDED) {
          assertThat(node.status()).as(at).isIn(SummaryStatus.PARTIALLY_FAILED, SummaryStatus.FAILED);
          assertThat(node.reason()).as(at).contains("canceled while the node was being updated");
        }
      }
    }
  }

  @Test
  void cancelIsAcknowledgedAtOnceAndTheRunCanBeAwaited() {
    SimulatedCluster cluster = sixNodes();
    SimulatedRun started = Simulation.start(cluster, OPTIONS, List.of());

    assertThat(started.run().cancel()).isTrue();
    assertThat(started.run().completion()).isNotDone();
    SimulationResult outcome = started.complete();

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(outcome.result().reason()).isEqualTo("Canceled on request");
    assertThat(outcome.result().nodeResults()).allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.CANCELED));
    assertThat(started.run().cancel()).as("a second request after the end").isFalse();
  }

  @Test
  void stopAfterCancelsTheRunWhenItElapses() {
    SimulatedCluster cluster = sixNodes();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().stopAfter(Duration.ofMinutes(60)).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(outcome.result().reason()).contains("StopAfter (60 minutes) elapsed");
    assertThat(outcome.result().nodeResults()).anySatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED));
    assertThat(outcome.result().nodeResults()).anySatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.CANCELED));
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
  }

  @Test
  void withoutStopAfterTheSameRunSucceeds() {
    assertThat(Simulation.run(sixNodes(), Simulation.options().build()).result().status())
        .isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void warnAfterPublishesAWarningAtThatTimeAndTheRunGoesOn() {
    SimulationResult outcome = Simulation.run(sixNodes(), Simulation.options().warnAfter(Duration.ofMinutes(45)).build());

    List<OperationMessage> warnings = outcome.events().stream()
        .filter(OperationMessage.class::isInstance).map(OperationMessage.class::cast).filter(OperationMessage::warning).toList();
    assertThat(warnings).singleElement().satisfies(w -> {
      assertThat(w.message()).contains("WarnAfter (45 minutes)");
      assertThat(Duration.between(outcome.result().startedAt(), w.at())).isEqualTo(Duration.ofMinutes(45));
    });
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(Simulation.run(sixNodes(), Simulation.options().build()).events())
        .noneMatch(e -> e instanceof OperationMessage m && m.warning());
  }

  private static int indexOfFinish(List<RunEvent> events, String node) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof NodeFinished f && f.result().node().equals(node)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
