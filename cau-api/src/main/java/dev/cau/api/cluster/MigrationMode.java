package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How virtual machines leave a node that is drained. */
@API(status = STABLE, since = "0.1.0")
public enum MigrationMode {
  /** Move running virtual machines without downtime. */
  LIVE_MIGRATION,
  /** Save each virtual machine's state, move it, and restore it: quicker, with a short outage. */
  SAVE_STATE
}
