// docs/testkit.md: the firmware plug-in on a simulated cluster, run.
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.plugin.example.firmware.FakeRaidControllerAgent;
import dev.cau.plugin.example.firmware.RaidControllerAgent;
import dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirmwareOnASimulatedClusterTests {
  @Test
  void everyNodeGetsItsFirmware() {
    SimulatedCluster cluster = SimulatedCluster.builder("lab").node("n1").node("n2").node("n3").build();
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RaidFirmwarePluginProvider.NAME, Map.of(
            RaidFirmwarePluginProvider.FIRMWARE_REPOSITORY, FakeRaidControllerAgent.REPOSITORY,
            RaidFirmwarePluginProvider.API_TOKEN, FakeRaidControllerAgent.TOKEN)))
        .build();

    // @example

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }
}
