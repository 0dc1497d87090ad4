package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception cau4j throws or expects from outside code.
 *
 * <p>It is unchecked; the subclasses name what a caller may want to handle differently.
 */
@API(status = STABLE, since = "0.1.0")
public class CauException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, with names and values in quotes
   */
  public CauException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause it wraps.
   *
   * @param message what went wrong, with names and values in quotes
   * @param cause the underlying failure, or {@code null} if there is none
   */
  public CauException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
