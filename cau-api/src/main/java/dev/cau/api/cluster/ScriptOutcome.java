package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a script on a node ended.
 *
 * @param exitCode the script's exit code; zero means success
 * @param detail what the script reported, for the node's result; never a secret
 */
@API(status = STABLE, since = "0.1.0")
public record ScriptOutcome(int exitCode, String detail) {
  /**
   * Checks the components.
   *
   * @param exitCode the script's exit code
   * @param detail what the script reported
   */
  public ScriptOutcome {
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Tells whether the script succeeded.
   *
   * @return {@code true} when the exit code is zero
   */
  public boolean succeeded() {
    return exitCode == 0;
  }
}
