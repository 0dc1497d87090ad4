package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** A journal kept in memory: enough for a run whose coordinator does not need to survive. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InMemoryRunJournal implements RunJournal {
  private final List<JournalEntry> entries = new ArrayList<>();

  /** Creates an empty journal. */
  public InMemoryRunJournal() {}

  @Override
  public synchronized void append(JournalEntry entry) {
    long expected = entries.size() + 1L;
    if (entry.sequence() != expected) {
      throw new IllegalArgumentException(
          "Journal entry " + entry.sequence() + " does not follow entry " + (expected - 1));
    }
    entries.add(entry);
  }

  @Override
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }
}
