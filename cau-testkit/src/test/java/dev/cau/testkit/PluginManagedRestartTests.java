package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.cluster.Timings;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A plug-in that restarts its node by itself (an operating-system upgrade) is waited for under
 * PluginRestartTimeoutMinutes: the engine never restarts the node for it, and the single-restart
 * timeout does not apply.
 */
class PluginManagedRestartTests {
  private static final String UPGRADE = "Vendor.OsUpgrade";
  private static final List<UpdatePluginProvider> PLUGINS = List.of(InMemoryUpdatePluginProvider.restartingNodes(UPGRADE, "OS"));
  /** Each simulated restart takes 6 minutes: three of them outlast this single-restart timeout. */
  private static final Duration REBOOT_TIMEOUT = Duration.ofMinutes(10);

  private static SimulatedCluster cluster(Consumer<SimulatedCluster.NodeSpec> n1) {
    return Clusters.selfUpgrading(Timings.defaults().reboot(), n1);
  }

  private static RunOptions options() {
    return RunOptions.builder().plugin(UPGRADE).rebootTimeout(REBOOT_TIMEOUT).maxFailedNodes(1).build();
  }

  @Test
  void aNodeThatTheUpgradeRestartsThreeTimesIsWaitedForNotRestartedAgain() {
    SimulatedCluster cluster = cluster(n -> {});
    SimulationResult outcome = Simulation.run(cluster, options(), PLUGINS);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : List.of("n1", "n2", "n3")) {
      assertThat(cluster.node(node).restarts()).as("restarts of %s, all by the upgrade", node).isEqualTo(3);
      assertThat(cluster.node(node).bootId()).as(node).isEqualTo(node + "/boot-4");
    }
    List<String> engineRestarts = outcome.steps().stream().map(StepRecord::step).filter(s -> s.startsWith("restart ")).toList();
    assertThat(engineRestarts).as("restarts the engine asked for").isEmpty();
    assertThat(outcome.events()).noneMatch(e -> e instanceof NodeStepStarted s && s.step() == NodeStep.RESTARTING);
    // The wait for the node spans all three restarts, far beyond the single-restart timeout.
    Duration waited = Duration.between(Moments.stepStart(outcome, "n1", NodeStep.WAITING_FOR_NODE), Moments.stepStart(outcome, "n1", NodeStep.RESCANNING));
    assertThat(waited).isEqualTo(Duration.ofMinutes(18)).isGreaterThan(REBOOT_TIMEOUT);
  }

  @Test
  void theNodeIsDrainedBeforeTheUpgradeEvenWhenUpdatesInstallBeforeDraining() {
    SimulatedCluster cluster = cluster(n -> {});
    RunOptions options = options().toBuilder().workflowOrder(dev.cau.core.options.WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT).build();
    SimulationResult outcome = Simulation.run(cluster, options, PLUGINS);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(Moments.stepStart(outcome, "n1", NodeStep.SUSPENDING)).isBefore(Moments.stepStart(outcome, "n1", NodeStep.INSTALLING));
  }

  @Test
  void aNodeThatNeverComesBackFailsAtThePluginRestartTimeout() {
    SimulatedCluster cluster = cluster(SimulatedCluster.NodeSpec::neverReturnsFromRestart);
    SimulationResult outcome = Simulation.run(cluster, options().toBuilder().pluginRestartTimeout(Duration.ofHours(3)).build(), PLUGINS);

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.reason()).contains("did not come back within PluginRestartTimeoutMinutes (180 minutes)")
        .contains("\"" + UPGRADE + "\"");
    assertThat(Duration.between(Moments.stepStart(outcome, "n1", NodeStep.WAITING_FOR_NODE), Moments.finished(outcome, "n1")))
        .isEqualTo(Duration.ofHours(3));
    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }
}
