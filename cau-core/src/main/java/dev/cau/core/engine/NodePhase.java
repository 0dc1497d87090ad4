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
  /** Plug-ins are scanning the node. */
  SCANNING,
  /** Scanned; waiting for its turn. */
  SCANNED,
  /** Plug-ins are staging updates before the node is drained. */
  STAGING,
  /** The pre-update script runs. */
  PRE_SCRIPT,
  /** The quorum guard is consulted on a fresh snapshot. */
  QUORUM_CHECK,
  /** The node is being paused and drained. */
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
    LEGAL.put(SCANNING, EnumSet.of(SCANNED, STAGING, PRE_SCRIPT, QUORUM_CHECK, SCANNING, DONE));
    LEGAL.put(SCANNED, EnumSet.of(STAGING, PRE_SCRIPT, QUORUM_CHECK, SCANNING, DONE));
    LEGAL.put(STAGING, EnumSet.of(STAGING, PRE_SCRIPT, QUORUM_CHECK, SCANNING, DONE));
    LEGAL.put(PRE_SCRIPT, EnumSet.of(QUORUM_CHECK, SCANNING, DONE));
    LEGAL.put(QUORUM_CHECK, EnumSet.of(SUSPENDING, SCANNING, DONE));
    LEGAL.put(SUSPENDING, EnumSet.of(INSTALLING, RESUMING));
    LEGAL.put(INSTALLING, EnumSet.of(INSTALLING, RESTARTING, RESCANNING, RESUMING));
    LEGAL.put(RESTARTING, EnumSet.of(AWAITING_READY, RESUMING));
    LEGAL.put(AWAITING_READY, EnumSet.of(RESCANNING, DONE));
    LEGAL.put(RESCANNING, EnumSet.of(INSTALLING, RESUMING));
    LEGAL.put(RESUMING, EnumSet.of(POST_SCRIPT, SCANNING, DONE));
    LEGAL.put(POST_SCRIPT, EnumSet.of(POST_SCRIPT, DONE));
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

  /**
   * Tells whether a node in this phase is paused or down because of the run.
   *
   * @return {@code true} from suspending to resuming
   */
  public boolean isOutOfService() {
    return compareTo(SUSPENDING) >= 0 && compareTo(RESUMING) <= 0;
  }
}
