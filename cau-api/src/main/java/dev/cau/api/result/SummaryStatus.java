package dev.cau.api.result;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The summary status of a node or a run, with CAU's meaning. */
@API(status = STABLE, since = "0.1.0")
public enum SummaryStatus {
  /**
   * Every update installed and nothing else failed. A node with nothing to install is
   * Succeeded too, as in CAU's reports.
   */
  SUCCEEDED("Succeeded"),
  /**
   * At least one update installed, but some failed or something else went wrong. For a run: the
   * run went through every node, and some did not succeed.
   */
  PARTIALLY_FAILED("PartiallyFailed"),
  /**
   * No update installed and something failed, or installation was stopped. For a run: the run
   * stopped before it went through every node, or every node failed.
   */
  FAILED("Failed"),
  /** Canceled before any operation began on the node; for a run, the run was canceled. */
  CANCELED("Canceled");

  private final String displayName;

  SummaryStatus(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Returns the name CAU shows for this status, such as {@code PartiallyFailed}.
   *
   * @return the display name
   */
  public String displayName() {
    return displayName;
  }
}
