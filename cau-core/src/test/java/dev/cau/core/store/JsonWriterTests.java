package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  void integersAreWrittenAsLongToStringWritesThem() {
    long[] edges = {0, 1, 9, 10, 99, 100, -1, -9, -10, 1_000_000_007L, 999_999_999_999_999_999L,
        1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    List<Long> numbers = new ArrayList<>();
    for (long edge : edges) {
      numbers.add(edge);
    }
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      numbers.add(random.nextLong() >> random.nextInt(64));
    }
    for (long number : numbers) {
      assertThat(new JsonWriter(1).value(number).toString()).as("seed 7").isEqualTo(Long.toString(number));
    }
  }

  @Test
  void aWriterResetForTheNextRecordStartsEmptyAndKeepsNoComma() {
    JsonWriter out = new JsonWriter(4);
    out.beginObject().member("a", "a long value that makes the buffer grow several times").endObject();
    out.reset().beginObject().member("b", 2).endObject();

    assertThat(out.toString()).isEqualTo("{\"b\":2}");
  }

  @Test
  void aStringWhoseEscapeComesLateKeepsItsPlainStart() {
    assertThat(new JsonWriter(2).value("plain start, then \"quoted\" and a tab\t").toString())
        .isEqualTo("\"plain start, then \\\"quoted\\\" and a tab\\t\"");
  }

  @Test
  void commasSeparateMembersAndElementsAfterNestedValuesAndNamesAreEscaped() {
    JsonWriter out = new JsonWriter(16).beginObject();
    out.name("list").beginArray().beginObject().member("k", "v").endObject();
    out.beginArray().endArray().value(Long.MIN_VALUE).endArray();
    out.name("say \"hi\"").value((String) null).member("n", -1).member("f", false).endObject();

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

  @Test
  void fragmentsAreWrittenAsTheyAreWithTheCommasAValueBeforeThemNeeds() {
    char[] opening = JsonWriter.fragmentOf("{'type':'scanned','plugin':");
    char[] done = JsonWriter.fragmentOf("{'type':'done'}");
    char[] at = JsonWriter.fragmentOf("'at':");
    JsonWriter out = new JsonWriter(2).beginArray().fragment(opening).value("P").fragment(at).value(3);
    out.endObject().valueFragment(done).valueFragment(done).value(1).endArray();

    assertThat(out.toString())
        .isEqualTo("[{\"type\":\"scanned\",\"plugin\":\"P\",\"at\":3},"
            + "{\"type\":\"done\"},{\"type\":\"done\"},1]");
  }

  @Test
  void instantsAreWrittenExactlyAsInstantWritesThem() {
    Random random = new Random(0x1257A17L);
    List<Instant> instants = new ArrayList<>(List.of(
        Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
        Instant.parse("2026-03-01T09:15:00Z"), Instant.parse("2026-03-01T09:15:00.100Z"),
        Instant.parse("2026-03-01T09:15:00.000100Z"), Instant.parse("2026-03-01T09:15:00.000000100Z"),
        Instant.parse("2024-02-29T23:59:59.5Z"), Instant.parse("0999-12-31T00:00:00Z")));
    for (int i = 0; i < 100_000; i++) {
      long seconds = switch (i % 3) {
        case 0 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
        case 1 -> random.nextLong(-62_167_219_300L, 253_402_300_900L);
        default -> 1_700_000_000L + random.nextInt(100_000_000);
      };
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      instants.add(Instant.ofEpochSecond(seconds, nanos));
    }
    for (Instant instant : instants) {
      assertThat(new JsonWriter(40).value(instant).toString())
          .as("%s (%d s, %d ns)", instant, instant.getEpochSecond(), instant.getNano())
          .isEqualTo("\"" + instant + "\"");
    }
  }
}
