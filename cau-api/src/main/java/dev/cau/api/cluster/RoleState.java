package dev.cau.api.cluster;

/** A clustered role's state, as {@code Get-ClusterGroup} reports it. */
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
