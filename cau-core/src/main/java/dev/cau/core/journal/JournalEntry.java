package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One record of a run journal.
 *
 * @param sequence the record's position, from 1, without gaps
 * @param input the input of the run's state machine
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record JournalEntry(long sequence, RunInput input) {
  /**
   * Checks the components.
   *
   * @param sequence the record's position, from 1
   * @param input the input
   */
  public JournalEntry {
    Objects.requireNonNull(input, "input");
    if (sequence < 1) {
      throw new IllegalArgumentException("A journal sequence starts at 1, but was " + sequence);
    }
  }
}
