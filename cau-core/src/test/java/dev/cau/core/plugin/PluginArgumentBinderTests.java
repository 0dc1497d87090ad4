package dev.cau.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.core.plugin.fixtures.TestProviders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PluginArgumentBinderTests {
  private static final String PATH = "\\\\fs01\\Hotfixes";

  private static final HotfixProvider HOTFIX = new HotfixProvider();

  /** A provider with an argument of each kind. */
  private static final class HotfixProvider extends TestProviders.Base {
    @Override
    public String name() {
      return "Test.Hotfix";
    }

    @Override
    public List<PluginArgument> arguments() {
      return List.of(
          PluginArgument.required("HotfixRootFolderPath", ArgumentType.STRING, "The share."),
          PluginArgument.optional(
              "RequireSmbEncryption", ArgumentType.BOOLEAN, "false", "Encrypt SMB."),
          PluginArgument.optional("MaxRetries", ArgumentType.INTEGER, "3", "Retries."),
          new PluginArgument("Verbose", ArgumentType.BOOLEAN, null, false, false, "Chatty."),
          new PluginArgument("Password", ArgumentType.STRING, null, false, true, "A secret."),
          new PluginArgument("PinCode", ArgumentType.INTEGER, null, false, true, "A secret."));
    }
  }

  /** A provider that describes the given arguments. */
  private static final class Describing extends TestProviders.Base {
    private final List<PluginArgument> arguments;

    Describing(PluginArgument... arguments) {
      this.arguments = List.of(arguments);
    }

    @Override
    public String name() {
      return "Test.Describing";
    }

    @Override
    public List<PluginArgument> arguments() {
      return arguments;
    }
  }

  private static Map<String, String> withPath(String... namesAndValues) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("HotfixRootFolderPath", PATH);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      given.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return given;
  }

  @Test
  void bindsGivenValuesUnderTheDescriptorsNames() {
    PluginArguments bound = PluginArgumentBinder.bind(
        HOTFIX, Map.of("hotfixROOTfolderpath", PATH, "REQUIRESMBENCRYPTION", "True"));

    assertThat(bound.get("HotfixRootFolderPath")).contains(PATH);
    assertThat(bound.getBoolean("RequireSmbEncryption")).contains(true);
    assertThat(bound.get("hotfixROOTfolderpath")).isEmpty();
  }

  @Test
  void fillsDefaultsOfAbsentOptionalArguments() {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath());

    assertThat(bound.get("RequireSmbEncryption")).contains("false");
    assertThat(bound.get("MaxRetries")).contains("3");
  }

  @Test
  void leavesAbsentOptionalArgumentsWithoutDefaultAbsent() {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath());

    assertThat(bound.names())
        .containsExactly("HotfixRootFolderPath", "RequireSmbEncryption", "MaxRetries");
  }

  @Test
  void prefersAGivenValueToTheDefault() {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath("maxretries", "7"));

    assertThat(bound.get("MaxRetries")).contains("7");
  }

  @Test
  void ordersTheResultAsTheDescriptors() {
    PluginArguments bound = PluginArgumentBinder.bind(
        HOTFIX, Map.of("Verbose", "false", "HotfixRootFolderPath", PATH, "Password", "pw"));

    assertThat(bound.names()).containsExactly("HotfixRootFolderPath", "RequireSmbEncryption",
        "MaxRetries", "Verbose", "Password");
  }

  @Test
  void marksSecretArgumentsSecret() {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath("password", "s3cr3t!"));

    assertThat(bound.isSecret("Password")).isTrue();
    assertThat(bound.isSecret("HotfixRootFolderPath")).isFalse();
    assertThat(bound.get("Password")).contains("s3cr3t!");
    assertThat(bound.toString()).doesNotContain("s3cr3t!");
  }

  @Test
  void rejectsAnUnknownNameListingTheKnownNames() {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(HOTFIX, withPath("Colour", "blue")))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo("CauPluginArguments[Test.Hotfix]");
          assertThat(e.value()).isEqualTo("\"Colour\"");
        })
        .hasMessageContaining("\"HotfixRootFolderPath\", \"RequireSmbEncryption\", "
            + "\"MaxRetries\", \"Verbose\", \"Password\", \"PinCode\"")
        .hasMessageNotContaining("blue");
  }

  @Test
  void rejectsEveryUnknownNameAtOnceInSortedOrder() {
    assertThatThrownBy(() ->
            PluginArgumentBinder.bind(HOTFIX, withPath("Zoom", "1", "Colour", "blue")))
        .isInstanceOfSatisfying(InvalidOptionsException.class,
            e -> assertThat(e.value()).isEqualTo("\"Colour\", \"Zoom\""));
  }

  @Test
  void rejectsAnyArgumentForAPluginThatTakesNone() {
    assertThatThrownBy(() ->
            PluginArgumentBinder.bind(new TestProviders.Alpha(), Map.of("Colour", "blue")))
        .isInstanceOfSatisfying(InvalidOptionsException.class,
            e -> assertThat(e.option()).isEqualTo("CauPluginArguments[Test.Alpha]"))
        .hasMessageContaining("takes no arguments");
  }

  @Test
  void acceptsNoArgumentsForAPluginThatTakesNone() {
    assertThat(PluginArgumentBinder.bind(new TestProviders.Alpha(), Map.of()))
        .isEqualTo(PluginArguments.EMPTY);
  }

  @Test
  void rejectsNamesThatDifferOnlyInLetterCase() {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(
            HOTFIX, withPath("Password", "first-s3cret", "PASSWORD", "second-s3cret")))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"PASSWORD\", \"Password\"")
        .hasMessageNotContaining("first-s3cret")
        .hasMessageNotContaining("second-s3cret");
  }

  @Test
  void rejectsAMissingRequiredArgumentNamingIt() {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(HOTFIX, Map.of("MaxRetries", "2")))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option())
            .isEqualTo("CauPluginArguments[Test.Hotfix].HotfixRootFolderPath"))
        .hasMessageContaining("requires");
  }

  @Test
  void rejectsABlankRequiredArgument() {
    assertThatThrownBy(() ->
            PluginArgumentBinder.bind(HOTFIX, Map.of("HotfixRootFolderPath", "  ")))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option())
            .isEqualTo("CauPluginArguments[Test.Hotfix].HotfixRootFolderPath"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "True", "TRUE", "false", "False", "fAlSe"})
  void acceptsBooleansInAnyLetterCase(String value) {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath("Verbose", value));

    assertThat(bound.getBoolean("Verbose")).contains(Boolean.parseBoolean(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "", " true", "t"})
  void rejectsOtherTextForABoolean(String value) {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(HOTFIX, withPath("Verbose", value)))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo("CauPluginArguments[Test.Hotfix].Verbose");
          assertThat(e.value()).isEqualTo('"' + value + '"');
        })
        .hasMessageContaining("True or False");
  }

  @Test
  void boundArgumentsNameThePlugInWhenAPlugInRefusesAValue() {
    // A plug-in may read a STRING argument as a boolean; binding lets any text through.
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath("Password", "maybe"));

    assertThatThrownBy(() -> bound.getBoolean("HotfixRootFolderPath"))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option())
            .isEqualTo("CauPluginArguments[Test.Hotfix].HotfixRootFolderPath"))
        .hasMessageContaining("True or False");
    assertThatThrownBy(() -> bound.getBoolean("Password"))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.value()).isEqualTo("\"********\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-7", "+12", "2147483647", "-2147483648"})
  void acceptsWholeNumbersThatFitAnInt(String value) {
    PluginArguments bound = PluginArgumentBinder.bind(HOTFIX, withPath("MaxRetries", value));

    assertThat(bound.get("MaxRetries")).contains(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"three", "3.5", "", " 3", "2147483648", "0x10"})
  void rejectsOtherTextForAnInteger(String value) {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(HOTFIX, withPath("MaxRetries", value)))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e ->
            assertThat(e.option()).isEqualTo("CauPluginArguments[Test.Hotfix].MaxRetries"))
        .hasMessageContaining("whole number");
  }

  @Test
  void masksASecretValueInATypeError() {
    assertThatThrownBy(() -> PluginArgumentBinder.bind(HOTFIX, withPath("pincode", "hunter2")))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo("CauPluginArguments[Test.Hotfix].PinCode");
          assertThat(e.value()).doesNotContain("hunter2").contains("********");
        })
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("********");
  }

  @Test
  void rejectsAProviderThatDescribesOneNameTwice() {
    Describing provider = new Describing(
        PluginArgument.optional("Path", ArgumentType.STRING, "a", "One."),
        PluginArgument.optional("PATH", ArgumentType.STRING, "b", "Two."));

    assertThatThrownBy(() -> PluginArgumentBinder.bind(provider, Map.of()))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining("\"Path\"")
        .hasMessageContaining("\"PATH\"")
        .hasMessageContaining(Describing.class.getName());
  }

  @Test
  void rejectsADefaultThatDoesNotFitItsType() {
    Describing provider = new Describing(
        PluginArgument.optional("Retries", ArgumentType.INTEGER, "many", "Retries."));

    assertThatThrownBy(() -> PluginArgumentBinder.bind(provider, Map.of()))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining("\"Retries\"")
        .hasMessageContaining("\"many\"");
  }
}
