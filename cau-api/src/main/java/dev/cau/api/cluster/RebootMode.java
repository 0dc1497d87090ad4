package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The kind of restart asked of a node. */
@API(status = STABLE, since = "0.1.0")
public enum RebootMode {
  /** A full restart through firmware. */
  FULL,
  /** A kernel soft reboot that skips firmware initialization, where the node supports it. */
  SOFT
}
