package dev.cau.api.cluster;

/** Whether a node's operating system says that it must restart to finish installing updates. */
public enum PendingRestart {
  /** A restart is pending (Windows' component-servicing or Windows Update reboot flags, Linux's {@code /run/reboot-required}). */
  PENDING,
  /** No restart is pending. */
  NONE,
  /** The controller cannot tell. */
  UNKNOWN
}
