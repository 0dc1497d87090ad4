package dev.cau.core.policy;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.cluster.ClusterSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a {@link RolloutPolicy} sees when it chooses the next nodes to take.
 *
 * @param cluster the latest view of the cluster the run has read (journaled, so a replay sees the
 *     same one)
 * @param waiting the scanned nodes that wait for their turn, in the run's node order
 * @param inFlight the nodes taken and not finished yet
 * @param scanning how many nodes are still in the run's first scan
 */
@API(status = MAINTAINED, since = "0.1.0")
public record RolloutView(ClusterSnapshot cluster, List<String> waiting, Set<String> inFlight, int scanning) {
  /**
   * Checks the components and copies the collections.
   *
   * @param cluster the latest view of the cluster
   * @param waiting the nodes waiting, in node order
   * @param inFlight the nodes in flight
   * @param scanning how many nodes are still scanning
   */
  public RolloutView {
    Objects.requireNonNull(cluster, "cluster");
    waiting = List.copyOf(waiting);
    inFlight = Set.copyOf(inFlight);
    if (scanning < 0) {
      throw new IllegalArgumentException("scanning must be 0 or more, but was " + scanning);
    }
  }
}
