package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.UpgradeNodes.MEDIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Setup's logs ({@code Save-CauDebugTrace -FeatureUpdateLogs}): collected from the simulated
 * upgrade node's Panther folders into the node's log, bounded, where setup failed or on request.
 */
class SetupLogsTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");
  private static final String ROLLBACK_ERRORS = "C:\\$WINDOWS.~BT\\Sources\\Rollback\\setuperr.log";
  private static final String PANTHER_ACTIONS = "C:\\$WINDOWS.~BT\\Sources\\Panther\\setupact.log";
  private static final String INSTALLED_ACTIONS = "C:\\Windows\\Panther\\setupact.log";
  private static final String ROLLBACK_TEXT = "2026-01-20 04:40:01, Error SP Operation failed: 0xC1900101 - 0x4000D\n";

  private final SimulatedCluster cluster;
  private final UpgradeNodes nodes;

  SetupLogsTests() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("hci");
    NODES.forEach(builder::node);
    cluster = builder.build();
    nodes = new UpgradeNodes(cluster);
    NODES.forEach(nodes::withMedia);
  }

  private SimulationResult run(@Nullable String featureUpdateLogs) {
    Map<String, String> arguments = new HashMap<>(Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, MEDIA));
    if (featureUpdateLogs != null) {
      arguments.put(RollingUpgradePluginProvider.FEATURE_UPDATE_LOGS, featureUpdateLogs);
    }
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RollingUpgradePluginProvider.NAME, arguments)).build();
    return Simulation.run(cluster, options, List.of(new RollingUpgradePluginProvider()));
  }

  private static List<String> messagesOf(SimulationResult outcome, String node) {
    return outcome.events().stream().filter(OperationMessage.class::isInstance).map(OperationMessage.class::cast)
        .filter(m -> m.node().equals(node)).map(OperationMessage::message).toList();
  }

  /** A node whose setup rolled back, leaving its error log and a large action log. */
  private void n2RollsBackLeavingLogs() {
    nodes.system("n2").rollsBack();
    cluster.node("n2").files()
        .write(ROLLBACK_ERRORS, ROLLBACK_TEXT)
        .write(PANTHER_ACTIONS, "x".repeat((int) SetupLogs.MAX_FILE_BYTES + 1));
  }

  @Test
  void aNodeWhoseSetupRolledBackGetsItsSetupLogsAttachedBoundedInSize() {
    n2RollsBackLeavingLogs();

    SimulationResult outcome = run(null);

    assertThat(outcome.result().nodeResult("n2").orElseThrow().status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    List<String> n2 = messagesOf(outcome, "n2");
    assertThat(n2).anySatisfy(m -> assertThat(m)
        .startsWith("Setup log attachment \"n2-Rollback-setuperr.log\" of node \"n2\" (it came back on its old build): "
            + ROLLBACK_ERRORS + ", " + ROLLBACK_TEXT.length() + " bytes\n" + ROLLBACK_TEXT));
    assertThat(n2).anySatisfy(m -> assertThat(m).isEqualTo("Setup log attachment \"n2-Panther-setupact.log\" of node"
        + " \"n2\" (it came back on its old build): " + PANTHER_ACTIONS + ", 65537 bytes, not collected: it is larger"
        + " than the 65536 bytes collected; copy it from the node"));
    assertThat(n2).noneMatch(m -> m.contains("xxxx"));
    assertThat(messagesOf(outcome, "n1")).noneMatch(m -> m.startsWith("Setup log attachment"));
  }

  @Test
  void featureUpdateLogsAllCollectsAfterEveryUpgrade() {
    NODES.forEach(n -> cluster.node(n).files().write(INSTALLED_ACTIONS, "Info Upgrade finished on " + n + "\n"));

    SimulationResult outcome = run("All");

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : NODES) {
      assertThat(messagesOf(outcome, node)).as(node).anySatisfy(m -> assertThat(m)
          .startsWith("Setup log attachment \"" + node + "-Windows-Panther-setupact.log\"")
          .endsWith("Info Upgrade finished on " + node + "\n"));
    }
  }

  @Test
  void featureUpdateLogsNoneCollectsNothingEvenWhenSetupFails() {
    n2RollsBackLeavingLogs();

    SimulationResult outcome = run("none");

    assertThat(messagesOf(outcome, "n2")).noneMatch(m -> m.startsWith("Setup log attachment"));
    assertThat(cluster.steps()).noneMatch(s -> s.step().startsWith("files read"));
  }

  @Test
  void anUnknownFeatureUpdateLogsValueIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> new RollingUpgradePluginProvider().create(PluginArguments.of(Map.of(
        RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, MEDIA, RollingUpgradePluginProvider.FEATURE_UPDATE_LOGS,
        "Sometimes"))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("FeatureUpdateLogs").hasMessageContaining("\"Sometimes\"")
        .hasMessageContaining("FailedSetup, All or None");
  }
}
