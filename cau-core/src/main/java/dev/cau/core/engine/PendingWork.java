package dev.cau.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The calls and timers a run machine waits for, named by the tokens it hands its driver. Both
 * machines keep their waits here, so that a coordinator that takes a run over finds them in one
 * place: {@link #resume} repeats every call whose answer was lost and sets every timer again.
 *
 * @param <K> the machine's kinds of timer
 */
final class PendingWork<K extends Enum<K>> {
  /**
   * A call in flight.
   *
   * @param target what the driver calls: a node, or the cluster for a call on the whole cluster
   * @param node the node the call is for, or {@code null} for a call on the whole cluster
   * @param operation the call
   */
  record Call(String target, @Nullable String node, Operation operation) {}

  /**
   * A timer set and not yet fired or canceled.
   *
   * @param kind what it is for
   * @param node the node it is for, or {@code ""}
   * @param call for an operation timeout, the token of the call it bounds; otherwise 0
   * @param due when it fires
   */
  record Timer<K>(K kind, String node, int call, Instant due) {}

  private final K callTimeout;
  // Sorted by token, so that a resumed run repeats its calls in the order it made them.
  private final Map<Integer, Call> calls = new TreeMap<>();
  private final Map<Integer, Timer<K>> timers = new TreeMap<>();
  /** The token of each call's operation timeout, so that an answer cancels it without a search. */
  private final Map<Integer, Integer> timeoutOfCall = new HashMap<>();
  private int nextToken = 1;

  /**
   * Creates an empty set of waits.
   *
   * @param callTimeout the kind of the timer that bounds a call
   */
  PendingWork(K callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** Makes a call, bounded by an operation timeout unless {@code timeout} is {@code null}. */
  int call(List<Command> out, Instant now, String target, @Nullable String node, Operation operation,
      @Nullable Duration timeout) {
    int token = nextToken++;
    calls.put(token, new Call(target, node, operation));
    out.add(new Command.Call(token, target, operation));
    if (timeout != null) {
      startTimer(out, now, callTimeout, target, token, timeout);
    }
    return token;
  }

  /** Takes the call a result answers, canceling its operation timeout; {@code null} if not waited for. */
  @Nullable Call complete(List<Command> out, int token) {
    Call call = calls.remove(token);
    Integer timeout = timeoutOfCall.remove(token);
    if (call != null && timeout != null && timers.remove(timeout) != null) {
      out.add(new Command.CancelTimer(timeout));
    }
    return call;
  }

  /**
   * Takes a call whose operation timeout fired, without an answer, and tells the driver to give
   * up its thread; {@code null} if not waited for.
   */
  @Nullable Call abandon(List<Command> out, int token) {
    Call call = calls.remove(token);
    timeoutOfCall.remove(token);
    if (call != null) {
      out.add(new Command.AbandonCall(token));
    }
    return call;
  }

  /** Stops waiting for every call on a node, telling the driver to give up their threads: their answers will be ignored. */
  void abandonCallsOf(List<Command> out, String node) {
    calls.entrySet().removeIf(e -> {
      boolean match = node.equals(e.getValue().node());
      if (match) {
        out.add(new Command.AbandonCall(e.getKey()));
        timeoutOfCall.remove(e.getKey());
      }
      return match;
    });
  }

  /** Tells whether a call on the node is in flight. */
  boolean waitsForCallOn(String node) {
    return calls.values().stream().anyMatch(c -> node.equals(c.node()));
  }

  /** Tells whether no call at all is in flight. */
  boolean noCallsInFlight() {
    return calls.isEmpty();
  }

  void startTimer(List<Command> out, Instant now, K kind, String node, Duration delay) {
    startTimer(out, now, kind, node, 0, delay);
  }

  private void startTimer(List<Command> out, Instant now, K kind, String node, int call, Duration delay) {
    int token = nextToken++;
    timers.put(token, new Timer<>(kind, node, call, now.plus(delay)));
    if (call != 0) {
      timeoutOfCall.put(call, token);
    }
    out.add(new Command.StartTimer(token, delay));
  }

  /** Takes the timer that fired; {@code null} if it was canceled meanwhile. */
  @Nullable Timer<K> fire(int token) {
    return timers.remove(token);
  }

  void cancelTimers(List<Command> out, String node, K kind) {
    timers.entrySet().removeIf(e -> {
      boolean match = e.getValue().kind() == kind && e.getValue().node().equals(node);
      if (match) {
        out.add(new Command.CancelTimer(e.getKey()));
      }
      return match;
    });
  }

  void cancelAllTimers(List<Command> out) {
    new ArrayList<>(timers.keySet()).forEach(token -> out.add(new Command.CancelTimer(token)));
    timers.clear();
    timeoutOfCall.clear();
  }

  /**
   * Carries the waits over to a coordinator that took the run over: for every call in flight,
   * whose answer was lost with the previous coordinator, the machine says what to call instead
   * under the same token ({@code repeat}: the same call when it is safe to repeat, an install of
   * what a new scan still offers, a look at the cluster to find out whether a suspend or a restart
   * happened), with a fresh operation timeout. Every other timer is set again with the time it had
   * left when the previous coordinator made its last step, so that the time without a coordinator
   * does not count against the nodes.
   *
   * @param out where the commands go
   * @param now when the new coordinator took over
   * @param lastStep when the previous coordinator applied its last input
   * @param operationTimeout the run's operation timeout
   * @param repeat what to call for a call whose answer was lost
   */
  void resume(List<Command> out, Instant now, Instant lastStep, Duration operationTimeout,
      Function<Call, Operation> repeat) {
    Map<Integer, Timer<K>> carried = new TreeMap<>();
    timers.forEach((token, timer) -> {
      if (timer.kind() != callTimeout) {
        carried.put(token, timer);
      }
    });
    timers.clear();
    timeoutOfCall.clear();
    carried.forEach((token, timer) -> {
      Duration left = Duration.between(lastStep, timer.due());
      Duration delay = left.isNegative() ? Duration.ZERO : left;
      timers.put(token, new Timer<>(timer.kind(), timer.node(), 0, now.plus(delay)));
      out.add(new Command.StartTimer(token, delay));
    });
    new TreeMap<>(calls).forEach((token, call) -> {
      Operation repeated = repeat.apply(call);
      calls.put(token, new Call(call.target(), call.node(), repeated));
      out.add(new Command.Call(token, call.target(), repeated));
      if (!(repeated instanceof Operation.AwaitReady)) {
        startTimer(out, now, callTimeout, call.target(), token, operationTimeout);
      }
    });
  }

  /** What a machine calls again for a lost call when nothing more is needed: the call itself, made safe. */
  static Operation repeatSafely(Call call) {
    return call.operation() instanceof Operation.InstallUpdates install ? install.afterInterruption() : call.operation();
  }
}
