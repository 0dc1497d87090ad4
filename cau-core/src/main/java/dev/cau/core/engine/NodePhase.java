package dev.cau.core.engine;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a node is in its update. The legal moves between phases are a closed table; any other
 * move is a bug in the engine and throws {@link IllegalTransitionException}.
 */
public enum NodePhase {
  /** Not scanned yet. */
  PENDING,
  /** Plug-ins are scanning the node, at the start of the run or of a retry. */
  SCANNING,
  /** Scanned; waiting for its turn. */
  SCANNED,
  /** Checking that the node accepts a remote restart. */
  FIREWALL_CHECK,
  /** Plug-ins are staging updates before the node is drained. */
  STAGING,
  /** The pre-update script runs. */
  PRE_SCRIPT,
  /** The quorum guard is consulted on a fresh snapshot. */
  QUORUM_CHECK,
  /** The node is being paused and drained, or waits to retry because storage is degraded. */
  SUSPENDING,
  /** Plug-ins install updates, one plug-in after another. */
  INSTALLING,
  /** A restart is being initiated. */
  RESTARTING,
  /** Waiting for the restarted node to be ready. */
  AWAITING_READY,
  /** Plug-ins scan again for updates that apply only now. */
  RESCANNING,
  /** The node is being resumed and its roles failed back. */
  RESUMING,
  /** The post-update script runs. */
  POST_SCRIPT,
  /** The engine is done with the node. */
  DONE;

  private static final Map<NodePhase, Set<NodePhase>> LEGAL = new EnumMap<>(NodePhase.class);

  static {
    LEGAL.put(PENDING, EnumSet.of(SCANNING, DONE));
    LEGAL.put(SCANNING, EnumSet.of(SCANNED, FIREWALL_CHECK, SCANNING, DONE));
    LEGAL.put(SCANNED, EnumSet.of(FIREWALL_CHECK, SCANNING, DONE));
    LEGAL.put(FIREWALL_CHECK, EnumSet.of(STAGING, PRE_SCRIPT, QUORUM_CHECK, INSTALLING, POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(STAGING, EnumSet.of(PRE_SCRIPT, QUORUM_CHECK, INSTALLING, SCANNING, DONE));
    LEGAL.put(PRE_SCRIPT, EnumSet.of(QUORUM_CHECK, INSTALLING, POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(QUORUM_CHECK, EnumSet.of(SUSPENDING, INSTALLING, RESTARTING, RESUMING, SCANNING, DONE));
    LEGAL.put(SUSPENDING, EnumSet.of(SUSPENDING, QUORUM_CHECK, INSTALLING, RESTARTING, RESCANNING, RESUMING, SCANNING, DONE));
    LEGAL.put(INSTALLING, EnumSet.of(INSTALLING, QUORUM_CHECK, RESTARTING, RESCANNING, RESUMING, SCANNING, DONE));
    // RESTARTING again: a coordinator that took the run over repeats a restart whose answer was lost.
    LEGAL.put(RESTARTING, EnumSet.of(AWAITING_READY, RESTARTING, RESUMING, SCANNING, DONE));
    LEGAL.put(AWAITING_READY, EnumSet.of(INSTALLING, RESCANNING, RESUMING, DONE));
    LEGAL.put(RESCANNING, EnumSet.of(INSTALLING, QUORUM_CHECK, RESTARTING, RESUMING, POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(RESUMING, EnumSet.of(POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(POST_SCRIPT, EnumSet.of(SCANNING, DONE));
    LEGAL.put(DONE, EnumSet.noneOf(NodePhase.class));
  }

  /**
   * Tells whether a node may move from this phase to another.
   *
   * @param next the phase to move to
   * @return {@code true} if the table allows it
   */
  public boolean canMoveTo(NodePhase next) {
    return LEGAL.getOrDefault(this, EnumSet.noneOf(NodePhase.class)).contains(next);
  }
}
