package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when an operation on the self-updating role does not fit the role's current state: adding
 * a role that is already configured, changing one that is not, or asking a disabled role to run
 * now. Nothing has been written when it is thrown.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class CauClusterRoleException extends CauException {
  private static final long serialVersionUID = 1L;

  /** Why the operation was refused. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Reason {
    /** The cluster already has a self-updating role configuration. */
    ALREADY_CONFIGURED,
    /** The cluster has no self-updating role configuration. */
    NOT_CONFIGURED,
    /** The role is disabled, so it cannot be asked to run now. */
    DISABLED
  }

  /** Why the role operation was refused. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the operation was refused
   * @param message what was refused and what to do instead, with names in quotes
   */
  public CauClusterRoleException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the operation was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
