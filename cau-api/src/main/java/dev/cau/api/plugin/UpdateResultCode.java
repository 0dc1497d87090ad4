package dev.cau.api.plugin;

/** How the installation of one update ended. */
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
