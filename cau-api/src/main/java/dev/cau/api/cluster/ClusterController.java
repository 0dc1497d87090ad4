package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The failover cluster being updated, as an embedding product exposes it to the engine.
 *
 * <p>Implementations are thread-safe. Methods block until they have an answer; the engine calls
 * them from its own threads and bounds every wait with a timeout of its own.
 *
 * <p>{@link #stopCluster} and {@link #startCluster} are used only by an offline update, which an
 * administrator must ask for explicitly; a controller that does not support it keeps their
 * defaults, which refuse.
 */
@API(status = STABLE, since = "0.1.0")
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

  /**
   * Stops the whole cluster for an offline update, as {@code Stop-Cluster} does: every clustered
   * role goes offline and stays offline until {@link #startCluster} is called. The nodes
   * themselves keep running, so that updates can be installed on them and they can be restarted.
   * Returns when every role is offline.
   *
   * <p>While the cluster is stopped, {@link NodeController#awaitReady} must report a restarted
   * node ready once the machine is back with its services started, without waiting for it to be
   * an active member of a running cluster. The engine calls this method at most once per run and,
   * once it has called it, always calls {@link #startCluster} before the run ends, even when this
   * method failed (part of the cluster may have stopped).
   *
   * <p>The default refuses: a controller supports offline updating only if it says so by
   * overriding this method and {@link #startCluster}.
   *
   * @param context the run, cancellation signal, log and clock of the call; its
   *     {@link OperationContext#nodeName()} is the cluster's name
   * @throws NodeOperationException if the cluster cannot be stopped, or, by default, because the
   *     controller does not support offline updating
   */
  default void stopCluster(OperationContext context) {
    throw new NodeOperationException(name(), "The controller of cluster \"" + name()
        + "\" does not support offline updating: it cannot stop the cluster");
  }

  /**
   * Starts the cluster again after an offline update, as {@code Start-Cluster} does: the nodes
   * that are up rejoin and the clustered roles come online again, on their owners when those are
   * up. Returns when the cluster is running; storage may still be repairing, which the engine
   * waits for through {@link #snapshot()}. Starting a cluster that is running does nothing.
   *
   * <p>The default refuses, like {@link #stopCluster}.
   *
   * @param context the run, cancellation signal, log and clock of the call; its
   *     {@link OperationContext#nodeName()} is the cluster's name
   * @throws NodeOperationException if the cluster cannot be started, or, by default, because the
   *     controller does not support offline updating
   */
  default void startCluster(OperationContext context) {
    throw new NodeOperationException(name(), "The controller of cluster \"" + name()
        + "\" does not support offline updating: it cannot start the cluster");
  }

  /**
   * Returns the cluster's single-coordinator lock. A coordinator takes it before a run touches
   * any node and gives it up when the run ends, so that two coordinators never act on the
   * cluster at once.
   *
   * <p>The default has none: runs on such a cluster are not protected against a second
   * coordinator, and the engine says so in its log when a run starts.
   *
   * @return the lock, or empty if the cluster cannot keep one
   */
  default Optional<RunLock> runLock() {
    return Optional.empty();
  }

  /**
   * Returns the run store the cluster keeps: run journals, reports and the self-updating role's
   * configuration, readable from every node. A self-updating coordinator needs it, so that the
   * coordinator on the next node can resume the run; a coordinator outside the cluster may use a
   * store of its own instead.
   *
   * <p>The default has none.
   *
   * @return the store, or empty if the cluster cannot keep one
   */
  default Optional<RunStore> runStore() {
    return Optional.empty();
  }

  /**
   * Reads the cluster's functional level, which a rolling operating-system upgrade raises at its
   * end. The default says the controller does not support it.
   *
   * @param context the call's run, cancellation signal, log and clock
   * @return the level now and the highest the nodes support
   * @throws ClusterActionUnsupportedException by default
   */
  default FunctionalLevel functionalLevel(OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "read the cluster functional level");
  }

  /**
   * Raises the cluster's functional level to the highest every node supports
   * ({@code Update-ClusterFunctionalLevel}). Irreversible: afterwards nodes with the older
   * operating system can no longer join. Every node must be up and not paused. The default says
   * the controller does not support it.
   *
   * @param context the call's run, cancellation signal, log and clock
   * @return the level afterwards
   * @throws ClusterActionUnsupportedException by default
   * @throws NodeOperationException if the level cannot be raised now
   */
  default FunctionalLevel raiseFunctionalLevel(OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "raise the cluster functional level");
  }

  /**
   * Reads the version of the cluster's storage pool. The default says the controller does not
   * support it.
   *
   * @param context the call's run, cancellation signal, log and clock
   * @return the pool's version
   * @throws ClusterActionUnsupportedException by default
   */
  default StoragePoolVersion storagePoolVersion(OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "read the storage pool version");
  }

  /**
   * Upgrades the storage pool's metadata ({@code Update-StoragePool}), an online operation done
   * after the functional level was raised. The default says the controller does not support it.
   *
   * @param context the call's run, cancellation signal, log and clock
   * @return the pool's version afterwards
   * @throws ClusterActionUnsupportedException by default
   */
  default StoragePoolVersion upgradeStoragePool(OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "upgrade the storage pool");
  }

  /**
   * Validates the cluster ({@code Test-Cluster}) and sums up the outcome. The default says the
   * controller does not support it.
   *
   * @param context the call's run, cancellation signal, log and clock
   * @return the summary
   * @throws ClusterActionUnsupportedException by default
   */
  default ValidationSummary validate(OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "validate the cluster");
  }

  /**
   * Upgrades the configuration version of the virtual machines a node owns to the highest the
   * cluster supports ({@code Update-VMVersion}), after the functional level was raised. A running
   * virtual machine is not upgraded: it is named as a blocker. Optional; the default says the
   * controller does not support it.
   *
   * @param node the node whose virtual machines to upgrade
   * @param context the call's run, cancellation signal, log and clock
   * @return what was upgraded and what blocked
   * @throws ClusterActionUnsupportedException by default
   */
  default NodePostUpgradeResult upgradeVmConfigurationVersions(String node, OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "upgrade virtual machine configuration versions");
  }

  /**
   * Verifies that the roles a node owns can fail over to another node after the upgrade. A role
   * with no other node to go to is named as a blocker. The default says the controller does not
   * support it.
   *
   * @param node the node whose roles to check
   * @param context the call's run, cancellation signal, log and clock
   * @return what was verified and what blocked
   * @throws ClusterActionUnsupportedException by default
   */
  default NodePostUpgradeResult verifyFailover(String node, OperationContext context) {
    throw new ClusterActionUnsupportedException(name(), "verify failover");
  }
}
