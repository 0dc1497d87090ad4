package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How the installation of one update ended. */
@API(status = STABLE, since = "0.1.0")
public enum UpdateResultCode {
  /** The update was installed. */
  SUCCEEDED,
  /** The update could not be installed. */
  FAILED,
  /** The update was already installed; nothing was done. */
  ALREADY_INSTALLED,
  /** The update does not apply to the node; nothing was done. */
  NOT_APPLICABLE,
  /** Installation stopped because the run was canceled. */
  CANCELED;

  /**
   * Tells whether this result counts as a failure in a node's summary.
   *
   * @return {@code true} for {@link #FAILED} and {@link #CANCELED}
   */
  public boolean isFailure() {
    return this == FAILED || this == CANCELED;
  }
}
