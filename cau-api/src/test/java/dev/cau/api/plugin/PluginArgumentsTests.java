package dev.cau.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading arguments as booleans: CAU's True and False in any letter case, anything else refused. */
class PluginArgumentsTests {
  @ParameterizedTest
  @ValueSource(strings = {"true", "True", "TRUE", "false", "False", "fAlSe"})
  void trueAndFalseAreReadInAnyLetterCase(String value) {
    assertThat(PluginArguments.of(Map.of("Verbose", value)).getBoolean("Verbose"))
        .contains(Boolean.parseBoolean(value));
  }

  @Test
  void anAbsentBooleanIsEmpty() {
    assertThat(PluginArguments.EMPTY.getBoolean("Verbose")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "", " true", "t", "False "})
  void otherTextIsRefusedNamingTheArgumentTheValueAndWhatIsAllowed(String value) {
    assertThatThrownBy(() -> PluginArguments.of(Map.of("Verbose", value)).getBoolean("Verbose"))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo("Verbose");
          assertThat(e.value()).isEqualTo('"' + value + '"');
        })
        .hasMessage("\"Verbose\" must be True or False (in any letter case), but was \"" + value + "\"");
  }

  @Test
  void argumentsOfANamedPlugInNameTheArgumentAsARunDoes() {
    PluginArguments arguments = PluginArguments.of(Map.of("DisableAclChecks", "yes")).forPlugin("Test.Hotfix");

    assertThatThrownBy(() -> arguments.getBoolean("DisableAclChecks"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"CauPluginArguments[Test.Hotfix].DisableAclChecks\" must be True or False (in any letter"
            + " case), but was \"yes\"");
  }

  @Test
  void aSecretValueIsMaskedInTheRefusal() {
    PluginArguments arguments = PluginArguments.of(Map.of("UseVault", "hunter2"), Set.of("UseVault"));

    assertThatThrownBy(() -> arguments.getBoolean("UseVault"))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.value()).isEqualTo("\"********\""))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aHugeValueIsShortenedInTheRefusal() {
    String huge = "y".repeat(10_000);

    assertThatThrownBy(() -> PluginArguments.of(Map.of("Verbose", huge)).getBoolean("Verbose"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("y".repeat(200) + "… (10000 characters)")
        .hasMessageNotContaining("y".repeat(201));
  }

  @Test
  void namingThePlugInKeepsValuesSecretsAndEquality() {
    PluginArguments plain = PluginArguments.of(Map.of("Token", "s3cret", "Verbose", "True"), Set.of("Token"));
    PluginArguments named = plain.forPlugin("Test.Hotfix");

    assertThat(named).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(named.get("Token")).contains("s3cret");
    assertThat(named.isSecret("Token")).isTrue();
    assertThat(named.getBoolean("Verbose")).contains(true);
    assertThat(named.toString()).isEqualTo(plain.toString()).doesNotContain("s3cret");
  }
}
