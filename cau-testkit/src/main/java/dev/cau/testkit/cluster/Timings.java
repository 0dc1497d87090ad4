package dev.cau.testkit.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated steps take. Installing takes each update's own time.
 *
 * @param scan one plug-in scan of one node
 * @param stage staging a node's updates
 * @param suspend pausing and draining a node
 * @param reboot a node's restart, until it is ready again
 * @param resume resuming a node and failing its roles back
 * @param script a pre- or post-update script
 */
public record Timings(
    Duration scan, Duration stage, Duration suspend, Duration reboot, Duration resume, Duration script) {
  /**
   * Returns plausible defaults: scan 2 min, stage 1 min, suspend 1 min, reboot 6 min, resume
   * 1 min, script 30 s.
   *
   * @return the defaults
   */
  public static Timings defaults() {
    return new Timings(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofMinutes(6), Duration.ofMinutes(1), Duration.ofSeconds(30));
  }

  /**
   * Checks the components.
   *
   * @param scan one scan
   * @param stage staging
   * @param suspend suspending
   * @param reboot restarting
   * @param resume resuming
   * @param script a script
   */
  public Timings {
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(suspend, "suspend");
    Objects.requireNonNull(reboot, "reboot");
    Objects.requireNonNull(resume, "resume");
    Objects.requireNonNull(script, "script");
  }
}
