package dev.cau.pacemaker;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.Witness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Pacemaker/Corosync cluster as the engine sees it.
 *
 * <p>The snapshot is read on the first node, in the order given, whose partition has quorum (or,
 * when none has, the first that answers): {@code crm_mon -1 --output-as=xml} gives each node's
 * state (online, standby, pending) and each resource's node and role, {@code corosync-quorumtool
 * -s} gives the votes. Each member node's boot identity is read from
 * {@link PacemakerSettings#bootIdFile()} on that node.
 *
 * <p>No run lock is kept in the cluster: the CIB offers no compare-and-set of one value (a
 * {@code cibadmin --replace} of the whole CIB is refused only when its epoch is older, which races
 * with the cluster's own updates), so coordinators share a run store with a lock of its own.
 *
 * <p>Thread-safe: it keeps no state between calls except in its nodes' controllers.
 */
public final class PacemakerCluster implements ClusterController {
  private final String name;
  private final Map<String, PacemakerNode> nodes;

  /**
   * Creates the controller of a cluster.
   *
   * @param name the cluster's name, as shown in reports
   * @param runners each node's program runner, by Pacemaker node name, in the order snapshots try
   *     them
   * @param settings how to restart nodes and read their boot identity
   */
  public PacemakerCluster(String name, Map<String, ? extends ProgramRunner> runners, PacemakerSettings settings) {
    this.name = Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    if (runners.isEmpty()) {
      throw new IllegalArgumentException("A Pacemaker cluster needs at least one node");
    }
    Map<String, PacemakerNode> byName = new LinkedHashMap<>();
    runners.forEach((node, runner) -> byName.put(node, new PacemakerNode(this, new NodeCommands(node, runner), settings)));
    this.nodes = byName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ClusterSnapshot snapshot() {
    View view = view(null);
    List<NodeSnapshot> nodeSnapshots = new ArrayList<>();
    for (PacemakerNode node : nodes.values()) {
      NodeState state = stateOf(view.status().node(node.name()).orElse(null));
      int votes = view.quorum().member(node.name()).map(QuorumStatus.Member::votes).orElse(1);
      String bootId = state.isMember() ? node.bootIdOrEmpty(NodeCommands.ownContext(node.name())) : "";
      nodeSnapshots.add(new NodeSnapshot(node.name(), state, Math.min(votes, 1), FaultDomain.NONE, bootId));
    }
    List<ClusteredRole> roles = new ArrayList<>();
    for (CrmMonStatus.Resource r : view.status().resources()) {
      roles.add(new ClusteredRole(r.id(), r.nodes().isEmpty() ? "" : r.nodes().get(0), List.of(), roleState(r)));
    }
    return new ClusterSnapshot(name, nodeSnapshots, Witness.NONE, roles, StorageHealth.HEALTHY);
  }

  @Override
  public NodeController node(String nodeName) {
    PacemakerNode node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("Cluster \"" + name + "\" has no node \"" + nodeName + "\"; its nodes are "
          + String.join(", ", nodes.keySet()));
    }
    return node;
  }

  /**
   * crm_mon and corosync-quorumtool as one node sees them.
   *
   * @param node the node that answered
   * @param status crm_mon's view
   * @param quorum Corosync's votes
   */
  record View(String node, CrmMonStatus status, QuorumStatus quorum) {}

  /**
   * Reads the cluster on the first node whose partition is quorate, else the first that answers.
   *
   * @param context the calling operation's context, for its cancellation, or null for the
   *     backend's own
   */
  View view(@Nullable OperationContext context) {
    List<String> problems = new ArrayList<>();
    View fallback = null;
    for (PacemakerNode node : nodes.values()) {
      OperationContext ctx = context != null ? context : NodeCommands.ownContext(node.name());
      try {
        View v = node.localView(ctx);
        if (v.quorum().quorate()) {
          return v;
        }
        if (fallback == null) {
          fallback = v;
        }
      } catch (OperationCanceledException e) {
        throw e;
      } catch (RuntimeException e) {
        problems.add(node.name() + ": " + e.getMessage());
      }
    }
    if (fallback != null) {
      return fallback;
    }
    throw new NodeOperationException(name, "No node of cluster \"" + name + "\" answered: "
        + String.join("; ", problems));
  }

  static NodeState stateOf(CrmMonStatus.@Nullable Node node) {
    if (node == null || !node.online() || node.unclean()) {
      return NodeState.DOWN;
    }
    if (node.pending()) {
      return NodeState.JOINING;
    }
    return node.standby() ? NodeState.PAUSED : NodeState.UP;
  }

  static RoleState roleState(CrmMonStatus.Resource r) {
    if (r.failed()) {
      return RoleState.FAILED;
    }
    return switch (r.role()) {
      case "Started", "Promoted", "Unpromoted", "Master", "Slave" -> r.active() ? RoleState.ONLINE : RoleState.PENDING;
      case "Stopped" -> RoleState.OFFLINE;
      default -> RoleState.PENDING; // Starting, Stopping, Migrating and the like
    };
  }
}
