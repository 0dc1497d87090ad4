package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The health of clustered storage, as {@code Get-VirtualDisk} reports it. */
@API(status = STABLE, since = "0.1.0")
public enum StorageHealthStatus {
  /** Every copy of the data is available. */
  HEALTHY,
  /** Data is available but with reduced resiliency, for example while a node is down. */
  DEGRADED,
  /** Some data is not available. */
  UNHEALTHY
}
