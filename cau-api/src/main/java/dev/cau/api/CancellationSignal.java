package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Tells a long blocking call that the run it serves has been asked to stop.
 *
 * <p>What the engine does, exactly:
 * <ul>
 *   <li>It raises the signal when the run is canceled ({@code Stop-CauRun}, a forced recovery,
 *       {@code StopAfter} running out), when its coordinator loses the run lock to another, and
 *       when its coordinator is closed. A raised signal stays raised.
 *   <li>On a cancel, raising the signal interrupts nothing: a call in progress is still waited
 *       for, within its operation timeout, and its answer is used. A call that sees the signal
 *       should stop at its next safe point and return, or throw
 *       {@link OperationCanceledException}, leaving its node in a state it reports truthfully.
 *   <li>The engine interrupts the thread of a call only when it stops waiting for the call: at
 *       the call's operation timeout (for a wait for a restarted node, at the reboot timeout),
 *       when the coordinator loses the run lock, and when the coordinator is closed. Whatever
 *       the call returns or throws afterwards is ignored, and a call no thread has started yet
 *       is never made. A call that catches {@code InterruptedException} should end promptly;
 *       the engine clears the interrupt once the call has returned, so that the thread's next
 *       task does not see it.
 *   <li>A thread that has not left the call a grace period after the interrupt (30 seconds by
 *       default) is abandoned: the engine logs it at WARN, naming the run, the node, the
 *       operation and the thread, reports it to the embedding application, and leaves it
 *       running. It never stops a thread by force.
 * </ul>
 *
 * <p>Implementations are thread-safe; a call polls it between units of work.
 */
@API(status = STABLE, since = "0.1.0")
public interface CancellationSignal {
  /** A signal that is never raised, for calls made outside a run. */
  CancellationSignal NEVER = () -> false;

  /**
   * Tells whether cancellation has been requested.
   *
   * @return {@code true} once the run is being canceled or stopped
   */
  boolean isCancellationRequested();

  /**
   * Throws if cancellation has been requested.
   *
   * @throws OperationCanceledException if the run is being canceled or stopped
   */
  default void throwIfCancellationRequested() {
    if (isCancellationRequested()) {
      throw new OperationCanceledException("The updating run was canceled");
    }
  }
}
