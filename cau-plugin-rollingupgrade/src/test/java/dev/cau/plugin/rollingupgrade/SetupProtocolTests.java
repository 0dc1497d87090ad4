package dev.cau.plugin.rollingupgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import dev.cau.plugin.rollingupgrade.SetupProtocol.Operation;
import org.junit.jupiter.api.Test;

/**
 * The node-side script is fixed text fed only by JSON data, and its answers are checked field by
 * field; setup's documented exit codes are named. Windows cannot run here: the answers are the
 * documented shapes (docs/rolling-upgrade-plugin.md).
 */
class SetupProtocolTests {
  private static final String HOSTILE = "D:\\Media'; Remove-Item C:\\ -Recurse; '$(calc)\"`";

  @Test
  void aPathTravelsAsJsonDataAndNeverBecomesScriptText() {
    ProgramRequest request = SetupScript.request(Operation.COMPAT, HOSTILE);

    assertThat(request.shell()).isEqualTo(Shell.POWERSHELL);
    assertThat(request.runAs()).isEqualTo(RunAs.SYSTEM);
    assertThat(request.program()).isEqualTo(SetupScript.body()).doesNotContain("Remove-Item C:");
    assertThat(request.arguments()).singleElement().isEqualTo(
        "{\"schema\":1,\"operation\":\"compat\",\"path\":\"D:\\\\Media'; Remove-Item C:\\\\ -Recurse; '$(calc)\\\"`\"}");
    assertThat(SetupProtocol.readParameters(request.arguments().get(0))).containsEntry("path", HOSTILE);
  }

  @Test
  void theScriptPassesSetupItsArgumentsAsAnArrayAndReadsOnlyItsJsonParameter() {
    String body = SetupScript.body();

    assertThat(body).contains("$parameters = $args[0] | ConvertFrom-Json")
        .contains("'/Compat', 'ScanOnly'")
        .contains("& $program @arguments")
        .doesNotContain("Invoke-Expression").doesNotContain("iex ");
  }

  @Test
  void anAnswerIsReadFieldByField() {
    SetupProtocol.Answer answer = SetupProtocol.parse("n1", Operation.OSVERSION,
        "{\"schema\":1,\"operation\":\"osversion\",\"currentBuild\":\"20349\",\"ubr\":2322,\"displayVersion\":\"22H2\"}");

    assertThat(OsVersion.read(answer)).isEqualTo(new OsVersion("20349", 2322, "22H2"));
    assertThat(OsVersion.read(answer).shown()).isEqualTo("22H2 (build 20349.2322)");
  }

  @Test
  void anAnswerThatBreaksTheSchemaIsRefusedNamingTheField() {
    assertThatThrownBy(() -> OsVersion.read(SetupProtocol.parse("n1", Operation.OSVERSION,
        "{\"schema\":1,\"operation\":\"osversion\",\"currentBuild\":\"20349; rm\",\"ubr\":1,\"displayVersion\":\"\"}")))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("node \"n1\"").hasMessageContaining("field \"currentBuild\" must be 1 to 6 digits");
    assertThatThrownBy(() -> SetupProtocol.parse("n1", Operation.COMPAT, "{\"schema\":1,\"operation\":\"upgrade\"}"))
        .hasMessageContaining("field \"operation\" must be \"compat\"");
    assertThatThrownBy(() -> SetupProtocol.parse("n1", Operation.COMPAT, "{\"schema\":1,\"x\":{\"y\":1}}"))
        .hasMessageContaining("the document is flat");
    assertThatThrownBy(() -> SetupProtocol.parse("n1", Operation.COMPAT, "{" + " ".repeat(70_000) + "}"))
        .hasMessageContaining("larger than 65536 characters");
  }

  @Test
  void anErrorTheScriptReportsCarriesItsMessage() {
    assertThatThrownBy(() -> SetupProtocol.parse("n2", Operation.MEDIA,
        "{\"schema\":1,\"operation\":\"media\",\"error\":\"no sources\\\\install.wim in the media folder\"}"))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("The rolling-upgrade script on node \"n2\" failed to media: no sources\\install.wim in the media folder");
  }

  @Test
  void setupsDocumentedExitCodesAreNamedAndClassified() {
    assertThat(SetupExitCode.describe(0xC1900210)).isEqualTo("0xC1900210 MOSETUP_E_COMPAT_SCANONLY: no compatibility issues");
    assertThat(SetupExitCode.describe(0xC1900208)).startsWith("0xC1900208 MOSETUP_E_COMPAT_INSTALLREQ_BLOCK: an actionable");
    assertThat(SetupExitCode.describe(0xC1900200)).contains("MOSETUP_E_COMPAT_SYSREQ_BLOCK");
    assertThat(SetupExitCode.describe(0xC190020E)).contains("MOSETUP_E_INSTALLDISKSPACE_BLOCK");
    assertThat(SetupExitCode.describe(3)).isEqualTo("3 CONX_SETUP_EXITCODE_CONTINUE_REBOOT: the upgrade succeeded and"
        + " continues after a restart");
    assertThat(SetupExitCode.describe(42)).isEqualTo("42 (not a code setup documents)");
    assertThat(SetupExitCode.COMPAT_SCANONLY.blocks()).isFalse();
    assertThat(SetupExitCode.COMPAT_INSTALLREQ_BLOCK.blocks()).isTrue();
    assertThat(SetupExitCode.COMPAT_SCANONLY.code()).isEqualTo(-1047526896);
  }
}
