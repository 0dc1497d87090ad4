package dev.cau.core.engine;

import dev.cau.api.event.NodeStep;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a node is in its workflow. The legal moves between phases are a closed table; any other
 * move is a bug in the engine and throws {@link IllegalTransitionException}. A phase that is a
 * step of CAU's node workflow names the {@link NodeStep} its start publishes.
 *
 * <p>A rolling run goes PENDING, SCANNING, SCANNED (waiting for its turn), then per attempt
 * CLEARING (the quorum guard judges the node before anything changes it), FIREWALL_CHECK,
 * STAGING, PRE_SCRIPT, CLEARING (asked again, right before the node goes down), SUSPENDING, INSTALLING and,
 * when an update needs it, CLEARING, RESTARTING, AWAITING_READY, then RESCANNING (when the
 * re-scan finds updates to stage: RESUMING, STAGING, CLEARING, SUSPENDING, INSTALLING again by
 * default, or STAGING while still drained with {@code SecondOrderStaging.WHILE_DRAINED}), RESUMING,
 * POST_SCRIPT and DONE. An offline update holds its nodes in PREPARED until the cluster has
 * stopped and in UPDATED until it has started again; it has no SUSPENDING or RESUMING, and its
 * CLEARING before a restart only records the node's boot identity.
 */
public enum NodePhase {
  /** Not scanned yet. */
  PENDING(null),
  /** Plug-ins are scanning the node, at the start of the run or of a retry. */
  SCANNING(null),
  /** Scanned; waiting for the rollout policy to take it. */
  SCANNED(null),
  /** Checking that the node accepts a remote restart. */
  FIREWALL_CHECK(null),
  /** Plug-ins are staging updates before the node goes out of service. */
  STAGING(NodeStep.STAGING),
  /** Prepared; waiting for the cluster to stop (offline update). */
  PREPARED(null),
  /** The pre-update script runs. */
  PRE_SCRIPT(NodeStep.PRE_UPDATE_SCRIPT),
  /**
   * The cluster is read before the node goes down: the quorum guard clears a suspend or a restart,
   * and the node's boot identity is recorded before a restart.
   */
  CLEARING(null),
  /** The node is being paused and drained, or waits to retry because storage is degraded. */
  SUSPENDING(NodeStep.SUSPENDING),
  /** Plug-ins install updates, one plug-in after another. */
  INSTALLING(NodeStep.INSTALLING),
  /** A restart is being initiated. */
  RESTARTING(NodeStep.RESTARTING),
  /** Waiting for the restarted node to be ready. */
  AWAITING_READY(NodeStep.WAITING_FOR_NODE),
  /** Plug-ins scan again for updates that apply only now. */
  RESCANNING(NodeStep.RESCANNING),
  /** The node is being resumed and its roles failed back. */
  RESUMING(NodeStep.RESUMING),
  /** Updated; waiting for the cluster to start again before the post-update script (offline update). */
  UPDATED(null),
  /** The post-update script runs. */
  POST_SCRIPT(NodeStep.POST_UPDATE_SCRIPT),
  /** The engine is done with the node. */
  DONE(null);

  private static final Map<NodePhase, Set<NodePhase>> LEGAL = new EnumMap<>(NodePhase.class);

  static {
    // Every phase of an attempt may end it: back to service, a retry (a new scan), or done.
    Set<NodePhase> ends = EnumSet.of(RESUMING, SCANNING, DONE);
    LEGAL.put(PENDING, EnumSet.of(SCANNING, DONE));
    // CLEARING first: the quorum guard judges a node before the first step that changes it.
    LEGAL.put(SCANNING, EnumSet.of(SCANNED, CLEARING, FIREWALL_CHECK, SCANNING, DONE));
    LEGAL.put(SCANNED, EnumSet.of(CLEARING, FIREWALL_CHECK, STAGING, PREPARED, SCANNING, DONE));
    LEGAL.put(FIREWALL_CHECK, with(ends, STAGING, PREPARED, PRE_SCRIPT, CLEARING, INSTALLING, POST_SCRIPT));
    LEGAL.put(STAGING, with(ends, PREPARED, PRE_SCRIPT, CLEARING, INSTALLING));
    LEGAL.put(PREPARED, EnumSet.of(PRE_SCRIPT, CLEARING, INSTALLING, UPDATED, DONE));
    LEGAL.put(PRE_SCRIPT, with(ends, CLEARING, INSTALLING, UPDATED, POST_SCRIPT));
    // CLEARING again: a node to drain again for a further pass waits for storage, reading the cluster.
    LEGAL.put(CLEARING, with(ends, CLEARING, FIREWALL_CHECK, STAGING, PRE_SCRIPT, SUSPENDING, INSTALLING, RESTARTING, POST_SCRIPT));
    LEGAL.put(SUSPENDING, with(ends, SUSPENDING, CLEARING, INSTALLING));
    LEGAL.put(INSTALLING, with(ends, INSTALLING, CLEARING, AWAITING_READY, RESCANNING));
    // RESTARTING again: a coordinator that took the run over repeats a restart that did not happen.
    LEGAL.put(RESTARTING, with(ends, AWAITING_READY, RESTARTING));
    LEGAL.put(AWAITING_READY, with(ends, INSTALLING, CLEARING, RESCANNING));
    LEGAL.put(RESCANNING, with(ends, STAGING, INSTALLING, CLEARING, UPDATED, POST_SCRIPT));
    // STAGING after RESUMING: updates a re-scan found are staged outside the drained window.
    LEGAL.put(RESUMING, EnumSet.of(STAGING, POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(UPDATED, EnumSet.of(POST_SCRIPT, DONE));
    LEGAL.put(POST_SCRIPT, EnumSet.of(SCANNING, DONE));
    LEGAL.put(DONE, EnumSet.noneOf(NodePhase.class));
  }

  private final @Nullable NodeStep step;

  NodePhase(@Nullable NodeStep step) {
    this.step = step;
  }

  private static Set<NodePhase> with(Set<NodePhase> base, NodePhase... more) {
    EnumSet<NodePhase> all = EnumSet.copyOf(base);
    all.addAll(Set.of(more));
    return all;
  }

  /**
   * Tells whether a node may move from this phase to another.
   *
   * @param next the phase to move to
   * @return {@code true} if the table allows it
   */
  public boolean canMoveTo(NodePhase next) {
    return LEGAL.getOrDefault(this, Set.of()).contains(next);
  }

  /**
   * Returns the step of CAU's node workflow that entering this phase starts.
   *
   * @return the step, or {@code null} for a phase that is not one
   */
  public @Nullable NodeStep step() {
    return step;
  }
}
