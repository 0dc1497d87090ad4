package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.core.AbandonedCall;
import dev.cau.core.TimerScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps the thread of each blocking call of a run, so that a call the run stops waiting for is
 * interrupted and, if it has not returned a grace period later, reported as abandoned: logged at
 * WARN and passed to a sink. A thread is never stopped by force.
 *
 * <p>Works with any executor: a call not yet started when it is abandoned never starts, and a call
 * that ran to its end on the caller's thread (as in the testkit's virtual time) leaves nothing to
 * interrupt. Thread-safe: calls enter and leave on their own threads, the run abandons them from
 * its event thread and the grace check runs on the scheduler's.
 */
final class InFlightCalls {
  private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);

  private final RunId runId;
  private final TimerScheduler scheduler;
  private final Duration grace;
  private final Consumer<AbandonedCall> sink;
  private final Map<Integer, InFlight> calls = new ConcurrentHashMap<>();

  /**
   * Creates the calls of one run.
   *
   * @param runId the run
   * @param scheduler runs the grace checks
   * @param grace how long an interrupted call may take to return before it is abandoned
   * @param sink receives each abandoned call once, on the thread that found it
   */
  InFlightCalls(RunId runId, TimerScheduler scheduler, Duration grace, Consumer<AbandonedCall> sink) {
    this.runId = runId;
    this.scheduler = scheduler;
    this.grace = grace;
    this.sink = sink;
  }

  /**
   * Registers a call and returns the task to hand to the calls executor: on the thread that runs
   * it, it makes the call with {@code perform} and, once out of the call, hands the answer to
   * {@code answer}; it does neither if the call was abandoned before it started.
   */
  <T> Runnable track(Command.Call call, Supplier<T> perform, Consumer<T> answer) {
    InFlight entry = new InFlight(call);
    calls.put(call.token(), entry);
    return () -> {
      if (!entry.enter()) {
        return;
      }
      T result;
      try {
        result = perform.get();
      } finally {
        // Left before it is forgotten: a look at the calls that no longer finds this one must not
        // find its thread still marked as in the call (which a grace check would then report).
        entry.leave();
        calls.remove(call.token(), entry);
      }
      answer.accept(result);
    };
  }

  /** Stops waiting for a call: interrupts its thread if it is in the call, and checks on it after the grace period. */
  void abandon(int token) {
    InFlight entry = calls.get(token);
    if (entry != null && entry.abandon()) {
      scheduler.schedule(grace, () -> reportIfStillRunning(entry));
    } else if (entry != null) {
      calls.remove(token, entry);
    }
  }

  /** Stops waiting for every call of the run, as {@link #abandon} does for one. */
  void abandonAll() {
    new ArrayList<>(calls.keySet()).forEach(this::abandon);
  }

  /**
   * Returns a future that completes once every abandoned call has returned; a call that never
   * returns keeps it incomplete, so wait on it with a bound.
   */
  CompletableFuture<Void> abandonedLeft() {
    return CompletableFuture.allOf(calls.values().stream()
        .filter(InFlight::isAbandoned)
        .map(entry -> entry.left)
        .toArray(CompletableFuture[]::new));
  }

  /** Reports every abandoned call still running that was not reported yet, without waiting further. */
  void reportAbandonedStillRunning() {
    calls.values().forEach(this::reportIfStillRunning);
  }

  private void reportIfStillRunning(InFlight entry) {
    Thread thread = entry.takeUnreported();
    if (thread == null) {
      return;
    }
    Command.Call call = entry.call;
    String operation = call.operation().getClass().getSimpleName();
    AbandonedCall abandoned = new AbandonedCall(runId, call.node(), operation, thread.getName());
    MDC.put("cau.runId", runId.toString());
    MDC.put("cau.node", call.node());
    try {
      LOG.warn("Run {}: {} for \"{}\" did not return within {} after its thread was interrupted;"
          + " thread {} is abandoned, still in the call, and its answer will be ignored",
          runId, abandoned.operation(), call.node(), grace, abandoned.thread());
      sink.accept(abandoned);
    } catch (RuntimeException e) {
      LOG.warn("Run {}: the abandoned call on thread {} could not be reported", runId, abandoned.thread(), e);
    } finally {
      MDC.remove("cau.node");
      MDC.remove("cau.runId");
    }
  }

  /** Where one call stands: not started, in progress on a thread, or over. */
  private static final class InFlight {
    final Command.Call call;
    final CompletableFuture<Void> left = new CompletableFuture<>();
    private @Nullable Thread thread;
    private boolean started;
    private boolean abandoned;
    private boolean interrupted;
    private boolean reported;

    InFlight(Command.Call call) {
      this.call = call;
    }

    /** Enters the call on the current thread; {@code false} if it was abandoned before it started. */
    synchronized boolean enter() {
      if (abandoned) {
        return false;
      }
      started = true;
      thread = Thread.currentThread();
      return true;
    }

    /** Leaves the call, clearing an interrupt that was meant for it and not for the thread's next task. */
    void leave() {
      boolean clear;
      synchronized (this) {
        thread = null;
        clear = interrupted;
      }
      if (clear) {
        Thread.interrupted();
      }
      left.complete(null);
    }

    /** Marks the call abandoned and interrupts its thread; {@code true} if a thread is still in it. */
    boolean abandon() {
      boolean neverStarted;
      synchronized (this) {
        abandoned = true;
        Thread current = thread;
        if (current != null) {
          if (!interrupted) {
            interrupted = true;
            current.interrupt();
          }
          return true;
        }
        neverStarted = !started;
      }
      if (neverStarted) {
        left.complete(null);
      }
      return false;
    }

    synchronized boolean isAbandoned() {
      return abandoned;
    }

    /** Returns the thread of an abandoned call still running, once; {@code null} otherwise. */
    synchronized @Nullable Thread takeUnreported() {
      if (!abandoned || reported || thread == null) {
        return null;
      }
      reported = true;
      return thread;
    }
  }
}
