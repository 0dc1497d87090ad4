package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's result codes and HRESULTs, mapped as the plug-in documents. */
class ResultMappingTests {
  private static final Update UPDATE = Update.of("8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01", "KB5034439");
  private static final Instant NOW = Instant.parse("2026-01-20T03:00:00Z");

  static Stream<Arguments> mappings() {
    return Stream.of(
        Arguments.of(2, 0x00000000, false, UpdateResultCode.SUCCEEDED, "0x00000000", false),
        Arguments.of(2, 0x00000000, true, UpdateResultCode.SUCCEEDED, "0x00000000", true),
        Arguments.of(2, 0x00240005, false, UpdateResultCode.SUCCEEDED, "0x00240005", true),
        Arguments.of(2, 0x00240006, false, UpdateResultCode.ALREADY_INSTALLED, "0x00240006", false),
        Arguments.of(3, 0x8024402F, false, UpdateResultCode.FAILED, "0x8024402F", false),
        Arguments.of(4, 0x8024200B, false, UpdateResultCode.FAILED, "0x8024200B", false),
        Arguments.of(4, 0x80240017, false, UpdateResultCode.NOT_APPLICABLE, "0x80240017", false),
        Arguments.of(4, 0x80070BC9, false, UpdateResultCode.FAILED, "0x80070BC9", true),
        Arguments.of(4, 0x00000000, false, UpdateResultCode.FAILED, "0x8024200B", false),
        Arguments.of(5, 0x8024000B, false, UpdateResultCode.CANCELED, "0x8024000B", false),
        Arguments.of(0, 0x00000000, false, UpdateResultCode.FAILED, "0x8024200B", false),
        Arguments.of(1, 0x00000000, false, UpdateResultCode.FAILED, "0x8024200B", false));
  }

  @ParameterizedTest(name = "result code {0}, HRESULT {1}")
  @MethodSource("mappings")
  void agentResultsMapToInstallResults(int resultCode, int hresult, boolean reboot, UpdateResultCode expected,
      String errorCode, boolean rebootRequired) {
    InstallResult result = ResultMapping.toInstallResult(UPDATE,
        new AgentResult(UPDATE.id(), resultCode, hresult, reboot), NOW);

    assertThat(result.code()).isEqualTo(expected);
    assertThat(Hresults.hex(result.errorCode())).isEqualTo(errorCode);
    assertThat(result.rebootRequired()).isEqualTo(rebootRequired);
    assertThat(result.timestamp()).isEqualTo(NOW);
  }
}
