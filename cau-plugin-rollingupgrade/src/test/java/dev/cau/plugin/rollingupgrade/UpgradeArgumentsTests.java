package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.MOCK_SETUP;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.UPDATE_CLUSTER_FUNCTIONAL_LEVEL;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.WU_CONNECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArguments;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every argument is checked before any node is touched, naming argument, value and rule. */
class UpgradeArgumentsTests {
  private static UpgradeArguments parse(Map<String, String> values) {
    return UpgradeArguments.from(PluginArguments.of(values));
  }

  private static InvalidOptionsException refused(Map<String, String> values) {
    try {
      new RollingUpgradePluginProvider().create(PluginArguments.of(values));
    } catch (InvalidOptionsException e) {
      return e;
    }
    throw new AssertionError("accepted " + values);
  }

  @Test
  void windowsUpdateConnectedNeedsNoMedia() {
    UpgradeArguments parsed = parse(Map.of(WU_CONNECTED, "true", UPDATE_CLUSTER_FUNCTIONAL_LEVEL, "True"));

    assertThat(parsed).isEqualTo(new UpgradeArguments(true, null, true, false, SetupLogs.When.FAILED_SETUP));
  }

  @Test
  void mediaArePathsOnADriveOrAShareWithoutTrailingSeparators() {
    assertThat(parse(Map.of(PATH_TO_SETUP_MEDIA, "D:\\Media\\23H2\\")).setupMedia()).isEqualTo("D:\\Media\\23H2");
    assertThat(parse(Map.of(PATH_TO_SETUP_MEDIA, "\\\\fs1\\media\\23H2")).setupMedia()).isEqualTo("\\\\fs1\\media\\23H2");
  }

  @Test
  void mediaAreRequiredWhenNotWindowsUpdateConnected() {
    InvalidOptionsException e = refused(Map.of());

    assertThat(e.option()).isEqualTo("CauPluginArguments[Microsoft.RollingUpgradePlugin].PathToSetupMedia");
    assertThat(e.value()).isEqualTo("absent");
    assertThat(e).hasMessageContaining("required when WuConnected is False");
  }

  @Test
  void aBooleanThatIsNotTrueOrFalseIsRefused() {
    InvalidOptionsException e = refused(Map.of(WU_CONNECTED, "yes"));

    assertThat(e.option()).isEqualTo(WU_CONNECTED);
    assertThat(e.value()).isEqualTo("\"yes\"");
    assertThat(e).hasMessageContaining("True or False");
  }

  @Test
  void mediaWhileWindowsUpdateConnectedAreRefusedAsContradictory() {
    InvalidOptionsException e = refused(Map.of(WU_CONNECTED, "True", PATH_TO_SETUP_MEDIA, "D:\\Media"));

    assertThat(e.option()).endsWith("." + PATH_TO_SETUP_MEDIA);
    assertThat(e).hasMessageContaining("used only when WuConnected is False");
  }

  @Test
  void theIsoFileItselfIsRefused() {
    InvalidOptionsException e = refused(Map.of(PATH_TO_SETUP_MEDIA, "D:\\Media\\23H2.iso"));

    assertThat(e.value()).isEqualTo("\"D:\\Media\\23H2.iso\"");
    assertThat(e).hasMessageContaining("not the ISO file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " D:\\Media", "Media\\23H2", "D:\\", "D:\\Media\\..\\Windows", "D:\\Me|dia",
      "D:\\Media\\\\23H2", "\\\\server", "\\\\?\\D:\\Media", "D:\\Media\\a\u0007b", "D:\\Media."})
  void aPathThatIsNotAPlainWindowsPathIsRefusedWithTheRule(String path) {
    InvalidOptionsException e = refused(Map.of(PATH_TO_SETUP_MEDIA, path));

    assertThat(e.option()).endsWith("." + PATH_TO_SETUP_MEDIA);
    assertThat(e.value()).isEqualTo("\"" + path + "\"");
    assertThat(e).hasMessageContaining("a local path such as D:\\Media\\23H2 or a UNC path");
  }

  @Test
  void aPathLongerThanTheLimitIsRefused() {
    String path = "D:\\" + "m".repeat(UpgradeArguments.MAX_PATH);

    assertThat(refused(Map.of(PATH_TO_SETUP_MEDIA, path))).hasMessageContaining("longer than 240 characters");
  }

  @Test
  void mockSetupNamesAPowerShellScript() {
    assertThat(parse(Map.of(MOCK_SETUP, "True", PATH_TO_SETUP_MEDIA, "C:\\CAUHotfix_All\\InstallMsuFiles.ps1")))
        .isEqualTo(new UpgradeArguments(false, "C:\\CAUHotfix_All\\InstallMsuFiles.ps1", false, true,
            SetupLogs.When.FAILED_SETUP));

    InvalidOptionsException e = refused(Map.of(MOCK_SETUP, "True", PATH_TO_SETUP_MEDIA, "D:\\Media"));
    assertThat(e).hasMessageContaining("the path of a .ps1 script when MockSetup is True");
    assertThat(refused(Map.of(MOCK_SETUP, "True"))).hasMessageContaining("required with MockSetup True");
  }

  @Test
  void mockSetupCannotBeWindowsUpdateConnectedNorRaiseTheLevel() {
    assertThat(refused(Map.of(MOCK_SETUP, "True", WU_CONNECTED, "True")).option()).endsWith("." + MOCK_SETUP);
    InvalidOptionsException e = refused(Map.of(MOCK_SETUP, "True", PATH_TO_SETUP_MEDIA, "C:\\s.ps1",
        UPDATE_CLUSTER_FUNCTIONAL_LEVEL, "True"));
    assertThat(e.option()).endsWith("." + UPDATE_CLUSTER_FUNCTIONAL_LEVEL);
    assertThat(e).hasMessageContaining("changes no operating system");
  }

  @Test
  void theOptInIsReadableByTheFlowsCaller() {
    assertThat(RollingUpgradePluginProvider.optsInToFunctionalLevel(PluginArguments.of(Map.of(WU_CONNECTED, "True",
        UPDATE_CLUSTER_FUNCTIONAL_LEVEL, "True")))).isTrue();
    assertThatThrownBy(() -> RollingUpgradePluginProvider.optsInToFunctionalLevel(PluginArguments.EMPTY))
        .isInstanceOf(InvalidOptionsException.class);
  }
}
