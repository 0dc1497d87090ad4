package dev.cau.api.cluster;

/** How virtual machines leave a node that is drained. */
public enum MigrationMode {
  /** Move running virtual machines without downtime. */
  LIVE_MIGRATION,
  /** Save each virtual machine's state, move it, and restore it: quicker, with a short outage. */
  SAVE_STATE
}
