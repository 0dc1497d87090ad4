package dev.cau.core;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.RunId;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Names a blocking call whose thread the coordinator gave up: the run stopped waiting for it, the
 * thread was interrupted and had still not returned when the grace period ran out. The thread is
 * left running in the controller or plug-in; nothing reads the call's answer.
 *
 * @param runId the run the call was made for
 * @param node the node the call was for, or the cluster's name for a call on the whole cluster
 * @param operation what was called, such as {@code InstallUpdates} or {@code StopCluster}
 * @param thread the name of the thread still in the call
 */
@API(status = MAINTAINED, since = "0.1.0")
public record AbandonedCall(RunId runId, String node, String operation, String thread) {
  /**
   * Checks the components.
   *
   * @param runId the run
   * @param node the node or cluster
   * @param operation the call
   * @param thread the thread's name
   */
  public AbandonedCall {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(thread, "thread");
  }
}
