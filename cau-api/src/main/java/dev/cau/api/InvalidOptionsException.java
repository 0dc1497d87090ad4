package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown when an option, a profile entry or a plug-in argument has a value that is not allowed.
 *
 * <p>It is thrown before any node is touched. The message names the option, the value and what
 * is allowed, for example {@code "MaxRetriesPerNode" must be between 1 and 64, but was 0}.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class InvalidOptionsException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The name of the rejected option. */
  private final String option;
  /** The rejected value, as given. */
  private final String value;

  /**
   * Creates the exception for one bad value.
   *
   * @param option the option's name as an administrator knows it, such as {@code MaxFailedNodes}
   * @param value the rejected value as text
   * @param allowed what would have been accepted, such as {@code "between 1 and 64"}
   */
  public InvalidOptionsException(String option, String value, String allowed) {
    super('"' + option + "\" must be " + allowed + ", but was " + value);
    this.option = option;
    this.value = value;
  }

  /**
   * Returns the name of the rejected option.
   *
   * @return the option name
   */
  public String option() {
    return option;
  }

  /**
   * Returns the rejected value as text.
   *
   * @return the value
   */
  public String value() {
    return value;
  }
}
