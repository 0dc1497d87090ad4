package dev.cau.core.engine;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.plugin.PluginContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The context of a call made outside a run, which reads and changes nothing: a readiness check's
 * or a scan preview's.
 *
 * @param runId the identifier of the check or preview, so that logs of one can be told apart
 * @param nodeName the node read
 * @param cancellation when to stop reading
 * @param log where the call's messages go
 * @param clock the coordinator's clock
 * @param node the node's controller
 */
public record ReadContext(RunId runId, String nodeName, CancellationSignal cancellation, OperationLog log, Clock clock,
    NodeController node) implements PluginContext {
  @Override
  public <T> Optional<T> capability(Class<T> type) {
    return node.capability(type);
  }
}
