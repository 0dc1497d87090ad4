package dev.cau.plugin.rollingupgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.capability.ProgramRunner;
import dev.cau.plugin.rollingupgrade.simulated.SimulatedUpgradeNode;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plug-in keeps the plug-in contract, checked by the testkit's conformance kit. */
class RollingUpgradePluginConformanceTests {
  private static ConformanceNode node(boolean reachable) {
    SimulatedCluster cluster = SimulatedCluster.builder("hci").node(ConformanceContext.NODE_NAME).build();
    SimulatedNode simulated = cluster.node(ConformanceContext.NODE_NAME);
    simulated.files().directory(UpgradeNodes.MEDIA).write(UpgradeNodes.MEDIA + "\\setup.exe", "setup");
    SimulatedUpgradeNode system = new SimulatedUpgradeNode(UpgradeNodes.OLD_BUILD, 2322, "22H2");
    if (reachable) {
      system.media(UpgradeNodes.MEDIA_IMAGE);
    }
    ProgramRunner runner = (request, context) -> system.answer(request).result();
    return ConformanceNode.of(simulated.files(), runner).onRestart(system::boot);
  }

  @Test
  void everyCheckRunsAndPasses() {
    ConformanceReport report = PluginConformance.of(new RollingUpgradePluginProvider())
        .arguments(Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, UpgradeNodes.MEDIA))
        .node(() -> node(true))
        .failingNode(() -> node(false))
        .check();

    assertThat(report.findings()).extracting(ConformanceFinding::check).containsExactly(ConformanceCheck.values());
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.outcome()).as(f.check() + ": " + f.message())
        .isEqualTo(Outcome.PASSED));
  }
}
