package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How installing one update on one node ended.
 *
 * @param update the update
 * @param code the outcome
 * @param errorCode the installer's error or exit code; 0 when there is none
 * @param rebootRequired whether the node must restart to complete this update
 * @param timestamp when the installation ended, from the call's clock, in UTC
 * @param installedSha256 the SHA-256 of the content actually installed (64 lower-case
 *     hexadecimal digits), so that a report can prove which file ran; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1.0")
public record InstallResult(
    Update update, UpdateResultCode code, int errorCode, boolean rebootRequired, Instant timestamp,
    @Nullable String installedSha256) {
  /**
   * Checks the components.
   *
   * @param update the update
   * @param code the outcome
   * @param errorCode the installer's error or exit code
   * @param rebootRequired whether the node must restart
   * @param timestamp when the installation ended
   * @param installedSha256 the installed content's SHA-256, or {@code null}
   */
  public InstallResult {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(timestamp, "timestamp");
    if (installedSha256 != null && !installedSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "installedSha256 must be 64 lower-case hexadecimal digits, not \"" + installedSha256 + "\"");
    }
  }

  /**
   * Creates a result without the installed content's hash.
   *
   * @param update the update
   * @param code the outcome
   * @param errorCode the installer's error or exit code
   * @param rebootRequired whether the node must restart
   * @param timestamp when the installation ended
   */
  public InstallResult(
      Update update, UpdateResultCode code, int errorCode, boolean rebootRequired, Instant timestamp) {
    this(update, code, errorCode, rebootRequired, timestamp, null);
  }

  /**
   * Returns this result with the hash of the content that was installed.
   *
   * @param sha256 64 hexadecimal digits, in either case
   * @return the new result
   */
  public InstallResult withInstalledSha256(String sha256) {
    return new InstallResult(update, code, errorCode, rebootRequired, timestamp, sha256.toLowerCase(java.util.Locale.ROOT));
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
