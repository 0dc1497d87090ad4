package dev.cau.core.engine;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides the order in which nodes are updated. */
public final class NodeOrdering {
  private NodeOrdering() {}

  /**
   * Orders the cluster's nodes: the requested nodes first, in the requested order; then the rest
   * by CAU's default, fewest clustered roles first, ties kept in the cluster's own order.
   *
   * @param snapshot the cluster
   * @param requested {@code NodeOrder}; may be empty
   * @return every node name, once
   * @throws InvalidOptionsException if a requested name is not a node of the cluster
   */
  public static List<String> order(ClusterSnapshot snapshot, List<String> requested) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String name : requested) {
      if (snapshot.node(name).isEmpty()) {
        throw new InvalidOptionsException(
            "NodeOrder",
            "\"" + name + "\"",
            "names of nodes of cluster \"" + snapshot.name() + "\": " + names(snapshot));
      }
      ordered.add(name);
    }
    List<NodeSnapshot> rest = new ArrayList<>(snapshot.nodes());
    rest.removeIf(n -> ordered.contains(n.name()));
    rest.sort(Comparator.comparingInt(n -> snapshot.rolesOwnedBy(n.name()).size()));
    rest.forEach(n -> ordered.add(n.name()));
    return List.copyOf(ordered);
  }

  private static String names(ClusterSnapshot snapshot) {
    return snapshot.nodes().stream().map(n -> "\"" + n.name() + "\"").reduce((a, b) -> a + ", " + b).orElse("none");
  }
}
