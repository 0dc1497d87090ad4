package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cau.api.result.RunResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunHeader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated cases: every value survives a round trip, every journal (whose snapshots follow from
 * one another, as a cluster's do) reads back from its store, also when cut after any record, and
 * no mutilated record makes decoding fail with anything but a {@link JournalFormatException}. A
 * failure names its seed and case.
 */
class JournalCodecGeneratedTests {
  private static final long SEED = 0x5EEDC0DECL;
  private static final int CASES = 2_000;
  private static final int JOURNALS = 300;
  private static final int MAX_ENTRIES = 24;
  private static final String ALPHABET = "{}[]:,\"\\0123456789-.eEtrufalsn \u0000\u00e9";

  /** Deletes, inserts or replaces one to three characters of a record. */
  private static String mutilate(String encoded, Random random) {
    StringBuilder record = new StringBuilder(encoded);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && record.length() > 0; e++) {
      int at = random.nextInt(record.length());
      switch (random.nextInt(3)) {
        case 0 -> record.deleteCharAt(at);
        case 1 -> record.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> record.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return record.toString();
  }

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
  void everyGeneratedJournalReadsBackFromItsStore() {
    RandomValues values = new RandomValues(SEED + 3);
    int changes = 0;
    for (int i = 0; i < JOURNALS; i++) {
      RunHeader header = values.header();
      List<JournalEntry> entries = values.journal(MAX_ENTRIES);
      MemoryRunStore store = new MemoryRunStore();
      StoredRunJournal journal = StoredRunJournal.create(store, header);
      entries.forEach(journal::append);
      List<String> records = store.journal(header.runId()).records();
      changes += (int) records.stream().filter(r -> r.contains("\"changes\":{\"since\":")).count();

      StoredRunJournal opened = StoredRunJournal.open(store, header.runId()).orElseThrow();

      assertThat(opened.header()).as("journal %d from seed %d", i, SEED + 3).isEqualTo(header);
      assertThat(opened.formatVersion()).isEqualTo(JournalCodec.FORMAT_VERSION);
      assertThat(opened.entries()).as("journal %d from seed %d", i, SEED + 3).isEqualTo(entries);
    }
    assertThat(changes).as("snapshots written as changes").isGreaterThan(JOURNALS);
  }

  @Test
  void aJournalCutAfterAnyRecordReadsItsIntactEntriesAndCarriesOn() {
    RandomValues values = new RandomValues(SEED + 4);
    for (int i = 0; i < JOURNALS / 6; i++) {
      RunHeader header = values.header();
      List<JournalEntry> entries = values.journal(MAX_ENTRIES);
      MemoryRunStore whole = new MemoryRunStore();
      StoredRunJournal written = StoredRunJournal.create(whole, header);
      entries.forEach(written::append);
      List<String> records = whole.journal(header.runId()).records();
      for (int kept = 1; kept <= records.size(); kept++) {
        String as = "journal " + i + " from seed " + (SEED + 4) + " cut after record " + kept;
        MemoryRunStore cut = MemoryRunStore.holding(header.runId(), records.subList(0, kept));

        StoredRunJournal opened = StoredRunJournal.open(cut, header.runId()).orElseThrow();
        assertThat(opened.entries()).as(as).isEqualTo(entries.subList(0, kept - 1));
        entries.subList(kept - 1, entries.size()).forEach(opened::append);

        assertThat(StoredRunJournal.open(cut, header.runId()).orElseThrow().entries())
            .as(as + ", then carried on").isEqualTo(entries);
      }
    }
  }

  @Test
  void mutilatedRecordsOfAJournalFailOnlyWithAFormatException() {
    RandomValues values = new RandomValues(SEED + 5);
    Random random = new Random(SEED + 5);
    for (int i = 0; i < JOURNALS; i++) {
      List<JournalEntry> entries = values.journal(MAX_ENTRIES);
      SnapshotBase base = SnapshotBase.NONE;
      for (JournalEntry entry : entries) {
        String record = mutilate(
            JournalCodec.encodeEntry(entry, JournalCodec.FORMAT_VERSION, base), random);
        try {
          JournalCodec.decodeEntry(record, JournalCodec.FORMAT_VERSION, base);
        } catch (JournalFormatException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException unexpected) {
          fail("journal %d from seed %d: %s threw %s", i, SEED + 5, record, unexpected);
        }
        base = base.after(entry);
      }
    }
  }

  @Test
  void mutilatedRecordsFailOnlyWithAFormatException() {
    RandomValues values = new RandomValues(SEED + 2);
    Random random = new Random(SEED + 2);
    for (int i = 0; i < CASES; i++) {
      String record = mutilate(JournalCodec.encodeEntry(values.entry()), random);
      try {
        JournalCodec.decodeEntry(record);
      } catch (JournalFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException unexpected) {
        fail("case %d from seed %d: %s threw %s", i, SEED + 2, record, unexpected);
      }
    }
  }
}
