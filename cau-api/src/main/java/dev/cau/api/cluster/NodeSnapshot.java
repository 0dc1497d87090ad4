package dev.cau.api.cluster;

import java.util.Objects;

/**
 * One node as seen in a {@link ClusterSnapshot}.
 *
 * @param name the node's name
 * @param state its membership state
 * @param voteWeight its configured vote, {@code NodeWeight}: 1 when it votes, 0 when its vote was
 *     removed
 * @param faultDomain where it sits in the fault-domain hierarchy
 */
public record NodeSnapshot(String name, NodeState state, int voteWeight, FaultDomain faultDomain) {
  /**
   * Checks the components.
   *
   * @param name the node's name
   * @param state its membership state
   * @param voteWeight its configured vote, 0 or 1
   * @param faultDomain where it sits in the fault-domain hierarchy
   */
  public NodeSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(faultDomain, "faultDomain");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A node name must not be blank");
    }
    if (voteWeight != 0 && voteWeight != 1) {
      throw new IllegalArgumentException(
          "The vote weight of node \"" + name + "\" must be 0 or 1, but was " + voteWeight);
    }
  }
}
