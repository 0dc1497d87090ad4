package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plug-in keeps the plug-in contract, checked by the testkit's conformance kit. */
class WindowsUpdatePluginConformanceTests {
  private static ConformanceNode node() {
    SimulatedWindowsUpdateAgent agent = SimulatedWindowsUpdateAgent.of(Catalogues.SERVICING_STACK,
        Catalogues.CUMULATIVE, Catalogues.DEFENDER, Catalogues.SECOND_ORDER, Catalogues.REMOVAL_TOOL);
    return ConformanceNode.of(agent).onRestart(agent::restart);
  }

  private static ConformanceNode failingNode() {
    return ConformanceNode.of(SimulatedWindowsUpdateAgent.of(Catalogues.CUMULATIVE).makeUnreachable());
  }

  @Test
  void everyCheckRunsAndPasses() {
    ConformanceReport report = PluginConformance.of(new WindowsUpdatePluginProvider())
        .arguments(Map.of("IncludeRecommendedUpdates", "False"))
        .node(WindowsUpdatePluginConformanceTests::node)
        .failingNode(WindowsUpdatePluginConformanceTests::failingNode)
        .check();

    assertThat(report.findings()).extracting(ConformanceFinding::check).containsExactly(ConformanceCheck.values());
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.outcome()).as(f.check() + ": " + f.message())
        .isEqualTo(Outcome.PASSED));
  }

  @Test
  void theSecondOrderUpdateIsInstalledInASecondPass() {
    ConformanceReport report = PluginConformance.of(new WindowsUpdatePluginProvider())
        .node(WindowsUpdatePluginConformanceTests::node)
        .check();

    assertThat(report.finding(ConformanceCheck.RESCAN_AFTER_INSTALL).message())
        .contains("converged after 2 install passes");
  }
}
