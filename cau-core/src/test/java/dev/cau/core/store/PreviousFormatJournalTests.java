package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal of format 1, written by the build before journal format 2 into a {@link FileRunStore}:
 * the 4-node demo cluster's run, whose coordinator was stopped while node-2, the third node, was
 * installing. The journal is read and the run can be resumed.
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
  void everyRecordIsWrittenAgainExactlyAsFormat1WroteIt() {
    List<String> records = store.journal(RUN).records();
    assertThat(records).hasSize(1 + ENTRIES);
    assertThat(JournalCodec.encodeHeader(JournalCodec.decodeHeader(records.get(0))))
        .isEqualTo(records.get(0));
    for (String record : records.subList(1, records.size())) {
      assertThat(JournalCodec.encodeEntry(JournalCodec.decodeEntry(record))).isEqualTo(record);
    }
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
