package dev.cau.core.engine;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a node is in an offline update. The legal moves are a closed table, as for
 * {@link NodePhase}; any other move is a bug in the engine and throws
 * {@link IllegalTransitionException}.
 */
enum OfflineNodePhase {
  /** Not scanned yet. */
  PENDING,
  /** Plug-ins scan the node, with the cluster still running, or again after a restart. */
  SCANNING,
  /** Checking, with the cluster still running, that the node accepts a remote restart. */
  FIREWALL_CHECK,
  /** Plug-ins stage updates, with the cluster still running. */
  STAGING,
  /** Ready; waiting for the cluster to stop, or for the other nodes to finish preparing. */
  PREPARED,
  /** The pre-update script runs, the cluster stopped. */
  PRE_SCRIPT,
  /** Plug-ins install updates, one plug-in after another. */
  INSTALLING,
  /** A restart is being initiated. */
  RESTARTING,
  /** Waiting for the restarted node to be ready, within the reboot timeout. */
  AWAITING_READY,
  /** Plug-ins scan again for updates that apply only after the restart. */
  RESCANNING,
  /** Updated; waiting for the cluster to start before the post-update script runs. */
  UPDATED,
  /** The post-update script runs, the cluster started again. */
  POST_SCRIPT,
  /** The engine is done with the node. */
  DONE;

  private static final Map<OfflineNodePhase, Set<OfflineNodePhase>> LEGAL = new EnumMap<>(OfflineNodePhase.class);

  static {
    LEGAL.put(PENDING, EnumSet.of(SCANNING, DONE));
    LEGAL.put(SCANNING, EnumSet.of(FIREWALL_CHECK, STAGING, PREPARED, DONE));
    LEGAL.put(FIREWALL_CHECK, EnumSet.of(STAGING, PREPARED, DONE));
    LEGAL.put(STAGING, EnumSet.of(PREPARED, DONE));
    LEGAL.put(PREPARED, EnumSet.of(PRE_SCRIPT, INSTALLING, UPDATED, DONE));
    LEGAL.put(PRE_SCRIPT, EnumSet.of(INSTALLING, UPDATED, DONE));
    LEGAL.put(INSTALLING, EnumSet.of(INSTALLING, RESTARTING, RESCANNING, UPDATED, DONE));
    LEGAL.put(RESTARTING, EnumSet.of(AWAITING_READY, DONE));
    LEGAL.put(AWAITING_READY, EnumSet.of(RESCANNING, UPDATED, DONE));
    LEGAL.put(RESCANNING, EnumSet.of(INSTALLING, UPDATED, DONE));
    LEGAL.put(UPDATED, EnumSet.of(POST_SCRIPT, DONE));
    LEGAL.put(POST_SCRIPT, EnumSet.of(DONE));
    LEGAL.put(DONE, EnumSet.noneOf(OfflineNodePhase.class));
  }

  /**
   * Tells whether a node may move from this phase to another.
   *
   * @param next the phase to move to
   * @return {@code true} if the table allows it
   */
  boolean canMoveTo(OfflineNodePhase next) {
    return LEGAL.getOrDefault(this, EnumSet.noneOf(OfflineNodePhase.class)).contains(next);
  }

  /** Tells whether the node is still preparing, with the cluster running. */
  boolean isPreparing() {
    return this == PENDING || this == SCANNING || this == FIREWALL_CHECK || this == STAGING;
  }

  /** Tells whether the node still has work to do while the cluster is stopped. */
  boolean isUpdating() {
    return this == PREPARED || this == PRE_SCRIPT || this == INSTALLING || this == RESTARTING
        || this == AWAITING_READY || this == RESCANNING;
  }
}
