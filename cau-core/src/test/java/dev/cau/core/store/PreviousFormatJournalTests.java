package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeState;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RolloutDescriptor;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal of format 1, written by the build before journal format 2 into a {@link FileRunStore}:
 * the 4-node demo cluster's run, whose coordinator was stopped while node-2, the third node, was
 * installing. The journal is read, and the run is carried on in format 1.
 */
class PreviousFormatJournalTests {
  private static final RunId RUN = RunId.parse("6d1c0a52-3b7e-4c8f-9a41-0f1e2d3c4b5a");
  private static final int ENTRIES = 35;

  @TempDir Path directory;

  private FileRunStore store;

  @BeforeEach
  void copyTheJournal() throws IOException {
    String name = RUN + ".journal";
    try (InputStream journal =
        Objects.requireNonNull(
            PreviousFormatJournalTests.class.getResourceAsStream("format-1/runs/" + name), name)) {
      Files.createDirectories(directory.resolve("runs"));
      Files.copy(journal, directory.resolve("runs").resolve(name));
    }
    store = new FileRunStore(directory);
  }

  @Test
  void theHeaderAndEveryEntryAreRead() {
    StoredRunJournal journal = StoredRunJournal.open(store, RUN).orElseThrow();

    assertThat(journal.damage()).isEmpty();
    RunHeader header = journal.header();
    assertThat(header.runId()).isEqualTo(RUN);
    assertThat(header.cluster()).isEqualTo("demo-cluster");
    assertThat(header.kind()).isEqualTo(RunHeader.RunKind.ROLLING);
    assertThat(header.rollout()).isEqualTo(RolloutDescriptor.of("cau.one-node-at-a-time"));
    List<JournalEntry> entries = journal.entries();
    assertThat(entries).hasSize(ENTRIES);
    assertThat(entries.get(0).input()).isInstanceOfSatisfying(RunInput.Started.class, started ->
        assertThat(started.snapshot().nodes()).extracting(n -> n.name())
            .containsExactly("node-1", "node-2", "node-3", "node-4"));
    RunInput last = entries.get(ENTRIES - 1).input();
    List<CallResult.Observed> observed = entries.stream()
        .map(JournalEntry::input)
        .filter(RunInput.CallCompleted.class::isInstance)
        .map(input -> ((RunInput.CallCompleted) input).result())
        .filter(CallResult.Observed.class::isInstance)
        .map(CallResult.Observed.class::cast)
        .toList();
    assertThat(observed).hasSize(7).anySatisfy(o -> {
      assertThat(o.snapshot().node("node-3").orElseThrow().state()).isEqualTo(NodeState.PAUSED);
      assertThat(o.snapshot().rolesOwnedBy("node-4")).extracting(r -> r.name()).containsExactly("vm-build-01");
    });
    assertThat(last.at()).isAfter(header.startedAt());
  }

  @Test
  void everyRecordIsWrittenAgainInFormat1ExactlyAsFormat1WroteIt() {
    List<String> records = store.journal(RUN).records();
    assertThat(records).hasSize(1 + ENTRIES);
    assertThat(JournalCodec.formatVersion(records.get(0))).isEqualTo(1);
    assertThat(JournalCodec.encodeHeader(JournalCodec.decodeHeader(records.get(0)), 1))
        .isEqualTo(records.get(0));
    SnapshotBase base = SnapshotBase.NONE;
    for (String record : records.subList(1, records.size())) {
      JournalEntry entry = JournalCodec.decodeEntry(record, 1, base);
      assertThat(JournalCodec.encodeEntry(entry, 1, base)).isEqualTo(record);
      base = base.after(entry);
    }
  }

  @Test
  void theRunIsCarriedOnInFormat1() {
    StoredRunJournal journal = StoredRunJournal.open(store, RUN).orElseThrow();
    assertThat(journal.formatVersion()).isEqualTo(1);
    RunInput.Started started = (RunInput.Started) journal.entries().get(0).input();
    Instant at = journal.entries().get(ENTRIES - 1).input().at().plusSeconds(3600);
    List<JournalEntry> carriedOn =
        List.of(
            new JournalEntry(ENTRIES + 1, new RunInput.Resumed("format-2-coordinator", at)),
            new JournalEntry(
                ENTRIES + 2,
                new RunInput.CallCompleted(
                    99, "node-2", new CallResult.Observed(started.snapshot()), at)),
            new JournalEntry(ENTRIES + 3, new RunInput.TimerFired(100, at)));
    carriedOn.forEach(journal::append);

    List<String> records = store.journal(RUN).records();
    assertThat(records.subList(1 + ENTRIES, records.size()))
        .allSatisfy(record -> assertThat(record).startsWith("{\"v\":1,\"type\":\"entry\""))
        .anySatisfy(record -> assertThat(record).contains("\"snapshot\":{\"name\":\"demo-cluster\""));
    StoredRunJournal reopened = StoredRunJournal.open(new FileRunStore(directory), RUN).orElseThrow();
    assertThat(reopened.formatVersion()).isEqualTo(1);
    assertThat(reopened.entries()).hasSize(ENTRIES + 3).endsWith(carriedOn.toArray(JournalEntry[]::new));
    assertThat(reopened.entries()).isEqualTo(journal.entries());
  }

  @Test
  void aFormat2RecordInAFormat1JournalIsRefused() {
    StoredRunJournal journal = StoredRunJournal.open(store, RUN).orElseThrow();
    Instant at = journal.entries().get(ENTRIES - 1).input().at();
    store.append(RUN, JournalCodec.encodeEntry(new JournalEntry(ENTRIES + 1, new RunInput.TimerFired(1, at))));

    assertThatThrownBy(() -> StoredRunJournal.open(store, RUN))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("Record " + (ENTRIES + 2) + " of the journal of run \"" + RUN + "\"")
        .hasMessageContaining(
            "is format version 2, but the journal's header says its records are format version 1");
  }

  @Test
  void aFormat1HeaderWithoutARolloutPolicyReadsAsCausPolicyForItsKind() {
    String header = store.journal(RUN).records().get(0);
    String withoutRollout =
        header.replace(",\"rollout\":{\"name\":\"cau.one-node-at-a-time\",\"parameters\":{}}", "");
    assertThat(withoutRollout).doesNotContain("rollout");

    assertThat(JournalCodec.decodeHeader(withoutRollout))
        .isEqualTo(JournalCodec.decodeHeader(header));
  }
}
