package dev.cau.benchmarks;

import dev.cau.api.OperationContext;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.RunLock;
import dev.cau.api.cluster.RunStore;
import java.util.Optional;

/**
 * Shows a cluster as one without a run store, so that the engine keeps the run's journal in
 * memory: the baseline that measures what journaling to a store costs.
 */
final class WithoutRunStore implements ClusterController {
  private final ClusterController cluster;

  WithoutRunStore(ClusterController cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return cluster.name();
  }

  @Override
  public ClusterSnapshot snapshot() {
    return cluster.snapshot();
  }

  @Override
  public NodeController node(String name) {
    return cluster.node(name);
  }

  @Override
  public void stopCluster(OperationContext context) {
    cluster.stopCluster(context);
  }

  @Override
  public void startCluster(OperationContext context) {
    cluster.startCluster(context);
  }

  @Override
  public Optional<RunLock> runLock() {
    return cluster.runLock();
  }

  @Override
  public Optional<RunStore> runStore() {
    return Optional.empty();
  }
}
