package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The version of the cluster's storage pool metadata.
 *
 * @param pool the pool's name
 * @param version the metadata version as the cluster reports it
 * @param upgradeAvailable whether {@code Update-StoragePool} would upgrade it
 */
@API(status = STABLE, since = "0.1.0")
public record StoragePoolVersion(String pool, String version, boolean upgradeAvailable) {
  /**
   * Checks the components.
   *
   * @param pool the pool's name
   * @param version the metadata version
   * @param upgradeAvailable whether an upgrade is available
   */
  public StoragePoolVersion {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(version, "version");
  }
}
