package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A consistent view of the cluster at one moment.
 *
 * @param name the cluster's name
 * @param nodes every node, in the cluster's own order
 * @param witness the quorum witness, or {@link Witness#NONE}
 * @param roles every clustered role with its owner
 * @param storage the health of shared storage
 */
@API(status = STABLE, since = "0.1.0")
public record ClusterSnapshot(
    String name,
    List<NodeSnapshot> nodes,
    Witness witness,
    List<ClusteredRole> roles,
    StorageHealth storage) {
  /**
   * Checks the components, copies the lists, and rejects duplicate node names.
   *
   * @param name the cluster's name
   * @param nodes every node
   * @param witness the quorum witness
   * @param roles every clustered role
   * @param storage the health of shared storage
   */
  public ClusterSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(storage, "storage");
    nodes = List.copyOf(nodes);
    roles = List.copyOf(roles);
    String twice = firstDuplicate(nodes);
    if (twice != null) {
      throw new IllegalArgumentException("Cluster \"" + name + "\" lists node \"" + twice + "\" twice");
    }
  }

  /**
   * Finds a node name listed twice. Snapshots are made often, of every node: an open-addressing
   * table of indexes keeps the check linear without allocating a set of entries.
   */
  private static @Nullable String firstDuplicate(List<NodeSnapshot> nodes) {
    // At most half full: the smallest power of two of at least twice the nodes.
    int[] slots = new int[Integer.highestOneBit(Math.max(1, nodes.size()) * 2 - 1) << 1];
    int mask = slots.length - 1;
    for (int i = 0; i < nodes.size(); i++) {
      String nodeName = nodes.get(i).name();
      int slot = nodeName.hashCode() & mask;
      while (slots[slot] != 0) {
        if (nodes.get(slots[slot] - 1).name().equals(nodeName)) {
          return nodeName;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
    return null;
  }

  /**
   * Finds a node by name.
   *
   * @param nodeName the node's name
   * @return the node, or empty if the cluster has none of that name
   */
  public Optional<NodeSnapshot> node(String nodeName) {
    for (NodeSnapshot node : nodes) { // a plain loop: the engine looks nodes up on every step
      if (node.name().equals(nodeName)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists the roles a node hosts now.
   *
   * @param nodeName the node's name
   * @return the roles whose owner is that node
   */
  public List<ClusteredRole> rolesOwnedBy(String nodeName) {
    return roles.stream().filter(r -> r.ownerNode().equals(nodeName)).toList();
  }
}
