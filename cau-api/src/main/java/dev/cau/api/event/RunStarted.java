package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The run passed its checks and starts scanning nodes.
 *
 * @param runId the run
 * @param at when it started
 * @param cluster the cluster's name
 * @param nodeOrder the nodes in the order they will be updated
 */
@API(status = STABLE, since = "0.1.0")
public record RunStarted(RunId runId, Instant at, String cluster, List<String> nodeOrder)
    implements RunEvent {
  /**
   * Copies the list.
   *
   * @param runId the run
   * @param at when it started
   * @param cluster the cluster's name
   * @param nodeOrder the nodes in update order
   */
  public RunStarted {
    nodeOrder = List.copyOf(nodeOrder);
  }
}
