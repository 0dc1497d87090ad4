package dev.cau.api.cluster;

/**
 * The failover cluster being updated, as an embedding product exposes it to the engine.
 *
 * <p>Implementations are thread-safe. Methods block until they have an answer; the engine calls
 * them from its own threads and bounds every wait with a timeout of its own.
 */
public interface ClusterController {
  /**
   * Returns the cluster's name, as shown in reports.
   *
   * @return the cluster name
   */
  String name();

  /**
   * Reads a consistent view of the cluster now: nodes with their state and votes, the witness,
   * the clustered roles with their owners, and storage health.
   *
   * @return a snapshot taken now
   */
  ClusterSnapshot snapshot();

  /**
   * Returns the controller of one node.
   *
   * @param name the node's name as it appears in {@link #snapshot()}
   * @return the node's controller
   * @throws IllegalArgumentException if the cluster has no node of that name
   */
  NodeController node(String name);
}
