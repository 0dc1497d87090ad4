package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown by {@link dev.cau.api.cluster.NodeController#suspend} when the cluster refuses to pause
 * a node because clustered storage is degraded ({@code ERROR_CLUSTER_SPACE_DEGRADED}).
 *
 * <p>The engine retries such a suspend for {@code SuspendClusterNodeTimeoutMinutes}, without
 * counting the retries against {@code MaxRetriesPerNode}.
 */
@API(status = STABLE, since = "0.1.0")
public class StorageDegradedException extends NodeOperationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param node the node that could not be paused
   * @param message what the cluster reported
   */
  public StorageDegradedException(String node, String message) {
    super(node, message);
  }
}
