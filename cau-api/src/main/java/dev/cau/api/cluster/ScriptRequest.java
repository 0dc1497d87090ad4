package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A script to run on a node before or after it is updated.
 *
 * @param path the script's path as the node sees it
 * @param configurationName the session configuration to run it in, such as
 *     {@code Microsoft.PowerShell}
 * @param phase whether the script runs before or after updating
 * @param idempotencyKey the same for every call of one script run, and different for every other:
 *     {@code <run id>/<node>/<attempt>/<phase>}. A coordinator that takes a run over after a crash
 *     calls a script again when it cannot know whether the previous call ended; a controller that
 *     remembers the keys of scripts it has run (on the node, for instance) can return the first
 *     call's outcome instead of running the script twice. {@code ""} when the caller gave none.
 */
@API(status = STABLE, since = "0.1.0")
public record ScriptRequest(String path, String configurationName, ScriptPhase phase, String idempotencyKey) {
  /**
   * Checks the components.
   *
   * @param path the script's path as the node sees it
   * @param configurationName the session configuration to run it in
   * @param phase whether the script runs before or after updating
   * @param idempotencyKey identifies this script run across coordinators, or {@code ""}
   */
  public ScriptRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(configurationName, "configurationName");
    Objects.requireNonNull(phase, "phase");
  }

  /**
   * Creates a request without an idempotency key.
   *
   * @param path the script's path as the node sees it
   * @param configurationName the session configuration to run it in
   * @param phase whether the script runs before or after updating
   */
  public ScriptRequest(String path, String configurationName, ScriptPhase phase) {
    this(path, configurationName, phase, "");
  }

  /** When a script runs relative to the node's update. */
  @API(status = STABLE, since = "0.1.0")
  public enum ScriptPhase {
    /** Before the node is suspended; a failure means the node is not updated. */
    PRE_UPDATE,
    /** After the node is resumed. */
    POST_UPDATE
  }
}
