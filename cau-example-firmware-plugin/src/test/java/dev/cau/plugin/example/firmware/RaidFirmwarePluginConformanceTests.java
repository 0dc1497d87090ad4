package dev.cau.plugin.example.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firmware plug-in keeps the plug-in contract: the conformance kit, as an author runs it. */
class RaidFirmwarePluginConformanceTests {
  static final Map<String, String> ARGUMENTS = Map.of(
      "FirmwareRepository", FakeRaidControllerAgent.REPOSITORY,
      "ApiToken", FakeRaidControllerAgent.TOKEN);

  @Test
  void theFirmwarePluginConforms() {
    PluginConformance.of(new RaidFirmwarePluginProvider())
        .arguments(ARGUMENTS)
        .node(() -> FakeRaidControllerAgent.typical().asNode())
        .failingNode(() -> FakeRaidControllerAgent.unreachable().asNode())
        .assertConforms();
  }

  @Test
  void everyCheckRunsAndPasses() {
    ConformanceReport report = PluginConformance.of(new RaidFirmwarePluginProvider())
        .arguments(ARGUMENTS)
        .node(() -> FakeRaidControllerAgent.typical().asNode())
        .failingNode(() -> FakeRaidControllerAgent.unreachable().asNode())
        .check();

    assertThat(report.findings())
        .extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.values());
    assertThat(report.findings())
        .extracting(ConformanceFinding::outcome)
        .containsOnly(Outcome.PASSED);
  }

  @Test
  void theBridgeReleaseIsInstalledBeforeTheReleaseThatNeedsIt() {
    ConformanceReport report = PluginConformance.of(new RaidFirmwarePluginProvider())
        .arguments(ARGUMENTS)
        .node(() -> FakeRaidControllerAgent.typical().asNode())
        .check();

    assertThat(report.finding(ConformanceCheck.RESCAN_AFTER_INSTALL).message()).isEqualTo(
        "the scan converged after 2 install passes:"
            + " pass 1 installed \"ctrl0/7.2.0\", \"ctrl1/3.1.0\" and restarted the node;"
            + " pass 2 installed \"ctrl0/8.0.0\" and restarted the node;"
            + " then the re-scan reported nothing new to install");
  }
}
