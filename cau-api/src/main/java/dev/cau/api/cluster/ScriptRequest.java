package dev.cau.api.cluster;

import java.util.Objects;

/**
 * A script to run on a node before or after it is updated.
 *
 * @param path the script's path as the node sees it
 * @param configurationName the session configuration to run it in, such as
 *     {@code Microsoft.PowerShell}
 * @param phase whether the script runs before or after updating
 */
public record ScriptRequest(String path, String configurationName, ScriptPhase phase) {
  /**
   * Checks the components.
   *
   * @param path the script's path as the node sees it
   * @param configurationName the session configuration to run it in
   * @param phase whether the script runs before or after updating
   */
  public ScriptRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(configurationName, "configurationName");
    Objects.requireNonNull(phase, "phase");
  }

  /** When a script runs relative to the node's update. */
  public enum ScriptPhase {
    /** Before the node is suspended; a failure means the node is not updated. */
    PRE_UPDATE,
    /** After the node is resumed. */
    POST_UPDATE
  }
}
