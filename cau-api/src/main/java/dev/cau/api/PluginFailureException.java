package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by an update plug-in when its infrastructure fails: the update source cannot be
 * reached, the agent on the node does not answer.
 *
 * <p>A failure of one update is not an infrastructure failure: the plug-in reports it as a
 * {@link dev.cau.api.plugin.InstallResult} with a failed result code. Any other exception a
 * plug-in throws is treated the same way as this one, and its message is kept.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class PluginFailureException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The error id the plug-in reported. */
  private final String errorId;

  /**
   * Creates the exception.
   *
   * @param errorId a stable identifier of the kind of failure, for reports and searches
   * @param message what failed
   */
  public PluginFailureException(String errorId, String message) {
    this(errorId, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param errorId a stable identifier of the kind of failure
   * @param message what failed
   * @param cause the underlying failure, or {@code null}
   */
  public PluginFailureException(String errorId, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.errorId = errorId;
  }

  /**
   * Returns the stable identifier of the kind of failure.
   *
   * @return the error id
   */
  public String errorId() {
    return errorId;
  }
}
