package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether a node's operating system says that it must restart to finish installing updates. */
@API(status = STABLE, since = "0.1.0")
public enum PendingRestart {
  /** A restart is pending (Windows' component-servicing or Windows Update reboot flags, Linux's {@code /run/reboot-required}). */
  PENDING,
  /** No restart is pending. */
  NONE,
  /** The controller cannot tell. */
  UNKNOWN
}
