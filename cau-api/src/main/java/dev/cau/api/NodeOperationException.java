package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link dev.cau.api.cluster.NodeController} when an operation on a node fails: a
 * drain that cannot complete, a resume that is refused, a script that cannot be started. Also
 * thrown by a {@link dev.cau.api.cluster.ClusterController} when stopping or starting the whole
 * cluster for an offline update fails; {@link #node()} then names the cluster.
 *
 * <p>For a node, a rolling run counts it as a failed attempt on the node and retries within
 * {@code MaxRetriesPerNode}. For the cluster, the offline update fails.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class NodeOperationException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The node whose operation failed. */
  private final String node;

  /**
   * Creates the exception.
   *
   * @param node the name of the node the operation was for
   * @param message what failed
   */
  public NodeOperationException(String node, String message) {
    this(node, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param node the name of the node the operation was for
   * @param message what failed
   * @param cause the underlying failure, or {@code null}
   */
  public NodeOperationException(String node, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.node = node;
  }

  /**
   * Returns the node the failed operation was for, or the cluster for a cluster-wide action.
   *
   * @return the node name, or the cluster name
   */
  public String node() {
    return node;
  }
}
