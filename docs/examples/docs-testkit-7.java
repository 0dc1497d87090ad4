// docs/testkit.md: the conformance report, read in a test.
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.plugin.example.firmware.FakeRaidControllerAgent;
import dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceReportTests {
  @Test
  void theRescanFindingSaysHowTheScanConverged() {
    PluginConformance kit = PluginConformance.of(new RaidFirmwarePluginProvider())
        .arguments(Map.of(
            "FirmwareRepository", FakeRaidControllerAgent.REPOSITORY,
            "ApiToken", FakeRaidControllerAgent.TOKEN))
        .node(() -> {
          FakeRaidControllerAgent agent = FakeRaidControllerAgent.typical();
          return ConformanceNode.of(agent).onRestart(agent::restart);
        });

    // @example
  }
}
