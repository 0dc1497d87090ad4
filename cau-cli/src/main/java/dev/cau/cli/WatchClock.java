package dev.cau.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a watch of a real cluster's run passes in: what time it is, and the wait between two
 * readings of the run store. The command gets it from its factory, so that tests make a run
 * progress during each wait instead of sleeping.
 *
 * <p>Used by one thread, the command's.
 */
interface WatchClock {
  /**
   * Returns the time now.
   *
   * @return the instant
   */
  Instant now();

  /**
   * Waits before the next reading.
   *
   * @param duration how long
   * @throws InterruptedException if the watch is interrupted while it waits
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Arranges for an action to run if the process is stopped (Ctrl-C) while the watch goes on,
   * so that the watch can say how it ended. By default nothing is arranged.
   *
   * @param action what to do, on whatever thread the stop runs on
   * @return closed when the watch ends, which cancels the arrangement
   */
  default Arrangement onProcessStop(Runnable action) {
    return () -> { };
  }

  /** An arrangement made by {@link #onProcessStop}; closing it cancels it. */
  interface Arrangement extends AutoCloseable {
    @Override
    void close();
  }
}
