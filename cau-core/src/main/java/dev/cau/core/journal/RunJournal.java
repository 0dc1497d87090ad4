package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a run's inputs are written before the engine acts on them (write-ahead).
 *
 * <p>{@link #append} returns only once the entry is as durable as the journal can make it. The
 * engine appends from one thread at a time; readers may call {@link #entries()} from any thread.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
