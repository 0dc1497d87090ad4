package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import dev.cau.api.plugin.Update;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The first scan of a node found these updates.
 *
 * @param runId the run
 * @param at when the scan ended
 * @param node the node
 * @param updates the applicable updates, from every plug-in of the run
 */
@API(status = STABLE, since = "0.1.0")
public record NodeScanned(RunId runId, Instant at, String node, List<Update> updates)
    implements RunEvent {
  /**
   * Copies the list.
   *
   * @param runId the run
   * @param at when the scan ended
   * @param node the node
   * @param updates the applicable updates
   */
  public NodeScanned {
    updates = List.copyOf(updates);
  }
}
