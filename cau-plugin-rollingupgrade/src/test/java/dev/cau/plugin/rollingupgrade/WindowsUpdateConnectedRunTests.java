package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.UpgradeNodes.FEATURE_23H2;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.FEATURE_23H2_OLDER;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.NEW_BUILD;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.OLD_BUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeScanned;
import dev.cau.api.plugin.Update;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows Update connected upgrades ({@code WuConnected='true'}, as the seed documents run them):
 * the feature update is found, downloaded and installed through the Windows Update plug-in's
 * agent access, here answered by its simulated agent.
 */
class WindowsUpdateConnectedRunTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");
  private static final CatalogueUpdate CUMULATIVE = CatalogueUpdate.important("5034129",
      "2024-01 Cumulative Update for Azure Stack HCI, version 22H2 (KB5034129)");

  private final SimulatedCluster cluster;
  private final UpgradeNodes nodes;

  WindowsUpdateConnectedRunTests() {
    cluster = UpgradeNodes.hciWithOneVmPerNode(NODES);
    nodes = new UpgradeNodes(cluster);
  }

  private SimulationResult run() {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RollingUpgradePluginProvider.NAME, Map.of(RollingUpgradePluginProvider.WU_CONNECTED,
            "true")))
        .build();
    return Simulation.run(cluster, options, List.of(new RollingUpgradePluginProvider()));
  }

  @Test
  void theScanReportsTheOfferedFeatureUpdatePerNodeAndTheRunUpgradesEveryNode() {
    NODES.forEach(n -> nodes.withWindowsUpdate(n, CUMULATIVE, FEATURE_23H2));
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    SimulationResult outcome = run();

    assertThat(outcome.result().status()).as(String.valueOf(outcome.result().reason())).isEqualTo(SummaryStatus.SUCCEEDED);
    List<NodeScanned> firstScans = outcome.events().stream().filter(NodeScanned.class::isInstance)
        .map(NodeScanned.class::cast).limit(NODES.size()).toList();
    assertThat(firstScans).extracting(NodeScanned::node).containsExactlyInAnyOrderElementsOf(NODES);
    for (NodeScanned scan : firstScans) {
      assertThat(scan.updates()).as("only the feature update, not the cumulative one")
          .extracting(Update::title, u -> u.facts().targetVersion(), u -> u.facts().targetBuild())
          .containsExactly(org.assertj.core.groups.Tuple.tuple(FEATURE_23H2.title(), "23H2", NEW_BUILD + ".469"));
    }
    for (String node : NODES) {
      assertThat(nodes.system(node).build()).as(node).isEqualTo(NEW_BUILD);
      assertThat(nodes.calls()).as(node).contains(node + " wu install [" + FEATURE_23H2.updateId() + "]")
          .doesNotContain(node + " wu install [" + CUMULATIVE.updateId() + "]");
    }
    assertThat(monitor.violations()).isEmpty();
  }

  @Test
  void nodesOfferedDifferentFeatureUpdatesAreRefusedBeforeAnyNodeIsTouched() {
    nodes.withWindowsUpdate("n1", FEATURE_23H2);
    nodes.withWindowsUpdate("n2", FEATURE_23H2);
    nodes.withWindowsUpdate("n3", FEATURE_23H2_OLDER);
    nodes.withWindowsUpdate("n4", FEATURE_23H2, FEATURE_23H2_OLDER);

    SimulationResult outcome = run();

    assertThat(outcome.result().status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().reason())
        .contains("The nodes are offered different feature updates, so no node was touched")
        .contains("node \"n1\" is offered 23H2 (build 25398.469)")
        .contains("node \"n3\" is offered 23H2 (build 25398.320)")
        .contains("node \"n4\" is offered 23H2 (build 25398.469) and 23H2 (build 25398.320)")
        .contains("cumulative update to every node first")
        .contains("KB5003237");
    assertThat(outcome.steps()).extracting(StepRecord::step).doesNotContain("suspend");
    assertThat(nodes.calls()).noneMatch(c -> c.contains("wu install") || c.contains("wu download"));
    NODES.forEach(n -> assertThat(nodes.system(n).build()).isEqualTo(OLD_BUILD));
  }

  @Test
  void theOfferIsComparedByBuildAndRevisionOfTheTitle() {
    assertThat(FeatureOffer.fromTitle("Feature update to Microsoft server operating system, version 21H2 (20348.643)"))
        .contains(new FeatureOffer("21H2", "20348.643",
            "Feature update to Microsoft server operating system, version 21H2 (20348.643)"));
    assertThat(FeatureOffer.fromTitle("2024-01 Cumulative Update (KB5034129)")).isEmpty();
  }
}
