package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** What a call into a controller or plug-in returned, as recorded in the journal. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public sealed interface CallResult
    permits CallResult.Scanned,
        CallResult.Installed,
        CallResult.ScriptEnded,
        CallResult.Ready,
        CallResult.Observed,
        CallResult.Done,
        CallResult.Restarted,
        CallResult.Failed {

  /**
   * A plug-in's scan found these updates.
   *
   * @param plugin the plug-in's name
   * @param updates the applicable updates
   * @param restartsNodeItself whether the plug-in's install restarts the node by itself
   *     ({@link dev.cau.api.plugin.UpdatePlugin#restartsNodeItself()})
   * @param stages whether the plug-in stages updates at all: {@code false} for a plug-in that
   *     keeps {@link dev.cau.api.plugin.UpdatePlugin#stage}'s default, which does nothing
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Scanned(String plugin, List<Update> updates, boolean restartsNodeItself, boolean stages)
      implements CallResult {
    /**
     * Copies the list.
     *
     * @param plugin the plug-in's name
     * @param updates the applicable updates
     * @param restartsNodeItself whether the plug-in's install restarts the node by itself
     * @param stages whether the plug-in stages updates at all
     */
    public Scanned {
      Objects.requireNonNull(plugin, "plugin");
      updates = List.copyOf(updates);
    }

    /**
     * A scan by a plug-in that stages its updates.
     *
     * @param plugin the plug-in's name
     * @param updates the applicable updates
     * @param restartsNodeItself whether the plug-in's install restarts the node by itself
     */
    public Scanned(String plugin, List<Update> updates, boolean restartsNodeItself) {
      this(plugin, updates, restartsNodeItself, true);
    }

    /**
     * A scan by a plug-in that leaves restarts to the engine.
     *
     * @param plugin the plug-in's name
     * @param updates the applicable updates
     */
    public Scanned(String plugin, List<Update> updates) {
      this(plugin, updates, false);
    }
  }

  /**
   * A plug-in installed updates.
   *
   * @param plugin the plug-in's name
   * @param results one result per update
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Installed(String plugin, List<InstallResult> results) implements CallResult {
    /**
     * Copies the list.
     *
     * @param plugin the plug-in's name
     * @param results one result per update
     */
    public Installed {
      Objects.requireNonNull(plugin, "plugin");
      results = List.copyOf(results);
    }
  }

  /**
   * A pre- or post-update script ended.
   *
   * @param outcome how it ended
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record ScriptEnded(ScriptOutcome outcome) implements CallResult {}

  /**
   * A wait for a restarted node ended.
   *
   * @param ready whether the node was ready before the timeout
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Ready(boolean ready) implements CallResult {}

  /**
   * The cluster was observed.
   *
   * @param snapshot what was seen
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Observed(ClusterSnapshot snapshot) implements CallResult {}

  /** An operation with nothing to return (suspend, stage, resume, a check) completed. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Done() implements CallResult {}

  /**
   * A restart was started.
   *
   * @param mode the kind of restart the node actually started
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Restarted(RebootMode mode) implements CallResult {
    /**
     * Checks the mode.
     *
     * @param mode the kind of restart
     */
    public Restarted {
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * The call failed.
   *
   * @param message what failed, with secrets removed
   * @param storageDegraded whether the cluster refused because clustered storage is degraded
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Failed(String message, boolean storageDegraded) implements CallResult {
    /**
     * Checks the message.
     *
     * @param message what failed
     * @param storageDegraded whether storage was degraded
     */
    public Failed {
      Objects.requireNonNull(message, "message");
    }

    /**
     * Creates an ordinary failure.
     *
     * @param message what failed
     * @return the failure
     */
    public static Failed of(String message) {
      return new Failed(message, false);
    }
  }
}
