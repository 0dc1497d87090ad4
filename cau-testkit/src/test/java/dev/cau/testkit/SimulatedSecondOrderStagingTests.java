package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a second-order update (one that applies only after the restart) is downloaded, read from
 * the simulated step log and the run's step events: by default never inside a node's drained
 * window (between its suspend and the resume that follows), with {@code WHILE_DRAINED} inside it,
 * as CAU does.
 */
class SimulatedSecondOrderStagingTests {

  private static SimulationResult run(SimulatedCluster cluster, SecondOrderStaging staging) {
    return Simulation.run(cluster, Simulation.options().secondOrderStaging(staging).build());
  }

  /** The node's simulated steps: "suspend", "stage", "install KB…", "restart …", "resume", …. */
  private static List<String> stepsOf(SimulationResult outcome, String node) {
    return outcome.steps().stream().filter(s -> s.node().equals(node)).map(StepRecord::step).toList();
  }

  /** The node's published workflow steps, in order. */
  private static List<NodeStep> eventsOf(SimulationResult outcome, String node) {
    return outcome.events().stream().filter(e -> e instanceof NodeStepStarted s && s.node().equals(node))
        .map(e -> ((NodeStepStarted) e).step()).toList();
  }

  /** Whether a download ("stage") happens between a suspend and the resume that follows it. */
  private static boolean stagesWhileDrained(List<String> steps) {
    boolean drained = false;
    for (String step : steps) {
      if (step.equals("suspend")) {
        drained = true;
      } else if (step.equals("resume")) {
        drained = false;
      } else if (step.equals("stage") && drained) {
        return true;
      }
    }
    return false;
  }

  /** Whether a STAGING step starts between a SUSPENDING and the RESUMING that follows it. */
  private static boolean stagingEventWhileDrained(List<NodeStep> steps) {
    boolean drained = false;
    for (NodeStep step : steps) {
      if (step == NodeStep.SUSPENDING) {
        drained = true;
      } else if (step == NodeStep.RESUMING) {
        drained = false;
      } else if (step == NodeStep.STAGING && drained) {
        return true;
      }
    }
    return false;
  }

  @Test
  void byDefaultNoNodeDownloadsInsideItsDrainedWindowAndTheSecondOrderUpdateIsInstalledAfterTheRestart() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    SimulationResult outcome = run(cluster, SecondOrderStaging.OUTSIDE_DRAINED_WINDOW);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : List.of("n1", "n2", "n3", "n4")) {
      List<String> steps = stepsOf(outcome, node);
      assertThat(stagesWhileDrained(steps)).as("%s downloads while drained: %s", node, steps).isFalse();
      assertThat(stagingEventWhileDrained(eventsOf(outcome, node))).as("%s: %s", node, eventsOf(outcome, node)).isFalse();
      int restart = steps.indexOf("restart FULL");
      assertThat(steps.indexOf("install KB5004")).as(node).isGreaterThan(restart);
      // The first pass: staged, drained, installed, restarted; then back to service, the
      // second-order update staged there, drained again and installed; then back to service.
      assertThat(steps).as(node).containsSubsequence("stage", "suspend", "install KB5001", "restart FULL", "resume",
          "stage", "suspend", "install KB5004", "resume");
      assertThat(steps.stream().filter("suspend"::equals).count()).as(node).isEqualTo(2);
      assertThat(cluster.node(node).installCount("KB5004")).isEqualTo(1);
      assertThat(cluster.node(node).restarts()).isEqualTo(1);
    }
    assertThat(monitor.violations()).isEmpty();
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(1);
  }

  @Test
  void whileDrainedKeepsCausBehaviourOneDrainAndTheSecondOrderDownloadInsideIt() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();

    SimulationResult outcome = run(cluster, SecondOrderStaging.WHILE_DRAINED);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : List.of("n1", "n2", "n3", "n4")) {
      List<String> steps = stepsOf(outcome, node);
      assertThat(stagesWhileDrained(steps)).as("%s: %s", node, steps).isTrue();
      assertThat(stagingEventWhileDrained(eventsOf(outcome, node))).as(node).isTrue();
      assertThat(steps).as(node).containsSubsequence("stage", "suspend", "install KB5001", "restart FULL", "stage",
          "install KB5004", "resume");
      assertThat(steps.stream().filter("suspend"::equals).count()).as(node).isEqualTo(1);
    }
  }
}
