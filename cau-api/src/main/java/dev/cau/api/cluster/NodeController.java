package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.OperationContext;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One node of the cluster: take it out of service, restart it, bring it back.
 *
 * <p>Every method is a plain blocking call made by the engine on a thread of its choosing.
 * Failures are reported by throwing {@link dev.cau.api.NodeOperationException}. Implementations
 * are thread-safe, but the engine never makes two calls on one node at the same time.
 */
@API(status = STABLE, since = "0.1.0")
public interface NodeController {
  /**
   * Returns the node's name.
   *
   * @return the node name
   */
  String name();

  /**
   * Pauses the node and, as the request says, moves its clustered roles to other nodes. Returns
   * when the node is paused and the drain is complete. Suspending a node that is already paused
   * by this run succeeds without doing anything.
   *
   * @param request how to drain and how to move virtual machines
   * @param context the run, cancellation signal, log and clock of the call
   * @throws dev.cau.api.StorageDegradedException if the cluster refuses because clustered
   *     storage is degraded; the engine retries later
   * @throws dev.cau.api.NodeOperationException if the node cannot be paused or drained
   */
  void suspend(SuspendRequest request, OperationContext context);

  /**
   * Takes the node out of the paused state and brings drained roles back as the failback mode
   * says. Resuming a node that is not paused succeeds without doing anything.
   *
   * @param failback whether and when drained roles return to the node
   * @param context the run, cancellation signal, log and clock of the call
   * @throws dev.cau.api.NodeOperationException if the node cannot be resumed
   */
  void resume(FailbackMode failback, OperationContext context);

  /**
   * Starts a restart of the node and returns once it has been initiated. The engine then calls
   * {@link #awaitReady(Duration, OperationContext)} with the run's reboot timeout.
   *
   * @param requested a full restart or a soft (kernel) restart; a node that cannot or must not
   *     soft-reboot restarts fully
   * @param context the run, cancellation signal, log and clock of the call
   * @return the kind of restart actually started, reported in the node's result
   * @throws dev.cau.api.NodeOperationException if the restart cannot be initiated
   */
  RebootMode restart(RebootMode requested, OperationContext context);

  /**
   * Waits until the node is back: up, a member of the cluster, and its automatic services
   * started. Returns as soon as it is, or when the timeout elapses.
   *
   * @param timeout the longest time to wait
   * @param context the run, cancellation signal, log and clock of the call
   * @return {@code true} if the node is ready, {@code false} if the timeout elapsed first
   */
  boolean awaitReady(Duration timeout, OperationContext context);

  /**
   * Tells whether the node's operating system has a restart pending. The engine asks after a
   * coordinator took a run over, for an install whose answer was lost: updates a fresh scan no
   * longer offers were installed, and the node is restarted for them only if a restart is pending
   * (or if the controller cannot tell). The default cannot tell.
   *
   * @param context the run, cancellation signal, log and clock of the call
   * @return whether a restart is pending
   */
  default PendingRestart pendingRestart(OperationContext context) {
    return PendingRestart.UNKNOWN;
  }

  /**
   * Runs a pre-update or post-update script on the node.
   *
   * <p>The default refuses, for controllers of clusters that have no script host.
   *
   * @param request the script and the session configuration to run it in
   * @param context the run, cancellation signal, log and clock of the call
   * @return how the script ended
   * @throws dev.cau.api.NodeOperationException if the script cannot be started
   */
  default ScriptOutcome runScript(ScriptRequest request, OperationContext context) {
    throw new dev.cau.api.NodeOperationException(
        name(), "Node \"" + name() + "\" cannot run scripts: its controller has no script host");
  }

  /**
   * Returns a typed facility the node offers to plug-ins, such as an update agent, a file share
   * client or a process runner.
   *
   * @param type the facility's interface
   * @param <T> the facility's type
   * @return the facility, or empty if this node does not offer it
   */
  default <T> Optional<T> capability(Class<T> type) {
    return Optional.empty();
  }
}
