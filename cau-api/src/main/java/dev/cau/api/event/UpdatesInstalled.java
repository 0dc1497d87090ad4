package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import dev.cau.api.plugin.InstallResult;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A plug-in finished installing a batch of updates on a node.
 *
 * @param runId the run
 * @param at when the installation ended
 * @param node the node
 * @param plugin the plug-in's name
 * @param results one result per update
 */
@API(status = STABLE, since = "0.1.0")
public record UpdatesInstalled(
    RunId runId, Instant at, String node, String plugin, List<InstallResult> results)
    implements RunEvent {
  /**
   * Copies the list.
   *
   * @param runId the run
   * @param at when the installation ended
   * @param node the node
   * @param plugin the plug-in's name
   * @param results one result per update
   */
  public UpdatesInstalled {
    results = List.copyOf(results);
  }
}
