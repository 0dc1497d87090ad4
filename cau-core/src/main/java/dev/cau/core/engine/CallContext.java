package dev.cau.core.engine;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.plugin.PluginContext;
import java.time.Clock;
import java.util.Optional;

/** The context of one call into a controller or plug-in. */
record CallContext(
    RunId runId,
    String nodeName,
    CancellationSignal cancellation,
    OperationLog log,
    Clock clock,
    NodeController node)
    implements PluginContext {
  @Override
  public <T> Optional<T> capability(Class<T> type) {
    return node.capability(type);
  }
}
