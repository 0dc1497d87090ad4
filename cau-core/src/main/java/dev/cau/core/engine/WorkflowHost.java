package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.api.event.RunEvent;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.OrchestrationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link NodeWorkflow} needs from the run it belongs to: the run's settings, its way of
 * making calls and setting timers, and where it reports that it holds or has finished.
 * {@link RunStateMachine} is the only implementation.
 */
interface WorkflowHost {
  RunId runId();

  RunOptions options();

  RunShape shape();

  /** The run's plug-ins, in the order they run. */
  List<String> plugins();

  OrchestrationPolicy orchestration();

  /** The instant of the input being applied. */
  Instant now();

  /** Makes a call for the node, bounded by the operation timeout unless it waits for a restart. */
  void call(String node, Operation operation);

  void startTimer(TimerKind kind, String node, Duration delay);

  void cancelTimers(String node, TimerKind kind);

  /** Stops waiting for every call on the node: their answers will be ignored. */
  void abandonCallsOf(String node);

  void publish(RunEvent event);

  /** Why the run is being canceled, or {@code null}. */
  @Nullable String cancelReason();

  /** Why the run is stopping, or {@code null}. */
  @Nullable String stopReason();

  /** The quorum guard refused a node: the run stops, after the nodes in flight are back in service. */
  void refuse(String reason);

  /** The nodes in flight that the run has out of service, besides {@code node}: for the quorum guard. */
  List<String> outOfServiceBesides(String node);

  /** Whether the cluster has stopped for an offline update, so that updating may begin. */
  boolean clusterStopped();

  /** Whether the cluster has started again and storage has repaired, so that post-update scripts may run. */
  boolean clusterRestarted();

  /** The node holds in {@link NodePhase#PREPARED} or {@link NodePhase#UPDATED} until the run moves on. */
  void nodeHolds(NodeWorkflow node);

  /** Told each time a node's workflow moves from one phase to another. */
  void phaseChanged(NodePhase from, NodePhase to);

  /** The node is done: its result is final. */
  void nodeFinished(NodeWorkflow node);
}
