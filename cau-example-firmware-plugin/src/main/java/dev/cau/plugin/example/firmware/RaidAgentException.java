package dev.cau.plugin.example.firmware;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link RaidControllerAgent} that cannot do what it was asked: it does not answer,
 * or the repository refuses it. This is an infrastructure failure, not the failure of one
 * package: a flash that fails ends with an exit code instead.
 */
public class RaidAgentException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain the repository's token
   */
  public RaidAgentException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed; must not contain the repository's token
   * @param cause the underlying failure, or {@code null}
   */
  public RaidAgentException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
