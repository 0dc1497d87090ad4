package dev.cau.api;

/**
 * Thrown by a blocking call when the run it belongs to was canceled while it was in progress.
 *
 * @see CancellationSignal#throwIfCancellationRequested()
 */
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
