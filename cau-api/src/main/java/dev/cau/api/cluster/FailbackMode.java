package dev.cau.api.cluster;

/** Whether drained roles return to a node when it is resumed, as in CAU's {@code FailbackMode}. */
public enum FailbackMode {
  /** Roles stay where the drain put them. */
  NO_FAILBACK,
  /** Roles return to the node as soon as it is resumed. CAU's default. */
  IMMEDIATE,
  /** Roles return according to each role's own failback policy and window. */
  POLICY
}
