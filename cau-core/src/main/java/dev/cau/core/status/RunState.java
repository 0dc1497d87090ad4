package dev.cau.core.status;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Whether a cluster is being updated, with CAU's {@code RunState} names. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum RunState {
  /** No run is in progress. */
  RUN_NOT_IN_PROGRESS("RunNotInProgress"),
  /** A coordinator holds the cluster's lock and is carrying a run. */
  RUN_IN_PROGRESS("RunInProgress"),
  /**
   * A run did not finish and no coordinator is carrying it: its coordinator failed. Resume the
   * run, or end it with a forced recovery.
   */
  RUN_FAILED("RunFailed");

  private final String cauName;

  RunState(String cauName) {
    this.cauName = cauName;
  }

  /**
   * Returns CAU's name of the state.
   *
   * @return {@code RunNotInProgress}, {@code RunInProgress} or {@code RunFailed}
   */
  public String cauName() {
    return cauName;
  }
}
