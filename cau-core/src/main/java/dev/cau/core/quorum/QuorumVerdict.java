package dev.cau.core.quorum;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/** What would happen to quorum if the nodes in question went down. */
@API(status = MAINTAINED, since = "0.1.0")
public enum QuorumVerdict {
  /** A majority of the configured votes would remain: safe without dynamic quorum. */
  SAFE,

  /**
   * Only dynamic quorum would keep the cluster running: fewer than a majority of the configured
   * votes would remain, but a majority of the votes the cluster counts now would.
   */
  DYNAMIC_ONLY,

  /** The cluster would lose quorum, or no member node would remain. */
  QUORUM_AT_RISK
}
