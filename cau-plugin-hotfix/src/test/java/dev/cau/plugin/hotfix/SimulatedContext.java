package dev.cau.plugin.hotfix;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.plugin.PluginContext;
import dev.cau.testkit.cluster.SimulatedNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plug-in context on a simulated node, outside a run: the simulator's virtual clock (which
 * moves as simulated programs take time), a log that keeps every line, and a cancel switch.
 */
final class SimulatedContext implements PluginContext {
  private final SimulatedNode node;
  private final Clock clock;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile boolean canceled;

  SimulatedContext(SimulatedNode node, Clock clock) {
    this.node = node;
    this.clock = clock;
  }

  void cancel() {
    canceled = true;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public RunId runId() {
    return RunId.parse("00000000-0000-4000-8000-000000000014");
  }

  @Override
  public String nodeName() {
    return node.name();
  }

  @Override
  public CancellationSignal cancellation() {
    return () -> canceled;
  }

  @Override
  public OperationLog log() {
    return new OperationLog() {
      @Override
      public void info(String message) {
        lines.add("info: " + message);
      }

      @Override
      public void warn(String message) {
        lines.add("warn: " + message);
      }
    };
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    return node.capability(type);
  }
}
