package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether drained roles return to a node when it is resumed, as in CAU's {@code FailbackMode}. */
@API(status = STABLE, since = "0.1.0")
public enum FailbackMode {
  /** Roles stay where the drain put them. */
  NO_FAILBACK,
  /** Roles return to the node as soon as it is resumed. CAU's default. */
  IMMEDIATE,
  /** Roles return according to each role's own failback policy and window. */
  POLICY
}
