// docs/testkit.md: a cancel in the middle of an install, run.
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.plugin.example.firmware.FakeRaidControllerAgent;
import dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CancelDuringInstallTests {
  @Test
  void theSecondPackageIsCanceled() {
    UpdatePlugin plugin = new RaidFirmwarePluginProvider().create(PluginArguments.of(Map.of(
        "FirmwareRepository", FakeRaidControllerAgent.REPOSITORY,
        "ApiToken", FakeRaidControllerAgent.TOKEN), Set.of("ApiToken")));

    // @example

    assertThat(results).hasSize(2);
    assertThat(results.get(1).code()).isEqualTo(UpdateResultCode.CANCELED);
  }
}
