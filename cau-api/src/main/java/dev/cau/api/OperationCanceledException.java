package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown by a blocking call when the run it belongs to was canceled while it was in progress.
 *
 * @see CancellationSignal#throwIfCancellationRequested()
 */
@API(status = STABLE, since = "0.1.0")
public class OperationCanceledException extends CauException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was interrupted
   */
  public OperationCanceledException(String message) {
    super(message);
  }
}
