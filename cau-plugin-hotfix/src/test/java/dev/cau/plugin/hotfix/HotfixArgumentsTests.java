package dev.cau.plugin.hotfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArguments;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plug-in's arguments are CAU's, with CAU's defaults, and a bad value is refused naming argument, value and what is allowed. */
class HotfixArgumentsTests {
  private static HotfixArguments of(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return HotfixArguments.from(PluginArguments.of(values));
  }

  @Test
  void defaultsAreCaus() {
    HotfixArguments a = of("HotfixRootFolderPath", "\\\\fs1\\Hotfixes\\Root\\");

    assertThat(a.rootFolder()).isEqualTo("\\\\fs1\\Hotfixes\\Root");
    assertThat(a.configFileName()).isEqualTo("DefaultHotfixConfig.xml");
    assertThat(a.installerTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(a.requireSmbEncryption()).isFalse();
    assertThat(a.disableAclChecks()).isFalse();
    assertThat(a.configPath()).isEqualTo("\\\\fs1\\Hotfixes\\Root\\DefaultHotfixConfig.xml");
  }

  @Test
  void givenValuesAreRead() {
    HotfixArguments a = of("HotfixRootFolderPath", "D:\\Hotfixes", "HotfixConfigFileName", "Firmware.xml",
        "HotfixInstallerTimeoutMinutes", "120", "RequireSmbEncryption", "True", "DisableAclChecks", "true");

    assertThat(a.installerTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(a.configFileName()).isEqualTo("Firmware.xml");
    assertThat(a.requireSmbEncryption()).isTrue();
    assertThat(a.disableAclChecks()).isTrue();
  }

  @Test
  void theRootFolderIsRequired() {
    assertThatThrownBy(HotfixArgumentsTests::of)
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"CauPluginArguments[Microsoft.HotfixPlugin].HotfixRootFolderPath\" must be given, as the plug-in"
            + " requires it, but was absent");
  }

  @Test
  void rootFoldersThatAreNotPlainPathsAreRefused() {
    for (String root : new String[] {"", " \\\\fs1\\h", "Hotfixes", "\\\\fs1", "C:\\", "\\\\?\\C:\\h", "\\\\.\\pipe\\x",
        "\\\\fs1\\h\\..\\x", "\\\\fs1\\h\\a.\\b", "\\\\fs1\\h;x\\r", "D:\\CON\\x", "/srv/hotfixes", "\\\\fs1\\h\\%T%"}) {
      assertThatThrownBy(() -> of("HotfixRootFolderPath", root)).as(root)
          .isInstanceOf(InvalidOptionsException.class)
          .hasMessageStartingWith("\"CauPluginArguments[Microsoft.HotfixPlugin].HotfixRootFolderPath\" must be a UNC"
              + " path such as \\\\server\\share\\Hotfixes or a local path such as D:\\Hotfixes (");
    }
  }

  @Test
  void aConfigFileNameWithAPathIsRefused() {
    for (String name : new String[] {"..\\x.xml", "a\\b.xml", "..", "x.xml.", "NUL"}) {
      assertThatThrownBy(() -> of("HotfixRootFolderPath", "D:\\h", "HotfixConfigFileName", name)).as(name)
          .hasMessageContaining("HotfixConfigFileName\" must be the name of a file in the root folder, without a path");
    }
  }

  @Test
  void aTimeoutOutsideOneMinuteToAWeekIsRefused() {
    for (String minutes : new String[] {"0", "-5", "10081", "ten", "1.5"}) {
      assertThatThrownBy(() -> of("HotfixRootFolderPath", "D:\\h", "HotfixInstallerTimeoutMinutes", minutes))
          .as(minutes)
          .hasMessage("\"CauPluginArguments[Microsoft.HotfixPlugin].HotfixInstallerTimeoutMinutes\" must be a whole"
              + " number of minutes from 1 to 10080, but was \"" + minutes + "\"");
    }
    assertThat(of("HotfixRootFolderPath", "D:\\h", "HotfixInstallerTimeoutMinutes", "10080").installerTimeout())
        .isEqualTo(Duration.ofDays(7));
  }

  @Test
  void aBooleanThatIsNotTrueOrFalseIsRefused() {
    assertThatThrownBy(() -> of("HotfixRootFolderPath", "D:\\h", "DisableAclChecks", "yes"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"DisableAclChecks\" must be True or False (in any letter case), but was \"yes\"");
  }
}
