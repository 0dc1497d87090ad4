package dev.cau.core.journal;

import java.util.List;

/**
 * Where a run's inputs are written before the engine acts on them (write-ahead).
 *
 * <p>{@link #append} returns only once the entry is as durable as the journal can make it. The
 * engine appends from one thread at a time; readers may call {@link #entries()} from any thread.
 */
public interface RunJournal {
  /**
   * Appends an entry.
   *
   * @param entry the next entry; its sequence follows the last one's
   */
  void append(JournalEntry entry);

  /**
   * Returns every entry written so far, in order.
   *
   * @return a copy of the entries
   */
  List<JournalEntry> entries();
}
