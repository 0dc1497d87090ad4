package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when a new run is asked for while the cluster's last run did not finish: its coordinator
 * stopped, and nodes may still be suspended by it. CAU reports this state as {@code RunFailed}.
 * Resume the run, or end it with a forced recovery, which brings its nodes back to service.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class RunNeedsRecoveryException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The id of the run that needs recovery. */
  private final RunId runId;

  /**
   * Creates the exception.
   *
   * @param runId the run that did not finish
   * @param message what happened and what the caller can do
   */
  public RunNeedsRecoveryException(RunId runId, String message) {
    super(message);
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  /**
   * Returns the run that did not finish.
   *
   * @return its id
   */
  public RunId runId() {
    return runId;
  }
}
