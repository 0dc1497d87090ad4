package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.OperationContext;
import dev.cau.api.cluster.ClusterSnapshot;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a readiness rule may look at: the cluster as read once for the whole check, and the
 * capabilities of its nodes. Nothing here changes a node; rules only read.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ReadinessContext {
  /**
   * Returns the cluster as read when the check began.
   *
   * @return the snapshot
   */
  ClusterSnapshot snapshot();

  /**
   * Returns a capability of a node, as {@link dev.cau.api.cluster.NodeController#capability}
   * offers it.
   *
   * @param node the node's name
   * @param type the capability's interface
   * @param <T> the capability's type
   * @return the capability, or empty if the node does not offer it
   */
  <T> Optional<T> capability(String node, Class<T> type);

  /**
   * Returns the context to pass to a capability's calls on a node: its log goes to the check's
   * log, its cancellation to the check's.
   *
   * @param node the node's name
   * @return the call context
   */
  OperationContext callContext(String node);
}
