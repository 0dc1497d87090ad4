package dev.cau.core.store;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunInput;
import org.jspecify.annotations.Nullable;

/**
 * The latest cluster snapshot of a journal, and the entry that holds it: in format 2, the next
 * snapshot is written as its changes from this one.
 *
 * <p>Writer and reader move it on with {@link #after} over the same entries in the same order, the
 * writer after each entry the store made durable and the reader after each record it decoded, so
 * that a record only ever depends on records before it: a journal whose damaged tail a store cut
 * still reads, and entries appended after the cut build on the last intact one.
 *
 * @param sequence the entry that holds the snapshot; 0 for none
 * @param snapshot the snapshot, or {@code null} if no entry so far holds one
 */
record SnapshotBase(long sequence, @Nullable ClusterSnapshot snapshot) {
  /** The base of a journal without entries. */
  static final SnapshotBase NONE = new SnapshotBase(0, null);

  /**
   * Moves on past an entry.
   *
   * @param entry the entry after this base's
   * @return a base at the entry if it holds a snapshot, otherwise this base
   */
  SnapshotBase after(JournalEntry entry) {
    ClusterSnapshot held = snapshotOf(entry.input());
    return held == null ? this : new SnapshotBase(entry.sequence(), held);
  }

  private static @Nullable ClusterSnapshot snapshotOf(RunInput input) {
    if (input instanceof RunInput.Started started) {
      return started.snapshot();
    }
    if (input instanceof RunInput.CallCompleted completed
        && completed.result() instanceof CallResult.Observed observed) {
      return observed.snapshot();
    }
    return null;
  }
}
