package dev.cau.plugin.rollingupgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Setup's restarts are the plug-in's own, so the engine waits for the node within the run's
 * plug-in restart timeout ({@code PluginRestartTimeoutMinutes}, 4 hours by default), not the
 * single-restart timeout; a node that never comes back ends the wait and fails, in virtual time.
 */
class SetupRestartTimeoutTests {
  @Test
  void aNodeThatNeverComesBackFromSetupsRestartsFailsWhenThePluginRestartTimeoutElapses() {
    SimulatedCluster cluster = SimulatedCluster.builder("hci").node("n1").node("n2", n -> n.neverReturnsFromRestart())
        .node("n3").build();
    UpgradeNodes nodes = new UpgradeNodes(cluster);
    List.of("n1", "n2", "n3").forEach(nodes::withMedia);
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RollingUpgradePluginProvider.NAME,
            Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, UpgradeNodes.MEDIA)))
        .build();

    SimulationResult outcome = Simulation.run(cluster, options, List.of(new RollingUpgradePluginProvider()));

    NodeResult n2 = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(n2.status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(nodes.system("n1").build()).isEqualTo(UpgradeNodes.NEW_BUILD);
    assertThat(cluster.steps()).filteredOn(s -> s.node().equals("n2") && s.step().equals("await ready"))
        .allSatisfy(s -> assertThat(s.duration()).isLessThanOrEqualTo(RunOptions.DEFAULT_PLUGIN_RESTART_TIMEOUT))
        .anySatisfy(s -> assertThat(s.duration()).isGreaterThan(Duration.ofMinutes(30)));
    assertThat(outcome.virtualDuration()).isLessThan(Duration.ofDays(1));
  }
}
