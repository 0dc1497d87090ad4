package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A node's cluster membership state, as {@code Get-ClusterNode} reports it. */
@API(status = STABLE, since = "0.1.0")
public enum NodeState {
  /** Running and a member of the cluster. */
  UP,
  /** Turned off or not operational. */
  DOWN,
  /** Running and a full member, but not allowed to host roles: in maintenance. */
  PAUSED,
  /** Joining the cluster. */
  JOINING,
  /** The state could not be determined. */
  UNKNOWN;

  /**
   * Tells whether a node in this state is an active member and keeps its vote.
   *
   * @return {@code true} for {@link #UP} and {@link #PAUSED}
   */
  public boolean isMember() {
    return this == UP || this == PAUSED;
  }
}
