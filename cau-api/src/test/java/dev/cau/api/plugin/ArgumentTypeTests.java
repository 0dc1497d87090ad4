package dev.cau.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.PluginArgument.ArgumentType;
import org.junit.jupiter.api.Test;

/** Each argument type's rule, which binding and the typed getters share. */
class ArgumentTypeTests {
  @Test
  void aBooleanIsTrueOrFalseInAnyLetterCase() {
    assertThat(ArgumentType.BOOLEAN.problemWith("TRUE")).isEmpty();
    assertThat(ArgumentType.BOOLEAN.problemWith("false")).isEmpty();
    assertThat(ArgumentType.BOOLEAN.problemWith("yes")).contains("True or False (in any letter case)");
    assertThat(ArgumentType.BOOLEAN.problemWith("")).isPresent();
  }

  @Test
  void anIntegerIsAWholeNumberInJavasIntRange() {
    assertThat(ArgumentType.INTEGER.problemWith("-2147483648")).isEmpty();
    assertThat(ArgumentType.INTEGER.problemWith("2147483648"))
        .contains("a whole number from -2147483648 to 2147483647");
    assertThat(ArgumentType.INTEGER.problemWith("1.5")).isPresent();
  }

  @Test
  void aStringTakesAnyText() {
    assertThat(ArgumentType.STRING.problemWith("")).isEmpty();
    assertThat(ArgumentType.STRING.problemWith("$(rm -rf /)")).isEmpty();
  }
}
