package dev.cau.core;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Runs a task once after a delay: the engine's only source of timeouts. Production uses real
 * time ({@link Execution#system()}); the testkit uses virtual time.
 */
@API(status = MAINTAINED, since = "0.1.0")
@FunctionalInterface
public interface TimerScheduler {
  /**
   * Schedules a task.
   *
   * @param delay how long to wait; zero or more
   * @param task what to run; it must return quickly
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** Cancels a scheduled task. */
  @FunctionalInterface
  @API(status = MAINTAINED, since = "0.1.0")
  interface Cancellable {
    /** Cancels the task if it has not run yet; does nothing otherwise. */
    void cancel();
  }
}
