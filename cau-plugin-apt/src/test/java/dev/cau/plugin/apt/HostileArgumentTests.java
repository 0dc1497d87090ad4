package dev.cau.plugin.apt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Values that are not Debian package names are refused when the plug-in is created, before any
 * node is touched, with a message naming the argument, the value and the rule; an update id that
 * is not {@code NAME=VERSION} never reaches a program. Generated cases come from a fixed seed,
 * printed with every failure.
 */
class HostileArgumentTests {
  private static final long SEED = 0x5EED_A9_15L;
  private static final int CASES = 400;
  private static final List<String> PIECES = List.of("-", "--", "-o", "APT::Update::Pre-Invoke=", "touch /x", "=",
      ";", "$(", ")", "`", "'", "\"", "\n", "\t", " ", "/", "\\", "*", "?", "[", "]", "{", "}", "|", "&", ">", "A",
      "Z", "é", "\u0000", "cau-lab-tool", "libc6", ":amd64", "..", "+", "_", "%", "\uD83D\uDCA3");

  private static List<String> hostileNames() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    List<String> values = new ArrayList<>(List.of("-oAPT::Update::Pre-Invoke=touch /run/pwned",
        "--allow-unauthenticated", "-o", "cau-lab-tool=1.1", "a", "A-pkg", "pkg_name", "pkg name;rm -rf /",
        "x".repeat(PackageNames.MAX_LENGTH + 1), "libc6:i386", ".hidden", "+plus"));
    for (int i = 0; i < CASES; i++) {
      StringBuilder value = new StringBuilder();
      int pieces = 1 + random.nextInt(6);
      for (int p = 0; p < pieces; p++) {
        value.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String name = value.toString().strip();
      if (!name.isEmpty() && !name.contains(",") && !PackageNames.isName(name) && name.chars().noneMatch(
          Character::isWhitespace)) {
        values.add(name);
      }
    }
    return values;
  }

  @Test
  void everyHostileNameInEitherListIsRefusedNamingTheArgumentValueAndRule() {
    for (String argument : List.of(AptPluginProvider.ALLOW_PACKAGES, AptPluginProvider.DENY_PACKAGES)) {
      for (String name : hostileNames()) {
        String value = "cau-lab-kernel," + name;
        assertThatThrownBy(() -> new AptPluginProvider().create(PluginArguments.of(Map.of(argument, value))))
            .as("seed %s, %s=%s", SEED, argument, printable(value))
            .isInstanceOf(InvalidOptionsException.class)
            .hasMessageContaining("CauPluginArguments[Debian.AptPlugin]." + argument)
            .hasMessageContaining("[a-z0-9][a-z0-9+.-]+");
      }
    }
  }

  @Test
  void theAptOptionValueFromTheIssueIsRefusedWithItsValueInTheMessage() {
    PluginArguments arguments = PluginArguments.of(Map.of("AllowPackages", "-oAPT::Update::Pre-Invoke=touch"));

    assertThatThrownBy(() -> new AptPluginProvider().create(arguments))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"CauPluginArguments[Debian.AptPlugin].AllowPackages\" must be a list of Debian package names"
            + " separated by commas or spaces, each matching [a-z0-9][a-z0-9+.-]+ and at most 256 characters, but was"
            + " \"-oAPT::Update::Pre-Invoke=touch\" (in \"-oAPT::Update::Pre-Invoke=touch\")");
  }

  @Test
  void aNameBothAllowedAndDeniedAndABadFlagAreRefused() {
    assertThatThrownBy(() -> new AptPluginProvider().create(PluginArguments.of(
        Map.of("AllowPackages", "cau-lab-tool", "DenyPackages", "cau-lab-tool"))))
        .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("AllowPackages")
        .hasMessageContaining("\"cau-lab-tool\"").hasMessageContaining("DenyPackages");
    assertThatThrownBy(() -> new AptPluginProvider().create(PluginArguments.of(Map.of("WithNewPackages", "yes"))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"WithNewPackages\" must be True or False (in any letter case), but was \"yes\"");
  }

  @Test
  void validListsAreReadWithCommasOrSpaces() {
    AptPlugin plugin = (AptPlugin) new AptPluginProvider().create(PluginArguments.of(Map.of(
        "AllowPackages", "cau-lab-tool, cau-lab-kernel  libstdc++6", "DenyPackages", "linux-image-6.1.0-18-amd64",
        "WithNewPackages", "True", "IncludeDistUpgrade", "false")));

    assertThat(plugin.options().allowed()).containsExactlyInAnyOrder("cau-lab-tool", "cau-lab-kernel", "libstdc++6");
    assertThat(plugin.options().denied()).containsExactly("linux-image-6.1.0-18-amd64");
    assertThat(plugin.options().withNewPackages()).isTrue();
    assertThat(plugin.options().distUpgrade()).isFalse();
    assertThat(plugin.options().updateLists()).isTrue();
  }

  @Test
  void updateIdsThatAreNotPackageVersionsFailWithoutAnyProgramRunning() {
    ScriptedNode node = ScriptedNode.labNode("", "", false, "");
    UpdatePlugin plugin = new AptPluginProvider().create(PluginArguments.EMPTY);
    List<Update> hostile = new ArrayList<>();
    for (String name : hostileNames()) {
      if (!name.contains("=")) {
        hostile.add(Update.of(name.replace("\u0000", "") + "x", "hostile"));
      }
      hostile.add(Update.of("cau-lab-tool=" + name.replace("\u0000", "") + " ", "hostile"));
    }

    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(node));
    plugin.stage(context, hostile);
    List<InstallResult> results = plugin.install(context, hostile);

    assertThat(hostile).hasSizeGreaterThan(300);
    assertThat(results).as("seed %s", SEED).hasSize(hostile.size())
        .allSatisfy(r -> assertThat(r.code()).isEqualTo(UpdateResultCode.FAILED));
    assertThat(node.requests).as("no program ran").isEmpty();
  }

  private static String printable(String value) {
    return value.replace("\u0000", "\\0").replace("\n", "\\n").replace("\t", "\\t");
  }
}
