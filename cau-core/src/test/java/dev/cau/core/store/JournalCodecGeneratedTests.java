package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cau.api.result.RunResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunHeader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated cases: every value survives a round trip, and no mutilated record makes decoding fail
 * with anything but a {@link JournalFormatException}. A failure names its seed and case.
 */
class JournalCodecGeneratedTests {
  private static final long SEED = 0x5EEDC0DECL;
  private static final int CASES = 2_000;

  @Test
  void everyGeneratedEntryRoundTrips() {
    RandomValues values = new RandomValues(SEED);
    for (int i = 0; i < CASES; i++) {
      JournalEntry entry = values.entry();
      String record = JournalCodec.encodeEntry(entry);
      assertThat(JournalCodec.decodeEntry(record))
          .as("entry %d from seed %d: %s", i, SEED, record)
          .isEqualTo(entry);
      assertThat(record).as("entry %d from seed %d", i, SEED).doesNotContain("\n", "\r");
    }
  }

  @Test
  void everyGeneratedHeaderAndResultRoundTrips() {
    RandomValues values = new RandomValues(SEED + 1);
    for (int i = 0; i < CASES / 4; i++) {
      RunHeader header = values.header();
      String headerRecord = JournalCodec.encodeHeader(header);
      assertThat(JournalCodec.decodeHeader(headerRecord))
          .as("header %d from seed %d: %s", i, SEED + 1, headerRecord)
          .isEqualTo(header);
      RunResult result = values.result();
      String resultRecord = JournalCodec.encodeResult(result);
      assertThat(JournalCodec.decodeResult(resultRecord))
          .as("result %d from seed %d: %s", i, SEED + 1, resultRecord)
          .isEqualTo(result);
    }
  }

  @Test
  void mutilatedRecordsFailOnlyWithAFormatException() {
    RandomValues values = new RandomValues(SEED + 2);
    Random random = new Random(SEED + 2);
    String alphabet = "{}[]:,\"\\0123456789-.eEtrufalsn \u0000\u00e9";
    for (int i = 0; i < CASES; i++) {
      StringBuilder record = new StringBuilder(JournalCodec.encodeEntry(values.entry()));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && record.length() > 0; e++) {
        int at = random.nextInt(record.length());
        switch (random.nextInt(3)) {
          case 0 -> record.deleteCharAt(at);
          case 1 -> record.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> record.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      try {
        JournalCodec.decodeEntry(record.toString());
      } catch (JournalFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException unexpected) {
        fail("case %d from seed %d: %s threw %s", i, SEED + 2, record, unexpected);
      }
    }
  }
}
