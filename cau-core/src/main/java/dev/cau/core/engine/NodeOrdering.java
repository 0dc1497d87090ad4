package dev.cau.core.engine;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Decides the order in which nodes are updated. */
public final class NodeOrdering {
  private NodeOrdering() {}

  /**
   * Orders the cluster's nodes.
   *
   * <p>Without a site order: the nodes of {@code NodeOrder} first, in that order, then the rest
   * by CAU's default, fewest clustered roles first, ties in the cluster's own order. With
   * {@code SiteAwareUpdatingOrder}: every node of the first site, then of the next, and nodes of
   * no listed site last; within each group the same rule applies.
   *
   * @param snapshot the cluster
   * @param requested {@code NodeOrder}; may be empty
   * @param sites {@code SiteAwareUpdatingOrder}; may be empty
   * @return every node name, once
   * @throws InvalidOptionsException if a requested node or site is not in the cluster
   */
  public static List<String> order(ClusterSnapshot snapshot, List<String> requested, List<String> sites) {
    for (String name : requested) {
      if (snapshot.node(name).isEmpty()) {
        throw new InvalidOptionsException("NodeOrder", "\"" + name + "\"",
            "names of nodes of cluster \"" + snapshot.name() + "\": " + quoted(snapshot.nodes().stream().map(NodeSnapshot::name).toList()));
      }
    }
    List<String> known = snapshot.nodes().stream().map(n -> n.faultDomain().site()).filter(Objects::nonNull).distinct().toList();
    for (String site : sites) {
      if (!known.contains(site)) {
        throw new InvalidOptionsException("SiteAwareUpdatingOrder", "\"" + site + "\"",
            "sites of cluster \"" + snapshot.name() + "\": " + (known.isEmpty() ? "none are defined" : quoted(known)));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String site : sites) {
      ordered.addAll(byDefault(snapshot, requested, n -> site.equals(n.faultDomain().site())));
    }
    ordered.addAll(byDefault(snapshot, requested, n -> true));
    return List.copyOf(ordered);
  }

  private static List<String> byDefault(
      ClusterSnapshot snapshot, List<String> requested, java.util.function.Predicate<NodeSnapshot> in) {
    List<String> result = new ArrayList<>();
    requested.stream().map(name -> snapshot.node(name).orElseThrow()).filter(in).forEach(n -> result.add(n.name()));
    Set<String> taken = new java.util.HashSet<>(result);
    List<NodeSnapshot> rest = new ArrayList<>(snapshot.nodes().stream().filter(in).filter(n -> !taken.contains(n.name())).toList());
    // Count each node's roles once: the sort compares N log N times.
    java.util.Map<String, Integer> roles = new java.util.HashMap<>();
    snapshot.roles().forEach(r -> roles.merge(r.ownerNode(), 1, Integer::sum));
    rest.sort(Comparator.comparingInt(n -> roles.getOrDefault(n.name(), 0)));
    rest.forEach(n -> result.add(n.name()));
    return result;
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").reduce((a, b) -> a + ", " + b).orElse("none");
  }
}
