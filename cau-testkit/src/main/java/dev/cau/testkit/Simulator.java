package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.core.Execution;
import dev.cau.core.TimerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
  /** A scheduled task, ordered by time and then by the order it was scheduled in. */
  private final class Task implements Comparable<Task>, TimerScheduler.Cancellable {
    private final Instant at;
    private final long sequence;
    private final Runnable action;
    private boolean canceled;
    private boolean inQueue;

    Task(Instant at, long sequence, Runnable action) {
      this.at = at;
      this.sequence = sequence;
      this.action = action;
    }

    @Override
    public int compareTo(Task other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public void cancel() {
      if (!canceled) {
        canceled = true;
        if (inQueue) {
          dropCanceledWhenMany();
        }
      }
    }
  }

  private final PriorityQueue<Task> queue = new PriorityQueue<>();

  /**
   * Tasks scheduled for the very instant {@link #now} was when they were scheduled, in the order
   * they were scheduled: most tasks are the engine's events, handed on at once, and a queue in
   * order spares them the priority queue. Time never goes back, so this queue stays in the order
   * of time and sequence, and the next task is the earlier of the two queues' heads.
   */
  private final ArrayDeque<Task> dueNow = new ArrayDeque<>();

  /**
   * How many tasks in {@link #queue} are canceled. The engine cancels most of its timers (an
   * operation's time-out once the operation returned), and hours of them would otherwise make
   * the queue, and each task's way through it, several times longer.
   */
  private int canceledInQueue;
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
    Task task = new Task(Objects.requireNonNull(at, "at"), sequence++, Objects.requireNonNull(action, "action"));
    if (at.equals(now)) {
      dueNow.addLast(task);
    } else {
      task.inQueue = true;
      queue.add(task);
    }
    return task;
  }

  /** Takes the canceled tasks out of the queue once they are more than half of it: amortized, a constant cost per task. */
  private void dropCanceledWhenMany() {
    canceledInQueue++;
    if (canceledInQueue > 16 && canceledInQueue * 2 > queue.size()) {
      queue.removeIf(task -> task.canceled);
      canceledInQueue = 0;
    }
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
      Task task = next();
      if (task == null) {
        return false;
      }
      take(task);
      if (task.at.isAfter(now)) {
        now = task.at;
      }
      run(task);
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
    Task next = next();
    while (next != null && !next.at.isAfter(now)) {
      take(next);
      run(next);
      next = next();
    }
  }

  /** The task to run next, of both queues, left where it is. */
  private @Nullable Task next() {
    Task first = dueNow.peekFirst();
    Task scheduled = queue.peek();
    if (first == null) {
      return scheduled;
    }
    return scheduled != null && scheduled.compareTo(first) < 0 ? scheduled : first;
  }

  /** Takes the task {@link #next()} returned out of its queue. */
  private void take(Task task) {
    if (task == dueNow.peekFirst()) {
      dueNow.pollFirst();
    } else {
      queue.poll();
      task.inQueue = false;
      if (task.canceled) {
        canceledInQueue--;
      }
    }
  }

  private void run(Task task) {
    tasksRun++;
    if (!task.canceled) {
      task.action.run();
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
