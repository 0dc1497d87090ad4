package dev.cau.api.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A consistent view of the cluster at one moment.
 *
 * @param name the cluster's name
 * @param nodes every node, in the cluster's own order
 * @param witness the quorum witness, or {@link Witness#NONE}
 * @param roles every clustered role with its owner
 * @param storage the health of shared storage
 */
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
    Set<String> seen = new HashSet<>(nodes.size() * 2);
    for (NodeSnapshot node : nodes) {
      if (!seen.add(node.name())) {
        throw new IllegalArgumentException(
            "Cluster \"" + name + "\" lists node \"" + node.name() + "\" twice");
      }
    }
  }

  /**
   * Finds a node by name.
   *
   * @param nodeName the node's name
   * @return the node, or empty if the cluster has none of that name
   */
  public Optional<NodeSnapshot> node(String nodeName) {
    return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
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
