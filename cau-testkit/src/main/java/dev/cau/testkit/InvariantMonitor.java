package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.cluster.NodeState;
import dev.cau.core.text.Counts;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Watches a simulated cluster after every change and records each moment a safety invariant is
 * broken: more nodes out of service than allowed, or a role owned by a node that is not up (a
 * role that a forced drain or a crash failed is not counted).
 *
 * <p>Nodes that were already out of service when the monitor was attached are not counted
 * against the limit.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class InvariantMonitor {
  private final int maxNodesOutOfService;
  private final Set<String> outAtStart;
  private final List<String> violations = new ArrayList<>();
  private int mostOutOfService;

  private InvariantMonitor(SimulatedCluster cluster, int maxNodesOutOfService) {
    this.maxNodesOutOfService = maxNodesOutOfService;
    this.outAtStart = outOfService(cluster);
  }

  /**
   * Attaches a monitor that allows one node out of service at a time, as CAU does.
   *
   * @param cluster the cluster to watch
   * @return the monitor
   */
  public static InvariantMonitor attach(SimulatedCluster cluster) {
    return attach(cluster, 1);
  }

  /**
   * Attaches a monitor.
   *
   * @param cluster the cluster to watch
   * @param maxNodesOutOfService how many nodes the run may have paused or down at once
   * @return the monitor
   */
  public static InvariantMonitor attach(SimulatedCluster cluster, int maxNodesOutOfService) {
    InvariantMonitor monitor = new InvariantMonitor(cluster, maxNodesOutOfService);
    cluster.observe(monitor::check);
    return monitor;
  }

  /**
   * Returns every violation seen, each with its virtual time.
   *
   * @return the violations, oldest first; empty when every invariant held
   */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Returns the largest number of nodes the run had out of service at once.
   *
   * @return the high-water mark
   */
  public int mostNodesOutOfService() {
    return mostOutOfService;
  }

  private void check(SimulatedCluster cluster) {
    Set<String> out = outOfService(cluster);
    out.removeAll(outAtStart);
    mostOutOfService = Math.max(mostOutOfService, out.size());
    if (out.size() > maxNodesOutOfService) {
      violations.add(cluster.simulator().now() + ": " + Counts.of(out.size(), "node") + " out of service " + out
          + ", more than " + maxNodesOutOfService);
    }
    Set<String> failed = cluster.failedRoles();
    for (Map.Entry<String, String> role : cluster.roleOwners().entrySet()) {
      NodeState ownerState = cluster.node(role.getValue()).state();
      if (ownerState != NodeState.UP && !failed.contains(role.getKey())) {
        violations.add(cluster.simulator().now() + ": role \"" + role.getKey() + "\" is owned by \""
            + role.getValue() + "\", which is " + ownerState);
      }
    }
  }

  private static Set<String> outOfService(SimulatedCluster cluster) {
    return cluster.nodes().stream()
        .filter(n -> n.state() != NodeState.UP)
        .map(SimulatedNode::name)
        .collect(Collectors.toSet());
  }
}
