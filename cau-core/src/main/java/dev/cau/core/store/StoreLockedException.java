package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import org.apiguardian.api.API;

/**
 * Thrown when a {@link FileRunStore} cannot be written because another process (or another store
 * object in this process) holds its write lock: a run is live on the store.
 *
 * <p>Nothing was written. The message names the holder as it described itself when it took the
 * lock; {@link #holder()} returns that description.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class StoreLockedException extends CauException {
  private static final long serialVersionUID = 1L;

  /** How the holder of the lock described itself when it took it. */
  private final String holder;

  /**
   * Creates the exception.
   *
   * @param message what was refused, who holds the lock and what to do
   * @param holder the holder's description, such as {@code "process 4242 on host1 (cau run), since
   *     2026-12-06T19:30:00Z"}
   */
  public StoreLockedException(String message, String holder) {
    super(message);
    this.holder = holder;
  }

  /**
   * Returns the holder of the lock, as it described itself.
   *
   * @return the description; {@code "unknown"} if it wrote none
   */
  public String holder() {
    return holder;
  }
}
