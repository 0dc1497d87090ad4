package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Ends a coordinator's run when it finds that its lease on the cluster's single-coordinator lock
 * is gone (it expired and another coordinator took it, or a forced recovery cleared it). The
 * coordinator stops at once without touching any node again: the cluster is another coordinator's
 * now.
 */
@API(status = STABLE, since = "0.1.0")
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
