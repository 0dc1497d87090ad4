package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hotfix plug-in keeps the plug-in contract: the testkit's conformance kit, on simulated nodes. */
class HotfixPluginConformanceTests {
  private static final Map<String, String> ARGUMENTS = Map.of(HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT);

  /** A fresh node with an MSU for every node, a BIOS package and an MSI for this node. */
  private static ConformanceNode node() {
    SimulatedCluster cluster = Fixtures.cluster(ConformanceContext.NODE_NAME);
    Fixtures.root()
        .forAllNodes("KB5034441.msu", bytes("kb"))
        .forAllNodes("BIOS\\R740_BIOS.exe", bytes("bios"))
        .forNode(ConformanceContext.NODE_NAME, "agent.msi", bytes("agent"))
        .plantOn(cluster);
    SimulatedNode node = cluster.node(ConformanceContext.NODE_NAME);
    node.programs().define("wusa", SimulatedProgram.exitingWith(3010))
        .define("msiexec", SimulatedProgram.exitingWith(0))
        .define("R740_BIOS", SimulatedProgram.exitingWith(0));
    return ConformanceNode.of(node.files(), node.programs());
  }

  /** A node whose share refuses access. */
  private static ConformanceNode unreachable() {
    SimulatedCluster cluster = Fixtures.cluster(ConformanceContext.NODE_NAME);
    Fixtures.root().forAllNodes("KB5034441.msu", bytes("kb")).plantOn(cluster);
    SimulatedNode node = cluster.node(ConformanceContext.NODE_NAME);
    node.files().denyAccess(Fixtures.ROOT);
    return ConformanceNode.of(node.files(), node.programs());
  }

  @Test
  void theHotfixPluginConforms() {
    PluginConformance.of(new HotfixPluginProvider())
        .arguments(ARGUMENTS)
        .node(HotfixPluginConformanceTests::node)
        .failingNode(HotfixPluginConformanceTests::unreachable)
        .assertConforms();
  }

  @Test
  void everyCheckRunsAndPasses() {
    ConformanceReport report = PluginConformance.of(new HotfixPluginProvider())
        .arguments(ARGUMENTS)
        .node(HotfixPluginConformanceTests::node)
        .failingNode(HotfixPluginConformanceTests::unreachable)
        .check();

    assertThat(report.findings()).extracting(ConformanceFinding::check).containsExactly(ConformanceCheck.values());
    assertThat(report.findings()).extracting(ConformanceFinding::outcome).containsOnly(Outcome.PASSED);
  }
}
