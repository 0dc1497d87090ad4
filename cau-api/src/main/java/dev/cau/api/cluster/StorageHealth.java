package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The health of the cluster's shared storage, such as Storage Spaces Direct.
 *
 * @param status the worst health of any clustered volume
 * @param runningRepairJobs how many repair or resync jobs are running
 */
@API(status = STABLE, since = "0.1.0")
public record StorageHealth(StorageHealthStatus status, int runningRepairJobs) {
  /** Healthy storage with nothing to repair, or a cluster without shared storage. */
  public static final StorageHealth HEALTHY = new StorageHealth(StorageHealthStatus.HEALTHY, 0);

  /**
   * Checks the components.
   *
   * @param status the worst health of any clustered volume
   * @param runningRepairJobs how many repair or resync jobs are running
   */
  public StorageHealth {
    Objects.requireNonNull(status, "status");
    if (runningRepairJobs < 0) {
      throw new IllegalArgumentException(
          "runningRepairJobs must not be negative, but was " + runningRepairJobs);
    }
  }

  /**
   * Tells whether another node may be taken down as far as storage is concerned.
   *
   * @return {@code true} when storage is healthy and no repair job runs
   */
  public boolean isSettled() {
    return status == StorageHealthStatus.HEALTHY && runningRepairJobs == 0;
  }
}
