package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTests {
  private static Object read(String text) {
    return JsonReader.read(text, 1000, 8);
  }

  @Test
  void readsEveryKindOfValue() {
    Object value =
        read(
            " {\"object\":{},\"array\":[1,-2,true,false,null,[]],\"string\":\"a\\\"\\\\\\/\\b\\f\\n"
                + "\\r"
                + "\\t\\u00e9\\u00C9\",\"big\":12345678901234567890,\"decimal\":-0.5e-3,\"zero\":-0}\r\n"
                + "\t");
    assertThat(value)
        .isEqualTo(
            Map.of(
                "object",
                Map.of(),
                "array",
                List.of(1L, -2L, true, false, JsonReader.NULL, List.of()),
                "string",
                "a\"\\/\b\f\n\r\téÉ",
                "big",
                new BigDecimal("12345678901234567890"),
                "decimal",
                new BigDecimal("-0.5e-3"),
                "zero",
                0L));
  }

  @Test
  void keepsTheOrderOfMembers() {
    Map<?, ?> members = (Map<?, ?>) read("{\"b\":1,\"a\":2,\"c\":3}");
    assertThat(List.copyOf(members.keySet())).isEqualTo(List.of("b", "a", "c"));
  }

  @Test
  void readsEscapedSurrogatesAsTheyAre() {
    assertThat(read("\"\\ud83d\\ude00 \\udc00\"")).isEqualTo("😀 \udc00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "01",
        "-",
        "-a",
        "1.",
        ".5",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "[1,]",
        "[1 2]",
        "[,1]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "{\"a\":1}x",
        "{\"a\":1}{}",
        "'x'",
        "\"\\x\"",
        "\"\\u12g4\"",
        "\"\\u12\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"unterminated",
        "tru",
        "nul",
        "True",
        "// comment\n1",
        "/* comment */ 1",
        "\u00a01",
        "\ufeff1",
        "[",
        "{",
        "{\"a\"",
        "{\"a\":",
      })
  void refusesWhatRfc8259DoesNotAllow(String text) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith("The record is not valid JSON at offset ");
  }

  @Test
  void refusesDuplicateMemberNames() {
    assertThatThrownBy(() -> read("{\"a\":1,\"b\":2,\"a\":3}"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "The record is not valid JSON at offset 13: the object has a second member named"
                + " \"a\"");
  }

  @Test
  void errorsGiveTheOffsetAndWhatWasFound() {
    assertThatThrownBy(() -> read("[1,,2]"))
        .hasMessage("The record is not valid JSON at offset 3: expected a value, but found ','");
    assertThatThrownBy(() -> read("[\"a\u0001\"]"))
        .hasMessage(
            "The record is not valid JSON at offset 3: a string holds the control character U+0001"
                + " unescaped");
    assertThatThrownBy(() -> read("{\"a\":1"))
        .hasMessage(
            "The record is not valid JSON at offset 6: expected ',' or '}' in an object, but found"
                + " the end of the text");
  }

  @Test
  void boundsTheNestingDepth() {
    assertThat(read("[".repeat(8) + "]".repeat(8))).isInstanceOf(List.class);
    assertThat(read("{\"a\":".repeat(8) + "1" + "}".repeat(8))).isInstanceOf(Map.class);
    assertThatThrownBy(() -> read("[".repeat(9) + "]".repeat(9)))
        .hasMessage(
            "The record is not valid JSON at offset 8: objects and arrays are nested deeper than"
                + " the limit of 8 levels");
    assertThatThrownBy(() -> JsonReader.read("[".repeat(1_000_000), 1_000_000, 64))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void boundsTheLength() {
    assertThat(read(" ".repeat(998) + "1")).isEqualTo(1L);
    assertThatThrownBy(() -> read(" ".repeat(1000) + "1"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage("The record is 1001 characters long; the limit is 1000");
  }

  @Test
  void refusesNumbersTooLongToConvertQuickly() {
    assertThat(read("1" + "0".repeat(JsonReader.MAX_NUMBER_LENGTH - 1)))
        .isEqualTo(new BigDecimal("1" + "0".repeat(JsonReader.MAX_NUMBER_LENGTH - 1)));
    assertThatThrownBy(() -> read("[1" + "0".repeat(JsonReader.MAX_NUMBER_LENGTH) + "]"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "The record is not valid JSON at offset 1: a number has 101 characters, more than the"
                + " limit of 100");
  }

  @Test
  void refusesNumbersOutOfRange() {
    assertThatThrownBy(() -> read("1e99999999999"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("out of range");
  }
}
