package dev.cau.core.role;

import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.Witness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A cluster that only answers snapshots: nodes {@code n1..nN} and the roles it is given. */
final class FakeCluster implements ClusterController {
  private final ClusterSnapshot snapshot;
  private final @Nullable RunStore store;

  private FakeCluster(ClusterSnapshot snapshot, @Nullable RunStore store) {
    this.snapshot = snapshot;
    this.store = store;
  }

  /** A cluster of {@code nodes} nodes named n1, n2, … with these roles. */
  static FakeCluster of(int nodes, ClusteredRole... roles) {
    return new FakeCluster(snapshot(nodes, roles), null);
  }

  /** The same cluster, keeping a run store of its own. */
  FakeCluster withStore(RunStore runStore) {
    return new FakeCluster(snapshot, runStore);
  }

  /** A role owned by n1 that the given nodes may own; none given means every node. */
  static ClusteredRole role(String name, String... possibleOwners) {
    return new ClusteredRole(name, "n1", List.of(possibleOwners), RoleState.ONLINE);
  }

  static ClusterSnapshot snapshot(int nodes, ClusteredRole... roles) {
    List<NodeSnapshot> list = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      list.add(new NodeSnapshot("n" + i, NodeState.UP, 1, FaultDomain.NONE));
    }
    return new ClusterSnapshot("c1", list, Witness.NONE, List.of(roles), StorageHealth.HEALTHY);
  }

  @Override
  public String name() {
    return snapshot.name();
  }

  @Override
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public NodeController node(String name) {
    throw new UnsupportedOperationException("the role never acts on a node");
  }

  @Override
  public Optional<RunStore> runStore() {
    return Optional.ofNullable(store);
  }
}
