package dev.cau.api.cluster;

/** Whether a suspended node's clustered roles are moved to other nodes. */
public enum DrainMode {
  /** Pause only; roles keep running on the node. */
  NONE,
  /** Pause and move every role gracefully; the drain fails if a role cannot move. */
  DRAIN,
  /** Pause and move every role; a role that cannot move is stopped and moved as failed. */
  FORCE_DRAIN
}
