package dev.cau.core.quorum;

/** How much the quorum guard may rely on the cluster's own vote adjustment. */
public enum QuorumPolicy {
  /**
   * Allows only what keeps a majority of the configured votes; the conservative default.
   *
   * <p>A step that only dynamic quorum would survive ({@link QuorumVerdict#DYNAMIC_ONLY}) is
   * refused.
   */
  STATIC_MAJORITY,

  /**
   * Also allows what keeps quorum only because the cluster recomputes its votes (dynamic quorum).
   *
   * <p>Such a step survives a planned, one-at-a-time shutdown, but not a further failure at the
   * same moment.
   */
  ALLOW_DYNAMIC_QUORUM
}
