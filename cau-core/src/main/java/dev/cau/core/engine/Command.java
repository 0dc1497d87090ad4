package dev.cau.core.engine;

import dev.cau.api.event.RunEvent;
import dev.cau.api.result.RunResult;
import java.time.Duration;

/** What the state machine asks its driver to do after an input. */
public sealed interface Command {
  /**
   * Make a blocking call and report it back as a {@code CallCompleted} input with this token.
   *
   * @param token identifies the call
   * @param node the node the call is for
   * @param operation the call
   */
  record Call(int token, String node, Operation operation) implements Command {}

  /**
   * Stop waiting for a call: its answer will be ignored. If a thread is still in the call, the
   * driver interrupts it and, if it has not returned after a grace period, reports it abandoned.
   *
   * @param token the call, as its {@link Call} named it
   */
  record AbandonCall(int token) implements Command {}

  /**
   * Report a {@code TimerFired} input with this token after the delay, unless canceled first.
   *
   * @param token identifies the timer
   * @param delay how long to wait
   */
  record StartTimer(int token, Duration delay) implements Command {}

  /**
   * Cancel a timer that has not fired yet.
   *
   * @param token the timer to cancel
   */
  record CancelTimer(int token) implements Command {}

  /**
   * Deliver an event to the run's listeners.
   *
   * @param event the event
   */
  record Publish(RunEvent event) implements Command {}

  /** Raise the cancellation signal that blocking calls of the run observe. */
  record RaiseCancellation() implements Command {}

  /**
   * End the run.
   *
   * @param result the run's result
   */
  record Finish(RunResult result) implements Command {}
}
