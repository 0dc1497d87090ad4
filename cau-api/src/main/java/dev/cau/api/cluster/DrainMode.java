package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether a suspended node's clustered roles are moved to other nodes. */
@API(status = STABLE, since = "0.1.0")
public enum DrainMode {
  /** Pause only; roles keep running on the node. */
  NONE,
  /** Pause and move every role gracefully; the drain fails if a role cannot move. */
  DRAIN,
  /** Pause and move every role; a role that cannot move is stopped and moved as failed. */
  FORCE_DRAIN
}
