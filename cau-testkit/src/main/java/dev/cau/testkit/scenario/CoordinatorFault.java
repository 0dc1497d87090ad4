package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What happens to a scenario's first coordinator once it has acted on a number of journal
 * entries. Either way a second coordinator takes the run over when the first one's lease has
 * expired.
 *
 * @param kind a crash, or a stall past the lease after which the first coordinator wakes up
 * @param afterEntry how many journal entries the first coordinator acts on first
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CoordinatorFault(Kind kind, int afterEntry) {
  /** The kinds of coordinator fault. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Kind {
    /** The coordinator dies before it writes the next entry; what it had queued is lost. */
    CRASH,
    /**
     * The coordinator freezes for longer than its lease, then goes on as if nothing happened: it
     * must find its lease taken over and stop without acting (fencing).
     */
    STALL
  }

  /**
   * Checks the components.
   *
   * @param kind the kind of fault
   * @param afterEntry the entries acted on first, at least 1
   */
  public CoordinatorFault {
    Objects.requireNonNull(kind, "kind");
    if (afterEntry < 1) {
      throw new IllegalArgumentException("A coordinator fault comes after at least one journal entry, but was " + afterEntry);
    }
  }

  @Override
  public String toString() {
    return "coordinator " + (kind == Kind.CRASH ? "crashes" : "stalls past its lease") + " after journal entry " + afterEntry;
  }
}
