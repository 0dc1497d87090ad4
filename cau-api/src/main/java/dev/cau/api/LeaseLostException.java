package dev.cau.api;

/**
 * Ends a coordinator's run when it finds that its lease on the cluster's single-coordinator lock
 * is gone (it expired and another coordinator took it, or a forced recovery cleared it). The
 * coordinator stops at once without touching any node again: the cluster is another coordinator's
 * now.
 */
public class LeaseLostException extends CauException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the coordinator found instead of its lease
   */
  public LeaseLostException(String message) {
    super(message);
  }
}
