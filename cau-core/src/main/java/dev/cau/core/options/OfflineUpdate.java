package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * The acknowledgement that {@link dev.cau.core.UpdateCoordinator#startOfflineUpdate} requires:
 * an offline update stops the whole cluster, so every clustered role (every workload) is offline
 * from the moment the cluster stops until it has started again.
 *
 * <p>It is a value of its own, not a flag among the {@link RunOptions}, so that an offline update
 * cannot be started by accident, by a profile or by options copied from a rolling run.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum OfflineUpdate {
  /**
   * Every clustered role goes offline while the nodes are updated, and the administrator accepts
   * it, as in a maintenance window where downtime is planned.
   */
  WORKLOADS_GO_OFFLINE;

  /** The name under which the acknowledgement appears in messages. */
  public static final String OPTION_NAME = "OfflineUpdate";
}
