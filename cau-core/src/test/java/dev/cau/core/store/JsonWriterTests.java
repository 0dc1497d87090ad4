package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTests {
  @Test
  void theWriterEscapesEveryCharacterThatCouldBreakTheLineAndTheReaderRestoresIt() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String text = "a" + (char) c + "b";
      String json = new JsonWriter(8).value(text).toString();
      for (int i = 0; i < json.length(); i++) {
        char written = json.charAt(i);
        boolean raw =
            written < 0x20
                || written == 0x7F
                || written == 0x2028
                || written == 0x2029
                || Character.isSurrogate(written);
        assertThat(raw).as("character U+%04X is written as %s", c, json).isFalse();
      }
      assertThat(JsonReader.read(json, 100, 1)).as("character U+%04X", c).isEqualTo(text);
    }
  }

  @Test
  void theWriterWritesCompactJson() {
    JsonWriter out = new JsonWriter(16).beginObject().name("a").beginArray();
    out.value(1).value(true).value((String) null).value("x\ny").endArray();
    out.name("b").beginObject().endObject().endObject();

    assertThat(out.toString()).isEqualTo("{\"a\":[1,true,null,\"x\\ny\"],\"b\":{}}");
  }

  @Test
  void commasSeparateMembersAndElementsAfterNestedValuesAndNamesAreEscaped() {
    JsonWriter out = new JsonWriter(16).beginObject();
    out.name("list").beginArray().beginObject().member("k", "v").endObject();
    out.beginArray().endArray().value(Long.MIN_VALUE).endArray();
    out.member("say \"hi\"", (String) null).member("n", -1).member("f", false).endObject();

    String json = out.toString();
    assertThat(json)
        .isEqualTo(
            "{\"list\":[{\"k\":\"v\"},[],-9223372036854775808],"
                + "\"say \\\"hi\\\"\":null,\"n\":-1,\"f\":false}");
    assertThat(JsonReader.read(json, 1000, 4))
        .isEqualTo(
            Map.of(
                "list", List.of(Map.of("k", "v"), List.of(), Long.MIN_VALUE),
                "say \"hi\"", JsonReader.NULL,
                "n", -1L,
                "f", false));
  }
}
