package dev.cau.core;

import java.time.Duration;

/**
 * Runs a task once after a delay: the engine's only source of timeouts. Production uses real
 * time ({@link Execution#system()}); the testkit uses virtual time.
 */
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
  interface Cancellable {
    /** Cancels the task if it has not run yet; does nothing otherwise. */
    void cancel();
  }
}
