package dev.cau.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time and threads for the engine, injected so that the same engine runs in real time in
 * production and in virtual time in the testkit.
 *
 * @param clock every instant the engine records comes from here
 * @param scheduler runs the engine's timeouts
 * @param calls runs the blocking calls into controllers and plug-ins
 * @param events runs the engine's own steps; it must run tasks one at a time, in order
 */
public record Execution(Clock clock, TimerScheduler scheduler, Executor calls, Executor events) {
  /**
   * Checks the components.
   *
   * @param clock the clock
   * @param scheduler the timeout scheduler
   * @param calls the executor of blocking calls
   * @param events the serial executor of the engine's steps
   */
  public Execution {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(events, "events");
  }

  /**
   * Returns real time and real threads: the UTC system clock, a daemon thread per blocking call
   * (pooled), one daemon thread for the engine's steps and one for timeouts.
   *
   * @return a new execution; its threads are daemons and end with the JVM
   */
  public static Execution system() {
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemons("cau-timer"));
    ExecutorService calls = Executors.newCachedThreadPool(daemons("cau-call"));
    ExecutorService events = Executors.newSingleThreadExecutor(daemons("cau-coordinator"));
    TimerScheduler scheduler = (Duration delay, Runnable task) -> {
      var future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
    return new Execution(Clock.systemUTC(), scheduler, calls, events);
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
