package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.core.Execution;
import dev.cau.core.TimerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A discrete-event simulator: virtual time, one thread, tasks run in time order and, at equal
 * times, in the order they were scheduled. Nothing here reads the wall clock or sleeps.
 *
 * <p>A blocking call into a simulated controller or plug-in runs at once; the call tells the
 * simulator how long it takes with {@link #charge(Duration)}, and everything the call hands to
 * the engine's event executor is delivered that much later. So a call's effects on the
 * simulated cluster happen when it starts, and the engine sees it return when it ends. Several
 * calls issued at once overlap, as they would on threads.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class Simulator {
  private record Task(Instant at, long sequence, Runnable action) {}

  private final PriorityQueue<Task> queue = new PriorityQueue<>(
      (a, b) -> a.at().equals(b.at()) ? Long.compare(a.sequence(), b.sequence()) : a.at().compareTo(b.at()));
  private final Clock clock = new VirtualClock();
  private Instant now;
  private long sequence;
  private boolean inCall;
  private Duration callCost = Duration.ZERO;
  private long tasksRun;

  /**
   * Creates a simulator whose virtual time starts at an instant.
   *
   * @param start the first instant
   */
  public Simulator(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Returns the virtual time now; inside a call, the time the call has reached so far.
   *
   * @return the instant
   */
  public Instant now() {
    return now.plus(callCost);
  }

  /**
   * Returns a clock that reads {@link #now()}.
   *
   * @return the virtual clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Says that the current call takes this much longer. Outside a call, time simply moves on.
   *
   * @param duration how long
   */
  public void charge(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A duration to charge must not be negative, but was " + duration);
    }
    if (inCall) {
      callCost = callCost.plus(duration);
    } else {
      now = now.plus(duration);
    }
  }

  /**
   * Schedules a task at a virtual instant.
   *
   * @param at when to run it; if that has passed, as soon as possible
   * @param action what to run
   * @return a handle that cancels it
   */
  public TimerScheduler.Cancellable schedule(Instant at, Runnable action) {
    boolean[] canceled = {false};
    queue.add(new Task(at, sequence++, () -> {
      if (!canceled[0]) {
        action.run();
      }
    }));
    return () -> canceled[0] = true;
  }

  /**
   * Returns time and threads for the engine, all in this simulator's virtual time.
   *
   * @return the execution
   */
  public Execution execution() {
    TimerScheduler timers = (delay, task) -> schedule(now().plus(delay), task);
    return new Execution(clock, timers, this::runCall, task -> schedule(now(), task));
  }

  /**
   * Runs tasks in order until a condition holds or nothing is left to run.
   *
   * @param done checked before each task
   * @return {@code true} if the condition holds, {@code false} if the queue ran dry first
   */
  public boolean runUntil(BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      Task task = queue.poll();
      if (task == null) {
        return false;
      }
      if (task.at().isAfter(now)) {
        now = task.at();
      }
      tasksRun++;
      task.action().run();
    }
    return true;
  }

  /**
   * Runs every task that is due now, outside a call: a test that calls a simulated controller
   * directly (not through the engine) uses it to let what the call scheduled happen, such as a
   * restarted node coming back. Does nothing inside a call.
   */
  public void runDue() {
    if (inCall) {
      return;
    }
    Task next = queue.peek();
    while (next != null && !next.at().isAfter(now)) {
      queue.poll();
      tasksRun++;
      next.action().run();
      next = queue.peek();
    }
  }

  /**
   * Tells whether a simulated call is in progress: the engine is calling a controller or a
   * plug-in, and time charged now is the call's duration.
   *
   * @return whether a call runs
   */
  public boolean inCall() {
    return inCall;
  }

  /**
   * Returns how many tasks have run, a measure of the simulation's work.
   *
   * @return the count
   */
  public long tasksRun() {
    return tasksRun;
  }

  private void runCall(Runnable call) {
    if (inCall) {
      throw new IllegalStateException("A simulated call may not start another call");
    }
    inCall = true;
    try {
      call.run();
    } finally {
      inCall = false;
      callCost = Duration.ZERO;
    }
  }

  private final class VirtualClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("The virtual clock is always UTC");
    }

    @Override
    public Instant instant() {
      return now();
    }
  }
}
