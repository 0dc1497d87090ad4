package dev.cau.api.cluster;

import java.util.Objects;

/**
 * How a script on a node ended.
 *
 * @param exitCode the script's exit code; zero means success
 * @param detail what the script reported, for the node's result; never a secret
 */
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
