package dev.cau.pacemaker;

import dev.cau.api.OperationCanceledException;
import java.time.Clock;
import java.time.Duration;

/**
 * The one place where the backend uses real time of its own: the clock of the calls it makes
 * outside any run (a snapshot has no operation context), and the pause between two looks at a
 * restarting node. A backend talks to a real cluster and is never driven in virtual time; the
 * engine's clock still decides every deadline it passes in.
 */
final class RealTime {
  /** The clock of the backend's own calls. */
  static final Clock CLOCK = Clock.systemUTC();

  private RealTime() {}

  /** Waits between two polls of a real node; an interrupt ends the wait as a cancellation. */
  static void pause(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationCanceledException("Interrupted while waiting for a node to come back");
    }
  }
}
