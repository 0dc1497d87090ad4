package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Format 2 writes an observed cluster snapshot as its changes from the journal's latest one. */
class SnapshotChangesTests {
  private static final JournalEntry STARTED =
      new JournalEntry(1, new RunInput.Started(Samples.snapshot(), "c", Samples.START));
  private static final SnapshotBase AFTER_START = SnapshotBase.NONE.after(STARTED);

  private static JournalEntry observed(long sequence, ClusterSnapshot snapshot) {
    return new JournalEntry(
        sequence,
        new RunInput.CallCompleted(3, "NODE2", new CallResult.Observed(snapshot), Samples.LATER));
  }

  private static String encode(JournalEntry entry, SnapshotBase base) {
    return JournalCodec.encodeEntry(entry, JournalCodec.FORMAT_VERSION, base);
  }

  private static JournalEntry decode(String record, SnapshotBase base) {
    return JournalCodec.decodeEntry(record, JournalCodec.FORMAT_VERSION, base);
  }

  @Test
  void onlyWhatChangedIsWrittenAndTheSnapshotIsReadBackWhole() {
    JournalEntry later = observed(2, Samples.laterSnapshot());

    String record = encode(later, AFTER_START);

    assertThat(record)
        .isEqualTo(
            "{\"v\":2,\"type\":\"entry\",\"sequence\":2,\"input\":{\"type\":\"callCompleted\","
                + "\"token\":3,\"node\":\"NODE2\",\"result\":{\"type\":\"observed\",\"changes\":{"
                + "\"since\":1,\"nodeCount\":5,\"nodes\":["
                + "{\"at\":1,\"node\":{\"name\":\"NODE2\",\"state\":\"UP\",\"voteWeight\":1,"
                + "\"faultDomain\":{\"site\":\"Berlin\",\"rack\":null,\"chassis\":null},"
                + "\"bootId\":\"b00t-2\"}},"
                + "{\"at\":4,\"node\":{\"name\":\"NODE5 \\\"new\\\"\",\"state\":\"JOINING\","
                + "\"voteWeight\":1,\"faultDomain\":{\"site\":null,\"rack\":null,\"chassis\":null}}}],"
                + "\"witness\":{\"kind\":\"CLOUD\",\"state\":\"OFFLINE\"},"
                + "\"roles\":[{\"at\":0,\"role\":{\"name\":\"SQL\",\"ownerNode\":\"NODE2\","
                + "\"possibleOwners\":[\"NODE1\",\"NODE2\"],\"state\":\"ONLINE\"}}],"
                + "\"storage\":{\"status\":\"HEALTHY\",\"runningRepairJobs\":0}}},"
                + "\"at\":\"2026-03-01T09:20:31.123456789Z\"}}");
    assertThat(decode(record, AFTER_START)).isEqualTo(later);
  }

  @Test
  void anUnchangedSnapshotIsWrittenAsTheEntryItRepeats() {
    JournalEntry same = observed(2, Samples.snapshot());

    String record = encode(same, AFTER_START);

    assertThat(record).contains("\"result\":{\"type\":\"observed\",\"changes\":{\"since\":1}}");
    assertThat(decode(record, AFTER_START)).isEqualTo(same);
  }

  @Test
  void listsThatGetShorterAreCutAtTheEnd() {
    ClusterSnapshot before = Samples.laterSnapshot();
    ClusterSnapshot after =
        new ClusterSnapshot(
            before.name(),
            before.nodes().subList(0, 2),
            before.witness(),
            List.of(),
            before.storage());
    SnapshotBase base = SnapshotBase.NONE.after(observed(4, before));

    String record = encode(observed(5, after), base);

    assertThat(record).contains("\"changes\":{\"since\":4,\"nodeCount\":2,\"roleCount\":0}");
    assertThat(decode(record, base)).isEqualTo(observed(5, after));
  }

  @Test
  void theRunsFirstSnapshotARenamedClusterAndFormat1AreWrittenWhole() {
    assertThat(encode(STARTED, SnapshotBase.NONE)).contains("\"snapshot\":{\"name\":\"CLUSTER1\"");
    assertThat(encode(observed(2, Samples.snapshot()), SnapshotBase.NONE))
        .contains("\"snapshot\":{\"name\":\"CLUSTER1\"");
    assertThat(encode(observed(2, Samples.emptySnapshot()), AFTER_START))
        .contains("\"snapshot\":{\"name\":\"\"");
    assertThat(JournalCodec.encodeEntry(observed(2, Samples.laterSnapshot()), 1, AFTER_START))
        .startsWith("{\"v\":1,")
        .contains("\"snapshot\":{\"name\":\"CLUSTER1\"")
        .doesNotContain("changes");
  }

  @Test
  void aChangeReadWithoutTheJournalIsRefusedWithWhatToDo() {
    String record = encode(observed(2, Samples.laterSnapshot()), AFTER_START);

    assertThatThrownBy(() -> JournalCodec.decodeEntry(record))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("Field \"input.result.changes.since\" changes the cluster snapshot of entry 1")
        .hasMessageContaining("read with the journal's earlier records, as StoredRunJournal.open reads them");
  }

  @Test
  void aChangeOfAnotherSnapshotThanTheLatestIsRefused() {
    SnapshotBase later = AFTER_START.after(observed(2, Samples.laterSnapshot()));
    String record = encode(observed(3, Samples.snapshot()), AFTER_START);

    assertThatThrownBy(() -> decode(record, later))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "Field \"input.result.changes.since\" changes the cluster snapshot of entry 1, but"
                + " the latest snapshot before it is in entry 2");
  }

  @Test
  void aChangeThatLeavesANewNodeOutOrGoesBackIsRefused() {
    String record = encode(observed(2, Samples.laterSnapshot()), AFTER_START);

    assertThatThrownBy(() -> decode(record.replace("\"at\":4", "\"at\":3"), AFTER_START))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "Field \"input.result.changes.nodes\" has no element at position 4, which is new and"
                + " must be given");
    assertThatThrownBy(() -> decode(record.replace("\"nodeCount\":5", "\"nodeCount\":2147483647"), AFTER_START))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("has no element at position 5");
    assertThatThrownBy(() -> decode(record.replace("\"at\":4", "\"at\":1"), AFTER_START))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage(
            "Field \"input.result.changes.nodes[1].at\" must be from 2 to 4 (after the position"
                + " before it, and within the 5 nodes), but was 1");
  }

  @Test
  void aChangeTheSnapshotRefusesIsNamed() {
    String record = encode(observed(2, Samples.laterSnapshot()), AFTER_START)
        .replace("NODE5 \\\"new\\\"", "NODE1");

    assertThatThrownBy(() -> decode(record, AFTER_START))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("Field \"input.result.changes\" is not valid")
        .hasMessageContaining("lists node \"NODE1\" twice");
  }

  @Test
  void format1HasNoChanges() {
    String record = encode(observed(2, Samples.laterSnapshot()), AFTER_START).replace("\"v\":2", "\"v\":1");

    assertThatThrownBy(() -> JournalCodec.decodeEntry(record, 1, AFTER_START))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("Field \"input.result.changes\" is not a field of this record");
  }

  @Test
  void theBaseMovesOnOnlyAtEntriesThatHoldASnapshot() {
    JournalEntry timer = new JournalEntry(2, new RunInput.TimerFired(1, Samples.LATER));
    assertThat(AFTER_START.after(timer)).isSameAs(AFTER_START);
    assertThat(AFTER_START.after(observed(3, Samples.laterSnapshot())))
        .isEqualTo(new SnapshotBase(3, Samples.laterSnapshot()));
  }
}
