package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.NodeOperationException;
import org.apiguardian.api.API;

/**
 * A cluster-wide action the cluster's controller does not support, such as raising the
 * functional level on a cluster technology that has none.
 */
@API(status = STABLE, since = "0.1.0")
public class ClusterActionUnsupportedException extends NodeOperationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param cluster the cluster's name
   * @param action what was asked, as a phrase: {@code "raise the cluster functional level"}
   */
  public ClusterActionUnsupportedException(String cluster, String action) {
    super(cluster, "The controller of cluster \"" + cluster + "\" does not support this action: it cannot " + action);
  }
}
