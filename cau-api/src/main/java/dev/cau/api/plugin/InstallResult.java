package dev.cau.api.plugin;

import java.time.Instant;
import java.util.Objects;

/**
 * How installing one update on one node ended.
 *
 * @param update the update
 * @param code the outcome
 * @param errorCode the installer's error or exit code; 0 when there is none
 * @param rebootRequired whether the node must restart to complete this update
 * @param timestamp when the installation ended, from the call's clock, in UTC
 */
public record InstallResult(
    Update update, UpdateResultCode code, int errorCode, boolean rebootRequired, Instant timestamp) {
  /**
   * Checks the components.
   *
   * @param update the update
   * @param code the outcome
   * @param errorCode the installer's error or exit code
   * @param rebootRequired whether the node must restart
   * @param timestamp when the installation ended
   */
  public InstallResult {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * Creates the result of a successful installation.
   *
   * @param update the update
   * @param rebootRequired whether the node must restart to complete it
   * @param timestamp when the installation ended
   * @return the result
   */
  public static InstallResult succeeded(Update update, boolean rebootRequired, Instant timestamp) {
    return new InstallResult(update, UpdateResultCode.SUCCEEDED, 0, rebootRequired, timestamp);
  }

  /**
   * Creates the result of a failed installation.
   *
   * @param update the update
   * @param errorCode the installer's error or exit code
   * @param timestamp when the installation ended
   * @return the result
   */
  public static InstallResult failed(Update update, int errorCode, Instant timestamp) {
    return new InstallResult(update, UpdateResultCode.FAILED, errorCode, false, timestamp);
  }
}
