package dev.cau.api.cluster;

/** The kind of restart asked of a node. */
public enum RebootMode {
  /** A full restart through firmware. */
  FULL,
  /** A kernel soft reboot that skips firmware initialization, where the node supports it. */
  SOFT
}
