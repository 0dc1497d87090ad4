package dev.cau.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the real threads behind {@link Execution#system()}: one daemon thread for timeouts
 * ({@value #TIMER}-), one for the engine's steps ({@value #EVENTS}-) and a pool of daemon threads
 * for blocking calls ({@value #CALL}-), which {@link #shutDown} ends. Thread-safe.
 */
final class SystemThreads {
  /** The name prefix of the thread that runs timeouts. */
  static final String TIMER = "cau-timer";
  /** The name prefix of the threads that make blocking calls. */
  static final String CALL = "cau-call";
  /** The name prefix of the thread that runs the engine's steps. */
  static final String EVENTS = "cau-coordinator";

  // Every thread started and not yet ended, with a future that completes when it ends.
  private final Map<Thread, CompletableFuture<Void>> alive = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemons(TIMER));
  private final ExecutorService calls = Executors.newCachedThreadPool(daemons(CALL));
  private final ExecutorService events = Executors.newSingleThreadExecutor(daemons(EVENTS));

  /** Returns the scheduler of timeouts, on the timer thread. */
  TimerScheduler scheduler() {
    return (Duration delay, Runnable task) -> {
      var future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }

  /** Returns the pool of blocking calls. */
  Executor calls() {
    return calls;
  }

  /** Returns the single thread of the engine's steps. */
  Executor events() {
    return events;
  }

  /**
   * Shuts the threads down: drops the tasks not yet started, interrupts the running ones, and
   * waits up to {@code grace} for every thread to end except the abandoned ones, which are not
   * waited for.
   *
   * @param grace how long to wait
   * @param abandoned the names of threads already reported as abandoned
   * @return the names of the other threads still alive when the wait ended
   * @throws InterruptedException if the closing thread is interrupted while it waits
   */
  List<String> shutDown(Duration grace, Set<String> abandoned) throws InterruptedException {
    timers.shutdownNow();
    events.shutdownNow();
    calls.shutdownNow();
    Map<Thread, CompletableFuture<Void>> waited = new HashMap<>(alive);
    waited.keySet().removeIf(thread -> abandoned.contains(thread.getName()));
    try {
      CompletableFuture.allOf(waited.values().toArray(CompletableFuture[]::new))
          .get(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // named below, thread by thread
    }
    List<String> stillAlive = new ArrayList<>();
    for (Map.Entry<Thread, CompletableFuture<Void>> entry : waited.entrySet()) {
      if (entry.getValue().isDone()) {
        entry.getKey().join(Math.max(1, grace.toMillis())); // it has left its last task: this returns as it exits
      } else {
        stillAlive.add(entry.getKey().getName());
      }
    }
    return stillAlive;
  }

  private ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      CompletableFuture<Void> ended = new CompletableFuture<>();
      Thread thread = new Thread(() -> {
        try {
          runnable.run();
        } finally {
          alive.remove(Thread.currentThread());
          ended.complete(null);
        }
      }, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      alive.put(thread, ended);
      return thread;
    };
  }
}
