package dev.cau.core.journal;

import java.util.ArrayList;
import java.util.List;

/** A journal kept in memory: enough for a run whose coordinator does not need to survive. */
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
