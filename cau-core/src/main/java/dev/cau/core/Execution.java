package dev.cau.core;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/**
 * Time and threads for the engine, injected so that the same engine runs in real time in
 * production and in virtual time in the testkit.
 *
 * @param clock every instant the engine records comes from here
 * @param scheduler runs the engine's timeouts
 * @param calls runs the blocking calls into controllers and plug-ins; the engine interrupts the
 *     thread of a call it stops waiting for, and clears that interrupt when the call returns
 * @param events runs the engine's own steps; it must run tasks one at a time, in order
 */
@API(status = MAINTAINED, since = "0.1.0")
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
   * (pooled, named {@code cau-call-N}), one daemon thread for the engine's steps
   * ({@code cau-coordinator-1}) and one for timeouts ({@code cau-timer-1}).
   *
   * <p>Nothing shuts these threads down; they end with the JVM. A coordinator built without an
   * execution ({@link UpdateCoordinator.Builder#execution}) makes threads of its own like these and
   * shuts them down when it is {@linkplain UpdateCoordinator#close() closed}: prefer that, or
   * inject executors that you shut down yourself.
   *
   * @return a new execution
   */
  public static Execution system() {
    return system(new SystemThreads());
  }

  /** Returns real time and the given threads, which the caller shuts down. */
  static Execution system(SystemThreads threads) {
    return new Execution(Clock.systemUTC(), threads.scheduler(), threads.calls(), threads.events());
  }
}
