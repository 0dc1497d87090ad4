package dev.cau.core.store;

import dev.cau.api.CauException;

/**
 * Thrown when a {@link FileRunStore} cannot be written because another process (or another store
 * object in this process) holds its write lock: a run is live on the store.
 *
 * <p>Nothing was written. The message names the holder as it described itself when it took the
 * lock; {@link #holder()} returns that description.
 */
public final class StoreLockedException extends CauException {
  private static final long serialVersionUID = 1L;

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
