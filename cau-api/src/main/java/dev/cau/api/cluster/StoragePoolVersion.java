package dev.cau.api.cluster;

import java.util.Objects;

/**
 * The version of the cluster's storage pool metadata.
 *
 * @param pool the pool's name
 * @param version the metadata version as the cluster reports it
 * @param upgradeAvailable whether {@code Update-StoragePool} would upgrade it
 */
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
