package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.cluster.CoordinatorLease;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when a coordinator may not act on a cluster because another coordinator holds its
 * single-coordinator lock, or because the lock shows a run that did not finish and needs recovery.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class CoordinatorLockedException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The lease that holds the lock. */
  @SuppressWarnings("serial") // a record of strings, instants and a UUID; never serialized in practice
  private final CoordinatorLease holder;

  /**
   * Creates the exception.
   *
   * @param holder the lease that is in the way
   * @param message what happened and what the caller can do
   */
  public CoordinatorLockedException(CoordinatorLease holder, String message) {
    super(message);
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  /**
   * Returns the lease that is in the way.
   *
   * @return the holder's lease
   */
  public CoordinatorLease holder() {
    return holder;
  }
}
