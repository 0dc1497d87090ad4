package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How long the simulated steps take. Installing takes each update's own time.
 *
 * @param scan one plug-in scan of one node
 * @param stage staging a node's updates
 * @param suspend pausing and draining a node
 * @param reboot a node's full restart, until it is ready again
 * @param softReboot a node's kernel soft reboot, until it is ready again
 * @param resume resuming a node and failing its roles back
 * @param script a pre- or post-update script
 * @param storageResync how long clustered storage repairs after a node returns from a restart;
 *     zero for a cluster without shared storage
 * @param clusterStop stopping the whole cluster for an offline update, until every role is
 *     offline
 * @param clusterStart starting the whole cluster again, until its roles are online
 * @param fileRead one call of a node's {@link SimulatedFiles}: a stat, a listing, a read, a hash
 *     or a look at access entries or a share
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Timings(
    Duration scan,
    Duration stage,
    Duration suspend,
    Duration reboot,
    Duration softReboot,
    Duration resume,
    Duration script,
    Duration storageResync,
    Duration clusterStop,
    Duration clusterStart,
    Duration fileRead) {
  /** Default of {@link #clusterStop()}: 2 minutes. */
  public static final Duration DEFAULT_CLUSTER_STOP = Duration.ofMinutes(2);
  /** Default of {@link #clusterStart()}: 3 minutes. */
  public static final Duration DEFAULT_CLUSTER_START = Duration.ofMinutes(3);
  /** Default of {@link #fileRead()}: 1 second. */
  public static final Duration DEFAULT_FILE_READ = Duration.ofSeconds(1);

  /**
   * Returns plausible defaults: scan 2 min, stage 1 min, suspend 1 min, reboot 6 min, soft
   * reboot 2 min, resume 1 min, script 30 s, no shared storage to resync, cluster stop 2 min,
   * cluster start 3 min, a file call 1 s.
   *
   * @return the defaults
   */
  public static Timings defaults() {
    return new Timings(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofMinutes(6), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ZERO,
        DEFAULT_CLUSTER_STOP, DEFAULT_CLUSTER_START, DEFAULT_FILE_READ);
  }

  /**
   * Creates timings with the default file call duration, as before file calls were simulated.
   *
   * @param scan one scan
   * @param stage staging
   * @param suspend suspending
   * @param reboot a full restart
   * @param softReboot a soft reboot
   * @param resume resuming
   * @param script a script
   * @param storageResync storage repair after a restart
   * @param clusterStop stopping the cluster
   * @param clusterStart starting the cluster
   */
  public Timings(
      Duration scan,
      Duration stage,
      Duration suspend,
      Duration reboot,
      Duration softReboot,
      Duration resume,
      Duration script,
      Duration storageResync,
      Duration clusterStop,
      Duration clusterStart) {
    this(scan, stage, suspend, reboot, softReboot, resume, script, storageResync, clusterStop, clusterStart,
        DEFAULT_FILE_READ);
  }

  /**
   * Creates timings with the default cluster stop and start, as before those were simulated.
   *
   * @param scan one scan
   * @param stage staging
   * @param suspend suspending
   * @param reboot a full restart
   * @param softReboot a soft reboot
   * @param resume resuming
   * @param script a script
   * @param storageResync storage repair after a restart
   */
  public Timings(
      Duration scan,
      Duration stage,
      Duration suspend,
      Duration reboot,
      Duration softReboot,
      Duration resume,
      Duration script,
      Duration storageResync) {
    this(scan, stage, suspend, reboot, softReboot, resume, script, storageResync, DEFAULT_CLUSTER_STOP, DEFAULT_CLUSTER_START,
        DEFAULT_FILE_READ);
  }

  /**
   * Returns these timings with clustered storage that resyncs for a while after each restart.
   *
   * @param resync how long the repair takes
   * @return the changed timings
   */
  public Timings withStorageResync(Duration resync) {
    return new Timings(scan, stage, suspend, reboot, softReboot, resume, script, resync, clusterStop, clusterStart, fileRead);
  }

  /**
   * Returns these timings with other durations for stopping and starting the whole cluster.
   *
   * @param stop stopping the cluster
   * @param start starting it again
   * @return the changed timings
   */
  public Timings withClusterStopAndStart(Duration stop, Duration start) {
    return new Timings(scan, stage, suspend, reboot, softReboot, resume, script, storageResync, stop, start, fileRead);
  }

  /**
   * Returns these timings with another duration for one call of a node's files.
   *
   * @param duration one file call
   * @return the changed timings
   */
  public Timings withFileRead(Duration duration) {
    return new Timings(scan, stage, suspend, reboot, softReboot, resume, script, storageResync, clusterStop,
        clusterStart, duration);
  }

  /**
   * Checks the components.
   *
   * @param scan one scan
   * @param stage staging
   * @param suspend suspending
   * @param reboot a full restart
   * @param softReboot a soft reboot
   * @param resume resuming
   * @param script a script
   * @param storageResync storage repair after a restart
   * @param clusterStop stopping the cluster
   * @param clusterStart starting the cluster
   * @param fileRead one file call
   */
  public Timings {
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(suspend, "suspend");
    Objects.requireNonNull(reboot, "reboot");
    Objects.requireNonNull(softReboot, "softReboot");
    Objects.requireNonNull(resume, "resume");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(storageResync, "storageResync");
    Objects.requireNonNull(clusterStop, "clusterStop");
    Objects.requireNonNull(clusterStart, "clusterStart");
    Objects.requireNonNull(fileRead, "fileRead");
  }
}
