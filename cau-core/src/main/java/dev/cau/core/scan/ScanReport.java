package dev.cau.core.scan;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A scan preview of a cluster: the first-order updates each node would get, as
 * {@code Invoke-CauScan} lists them. Updates that only become applicable after others are
 * installed appear in a run, not here.
 *
 * @param cluster the cluster's name
 * @param startedAt when the preview began
 * @param finishedAt when the last node's scan ended
 * @param parallelism how many nodes were scanned at once, at most
 * @param nodes one entry per node, in the cluster's order
 * @param runInProgress the run that held the cluster's run lock when the preview began, or
 *     {@code null}; the preview went on, as it changes nothing, but a node that run is updating
 *     may report a moving picture or fail its scan
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ScanReport(String cluster, Instant startedAt, Instant finishedAt, int parallelism, List<NodeScan> nodes,
    @Nullable RunId runInProgress) {
  /**
   * Checks the components and copies the list.
   *
   * @param cluster the cluster's name
   * @param startedAt when the preview began
   * @param finishedAt when it ended
   * @param parallelism nodes scanned at once, at most
   * @param nodes one entry per node
   * @param runInProgress the run holding the lock, or {@code null}
   */
  public ScanReport {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    nodes = List.copyOf(nodes);
  }

  /**
   * Returns the entry of one node.
   *
   * @param node the node's name
   * @return its scans
   * @throws IllegalArgumentException if the preview has no such node
   */
  public NodeScan node(String node) {
    return nodes.stream().filter(n -> n.node().equals(node)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The preview has no node \"" + node + "\""));
  }

  /**
   * Returns the run that held the cluster's run lock when the preview began.
   *
   * @return the run, or empty
   */
  public Optional<RunId> runHoldingLock() {
    return Optional.ofNullable(runInProgress);
  }
}
