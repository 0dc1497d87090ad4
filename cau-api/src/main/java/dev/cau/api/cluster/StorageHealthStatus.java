package dev.cau.api.cluster;

/** The health of clustered storage, as {@code Get-VirtualDisk} reports it. */
public enum StorageHealthStatus {
  /** Every copy of the data is available. */
  HEALTHY,
  /** Data is available but with reduced resiliency, for example while a node is down. */
  DEGRADED,
  /** Some data is not available. */
  UNHEALTHY
}
