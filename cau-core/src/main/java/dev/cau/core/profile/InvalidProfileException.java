package dev.cau.core.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a profile cannot be read: it is too large, is not well-formed, holds a key a
 * profile may not hold, or has a value that is not allowed.
 *
 * <p>The message says where in the profile the problem is (a line of the readable format, or an
 * element path such as {@code En[Key=MaxRetriesPerNode]/I32} of a CLIXML profile), and names the
 * key and the value. When a run option refused the value, the cause is the
 * {@link dev.cau.api.InvalidOptionsException} it threw, and its message is part of this one.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class InvalidProfileException extends CauException {
  private static final long serialVersionUID = 1L;

  /** Where in the profile the problem is, or null when it concerns the whole profile. */
  private final @Nullable String location;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, with names and values in quotes
   * @param location where in the profile, such as {@code line 7} or
   *     {@code En[Key=MaxRetriesPerNode]/I32}; {@code null} when the problem is the profile as a
   *     whole
   * @param cause the run option's own exception, or {@code null} if there is none
   */
  public InvalidProfileException(String message, @Nullable String location, @Nullable Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /**
   * Returns where in the profile the problem is.
   *
   * @return a line such as {@code line 7} or an element path such as
   *     {@code En[Key=MaxRetriesPerNode]/I32}; empty when the problem is the profile as a whole
   */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
