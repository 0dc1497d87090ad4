package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to take a node out of service.
 *
 * @param drain whether roles are moved off the node, and whether by force
 * @param migration how virtual machines move when they are drained
 */
@API(status = STABLE, since = "0.1.0")
public record SuspendRequest(DrainMode drain, MigrationMode migration) {
  /** Pause and drain gracefully with live migration: CAU's default. */
  public static final SuspendRequest DEFAULT =
      new SuspendRequest(DrainMode.DRAIN, MigrationMode.LIVE_MIGRATION);

  /**
   * Checks the components.
   *
   * @param drain whether roles are moved off the node, and whether by force
   * @param migration how virtual machines move when they are drained
   */
  public SuspendRequest {
    Objects.requireNonNull(drain, "drain");
    Objects.requireNonNull(migration, "migration");
  }
}
