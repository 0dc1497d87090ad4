package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A clustered role's state, as {@code Get-ClusterGroup} reports it. */
@API(status = STABLE, since = "0.1.0")
public enum RoleState {
  /** All resources online. */
  ONLINE,
  /** All resources offline. */
  OFFLINE,
  /** At least one resource failed. */
  FAILED,
  /** Some resources online, none pending or failed. */
  PARTIAL_ONLINE,
  /** At least one resource is coming online or going offline. */
  PENDING
}
