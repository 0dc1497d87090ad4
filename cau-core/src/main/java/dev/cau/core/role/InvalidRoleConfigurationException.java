package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the self-updating role's configuration in the run store cannot be read: a field is
 * missing, unknown, given twice, or has a value that is not allowed. A stored configuration is
 * never completed with defaults; it is read exactly or refused.
 *
 * <p>{@link CauClusterRole#remove()} does not read the configuration, so a damaged one can always
 * be removed and added again.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class InvalidRoleConfigurationException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The name of the rejected field. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the stored field that is wrong, such as {@code DaysOfWeek}, or {@code Version}
   *     when the text as a whole is not a configuration
   * @param message what is wrong, naming the field and its value
   * @param cause the exception the value caused, or {@code null} if there is none
   */
  public InvalidRoleConfigurationException(String field, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.field = Objects.requireNonNull(field, "field");
  }

  /**
   * Returns the stored field that is wrong.
   *
   * @return the field's name, as the stored text spells it
   */
  public String field() {
    return field;
  }
}
