package dev.cau.testkit.cluster;

import java.time.Duration;
import java.util.Objects;

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
 */
public record Timings(
    Duration scan,
    Duration stage,
    Duration suspend,
    Duration reboot,
    Duration softReboot,
    Duration resume,
    Duration script,
    Duration storageResync) {
  /**
   * Returns plausible defaults: scan 2 min, stage 1 min, suspend 1 min, reboot 6 min, soft
   * reboot 2 min, resume 1 min, script 30 s, no shared storage to resync.
   *
   * @return the defaults
   */
  public static Timings defaults() {
    return new Timings(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofMinutes(6), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ZERO);
  }

  /**
   * Returns these timings with clustered storage that resyncs for a while after each restart.
   *
   * @param resync how long the repair takes
   * @return the changed timings
   */
  public Timings withStorageResync(Duration resync) {
    return new Timings(scan, stage, suspend, reboot, softReboot, resume, script, resync);
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
  }
}
