package dev.cau.core.engine;

import dev.cau.core.journal.RunHeader.RunKind;

/**
 * What kind of run the one machine runs: the few ways an offline update differs from a rolling
 * run, named. This is the only place that turns a {@link RunKind} into behaviour.
 *
 * @param kind the kind of run, for the journal
 * @param drainsNodes a node goes out of service by itself: the quorum guard clears it, it is
 *     paused and drained, and resumed at the end; an offline update instead takes every node out
 *     of service at once by stopping the cluster
 * @param stopsCluster the nodes' updates happen inside a stop-cluster / start-cluster bracket:
 *     they hold in {@link NodePhase#PREPARED} until the cluster has stopped, run the pre-update
 *     script only then, and hold in {@link NodePhase#UPDATED} until it has started again and
 *     storage has repaired, before the post-update script
 * @param retriesNodes a failed attempt is retried within {@code MaxRetriesPerNode}; otherwise
 *     each node has one attempt and a failure ends it with that failure as its reason
 * @param checksFirewallOfEveryNode the remote-restart firewall rule is checked on every node taken,
 *     since a rolling run may restart a node that has nothing to install
 *     ({@code ForcePauseDrainAndReboot}); otherwise only on a node that will install and may restart
 */
record RunShape(
    RunKind kind,
    boolean drainsNodes,
    boolean stopsCluster,
    boolean retriesNodes,
    boolean checksFirewallOfEveryNode) {

  /** A rolling run: one node after another, each drained and resumed, with the workloads running. */
  static final RunShape ROLLING = new RunShape(RunKind.ROLLING, true, false, true, true);

  /** An offline update: every node at once, inside a stop-cluster / start-cluster bracket. */
  static final RunShape OFFLINE = new RunShape(RunKind.OFFLINE, false, true, false, false);

  /**
   * Returns the shape of a kind of run.
   *
   * @param kind the kind
   * @return its shape
   */
  static RunShape of(RunKind kind) {
    return switch (kind) {
      case ROLLING -> ROLLING;
      case OFFLINE -> OFFLINE;
    };
  }
}
