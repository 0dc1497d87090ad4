package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One node as seen in a {@link ClusterSnapshot}.
 *
 * @param name the node's name
 * @param state its membership state
 * @param voteWeight its configured vote, {@code NodeWeight}: 1 when it votes, 0 when its vote was
 *     removed
 * @param faultDomain where it sits in the fault-domain hierarchy
 * @param bootId an opaque identity of the node's current boot, which changes with every boot
 *     (Linux's {@code /proc/sys/kernel/random/boot_id}, or Windows' last boot time exactly as the
 *     node reports it); {@code ""} when the controller cannot tell. The engine only compares two
 *     identities of the same node for equality, never as times, so clocks of different machines
 *     never meet: after a coordinator takeover, a restart whose answer was lost counts as done
 *     when the identity changed since the engine recorded it before the restart.
 */
@API(status = STABLE, since = "0.1.0")
public record NodeSnapshot(String name, NodeState state, int voteWeight, FaultDomain faultDomain, String bootId) {
  /**
   * Checks the components.
   *
   * @param name the node's name
   * @param state its membership state
   * @param voteWeight its configured vote, 0 or 1
   * @param faultDomain where it sits in the fault-domain hierarchy
   * @param bootId the identity of its current boot, or {@code ""} when unknown
   */
  public NodeSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bootId, "bootId");
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

  /**
   * Creates a node whose boot identity is unknown: after a takeover, a restart whose answer was
   * lost is then judged from the node's state alone.
   *
   * @param name the node's name
   * @param state its membership state
   * @param voteWeight its configured vote, 0 or 1
   * @param faultDomain where it sits in the fault-domain hierarchy
   */
  public NodeSnapshot(String name, NodeState state, int voteWeight, FaultDomain faultDomain) {
    this(name, state, voteWeight, faultDomain, "");
  }

  /**
   * Tells whether the controller reports boot identities for this node.
   *
   * @return {@code true} unless {@link #bootId()} is empty
   */
  public boolean knowsBootId() {
    return !bootId.isEmpty();
  }
}
