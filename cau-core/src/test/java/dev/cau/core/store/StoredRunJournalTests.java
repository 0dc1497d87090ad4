package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunInput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredRunJournalTests {
  private static final RunId RUN = Samples.RUN_ID;
  private static final long SEED = 0xC0FFEEL;

  @TempDir Path directory;

  private FileRunStore store;

  @BeforeEach
  void openStore() {
    store = new FileRunStore(directory);
  }

  private static JournalEntry timer(long sequence) {
    return new JournalEntry(sequence, new RunInput.TimerFired((int) sequence, Samples.LATER));
  }

  private void truncateJournal(long cutBytes) throws IOException {
    Path file = directory.resolve("runs").resolve(RUN + ".journal");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - cutBytes);
    }
  }

  @Test
  void createWritesTheHeaderAsRecordOne() {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());

    assertThat(journal.header()).isEqualTo(Samples.header());
    assertThat(journal.entries()).isEmpty();
    assertThat(journal.damage()).isEmpty();
    List<String> records = store.journal(RUN).records();
    assertThat(records).hasSize(1);
    assertThat(JournalCodec.decodeHeader(records.get(0))).isEqualTo(Samples.header());
  }

  @Test
  void createRefusesARunThatHasRecords() {
    StoredRunJournal.create(store, Samples.header());

    assertThatThrownBy(() -> StoredRunJournal.create(store, Samples.header()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds a journal of run \"" + RUN + "\" with 1 records");
  }

  @Test
  void everyEntryIsStoredAndOpenedAgain() {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());
    Samples.entries().forEach(journal::append);

    StoredRunJournal opened = StoredRunJournal.open(new FileRunStore(directory), RUN).orElseThrow();

    assertThat(opened.header()).isEqualTo(Samples.header());
    assertThat(opened.entries()).isEqualTo(Samples.entries()).isEqualTo(journal.entries());
    assertThat(opened.damage()).isEmpty();
    assertThat(store.journal(RUN).records()).hasSize(1 + Samples.entries().size());
  }

  @Test
  void appendChecksTheSequence() {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());
    journal.append(timer(1));

    assertThatThrownBy(() -> journal.append(timer(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Journal entry 3 does not follow entry 1 in the journal of run \"" + RUN + "\"");
    assertThatThrownBy(() -> journal.append(timer(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.journal(RUN).records()).hasSize(2);

    StoredRunJournal opened = StoredRunJournal.open(store, RUN).orElseThrow();
    assertThatThrownBy(() -> opened.append(timer(1))).isInstanceOf(IllegalArgumentException.class);
    opened.append(timer(2));
    assertThat(StoredRunJournal.open(store, RUN).orElseThrow().entries())
        .containsExactly(timer(1), timer(2));
  }

  @Test
  void aRunWithoutRecordsCannotBeOpened() {
    assertThat(StoredRunJournal.open(store, RUN)).isEmpty();
  }

  @Test
  void aTornTailIsReportedAndTheJournalGoesOnAfterIt() throws IOException {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());
    for (long i = 1; i <= 3; i++) {
      journal.append(timer(i));
    }
    truncateJournal(10);
    store.close(); // the coordinator stops; its lock goes with it
    FileRunStore restarted = new FileRunStore(directory);
    restarted.lockForWriting("the next coordinator");

    StoredRunJournal opened = StoredRunJournal.open(restarted, RUN).orElseThrow();

    assertThat(opened.entries()).containsExactly(timer(1), timer(2));
    assertThat(opened.damage())
        .hasValueSatisfying(d -> assertThat(d).contains("Record 4", "is torn"));
    opened.append(timer(3));
    StoredRunJournal reopened =
        StoredRunJournal.open(new FileRunStore(directory), RUN).orElseThrow();
    assertThat(reopened.entries()).containsExactly(timer(1), timer(2), timer(3));
    assertThat(reopened.damage()).isEmpty();
  }

  private static JournalEntry observed(long sequence, ClusterSnapshot snapshot) {
    return new JournalEntry(
        sequence,
        new RunInput.CallCompleted(
            (int) sequence, "NODE1", new CallResult.Observed(snapshot), Samples.LATER));
  }

  @Test
  void aSnapshotAfterATornTailIsWrittenAsChangesFromTheLastIntactOne() throws IOException {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());
    journal.append(new JournalEntry(1, new RunInput.Started(Samples.snapshot(), "c", Samples.START)));
    journal.append(observed(2, Samples.laterSnapshot()));
    journal.append(observed(3, Samples.snapshot()));
    assertThat(store.journal(RUN).records().get(3)).contains("\"changes\":{\"since\":2,");
    truncateJournal(10);
    store.close(); // the coordinator stops; its lock goes with it

    StoredRunJournal opened = StoredRunJournal.open(new FileRunStore(directory), RUN).orElseThrow();
    assertThat(opened.entries()).hasSize(2);
    opened.append(observed(3, Samples.snapshot()));
    opened.append(observed(4, Samples.snapshot()));

    assertThat(store.journal(RUN).records().subList(3, 5))
        .allSatisfy(record -> assertThat(record).contains("\"changes\":{\"since\":"));
    assertThat(StoredRunJournal.open(new FileRunStore(directory), RUN).orElseThrow().entries())
        .isEqualTo(opened.entries())
        .endsWith(observed(3, Samples.snapshot()), observed(4, Samples.snapshot()));
  }

  @Test
  void anEntryTheStoreDidNotTakeIsNoBaseForTheNext() {
    MemoryRunStore memory = new MemoryRunStore();
    StoredRunJournal journal = StoredRunJournal.create(memory, Samples.header());
    journal.append(new JournalEntry(1, new RunInput.Started(Samples.snapshot(), "c", Samples.START)));
    memory.failNextAppend();

    assertThatThrownBy(() -> journal.append(observed(2, Samples.laterSnapshot())))
        .isInstanceOf(IllegalStateException.class);
    journal.append(observed(2, Samples.snapshot()));
    journal.append(observed(3, Samples.laterSnapshot()));

    assertThat(StoredRunJournal.open(memory, RUN).orElseThrow().entries())
        .containsExactly(
            new JournalEntry(1, new RunInput.Started(Samples.snapshot(), "c", Samples.START)),
            observed(2, Samples.snapshot()),
            observed(3, Samples.laterSnapshot()));
  }

  @Test
  void aRecordThatCannotBeDecodedIsNamedByRunAndNumber() {
    StoredRunJournal journal = StoredRunJournal.create(store, Samples.header());
    journal.append(timer(1));
    store.append(RUN, JournalCodec.encodeEntry(timer(2)).replace("timerFired", "exploded"));
    store.append(RUN, JournalCodec.encodeEntry(timer(3)));

    assertThatThrownBy(() -> StoredRunJournal.open(store, RUN))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith("Record 3 of the journal of run \"" + RUN + "\" cannot be read: ")
        .hasMessageContaining("Field \"input.type\" has the unknown value \"exploded\"")
        .hasCauseInstanceOf(JournalFormatException.class)
        .satisfies(e -> assertThat(((JournalFormatException) e).field()).contains("input.type"));
  }

  @Test
  void aHeaderThatCannotBeDecodedIsRecordOne() {
    store.append(RUN, JournalCodec.encodeEntry(timer(1)));

    assertThatThrownBy(() -> StoredRunJournal.open(store, RUN))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith("Record 1 of the journal of run \"" + RUN + "\" cannot be read: ")
        .hasMessageContaining("\"type\"");
  }

  @Test
  void anEntryOutOfSequenceInTheStoreIsRefused() {
    StoredRunJournal.create(store, Samples.header());
    store.append(RUN, JournalCodec.encodeEntry(timer(1)));
    store.append(RUN, JournalCodec.encodeEntry(timer(3)));

    assertThatThrownBy(() -> StoredRunJournal.open(store, RUN))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "Record 3 of the journal of run \""
                + RUN
                + "\" holds entry 3, but entry 2 belongs there");
  }

  @Test
  void theHeaderOfAnotherRunIsRefused() {
    RunId other = RunId.parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    store.append(RUN, JournalCodec.encodeHeader(Samples.header(other)));

    assertThatThrownBy(() -> StoredRunJournal.open(store, RUN))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("is the header of another run, \"" + other + "\"");
  }

  @Test
  void generatedJournalsSurviveTheStore() {
    RandomValues values = new RandomValues(SEED);
    for (int run = 0; run < 20; run++) {
      RunHeader header = values.header();
      StoredRunJournal journal = StoredRunJournal.create(store, header);
      List<JournalEntry> entries = values.journal(25);
      entries.forEach(journal::append);

      StoredRunJournal opened =
          StoredRunJournal.open(new FileRunStore(directory), header.runId()).orElseThrow();

      assertThat(opened.header()).as("run %d from seed %d", run, SEED).isEqualTo(header);
      assertThat(opened.entries()).as("run %d from seed %d", run, SEED).isEqualTo(entries);
    }
    assertThat(store.runs()).hasSize(20);
  }
}
