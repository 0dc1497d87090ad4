package dev.cau.core.status;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The last thing a run reported about one node, like CAU's {@code NodeStatusNotification}.
 *
 * @param node the node
 * @param status what the node is doing or how it ended: {@code Waiting}, a step such as
 *     {@code Suspending} or {@code Installing}, or a result such as {@code Succeeded}
 * @param timestamp when the run reported it
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record NodeStatusNotification(String node, String status, Instant timestamp) {
  /**
   * Checks the components.
   *
   * @param node the node
   * @param status the status
   * @param timestamp when
   */
  public NodeStatusNotification {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
