package dev.cau.core.quorum;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/** How much the quorum guard may rely on the cluster's own vote adjustment. */
@API(status = MAINTAINED, since = "0.1.0")
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
