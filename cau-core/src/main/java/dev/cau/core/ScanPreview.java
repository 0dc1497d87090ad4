package dev.cau.core;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.core.engine.ReadContext;
import dev.cau.core.engine.SecretScrubber;
import dev.cau.core.scan.NodeScan;
import dev.cau.core.scan.PluginScan;
import dev.cau.core.scan.ScanReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans every node through the selected plug-ins, a bounded number of nodes at a time, and changes
 * nothing: CAU's {@code Invoke-CauScan}. Its state is touched only on the execution's event
 * executor; each node's scans run as one blocking call under the operation timeout.
 */
final class ScanPreview {
  private static final Logger LOG = LoggerFactory.getLogger(ScanPreview.class);

  private final ClusterController cluster;
  private final Execution execution;
  private final Map<String, UpdatePlugin> plugins;
  private final SecretScrubber scrubber;
  private final Duration timeout;
  private final RunId id;
  private final int parallelism;
  private final ClusterSnapshot snapshot;
  private final @Nullable RunId runInProgress;
  private final Instant startedAt;
  private final Deque<String> waiting = new ArrayDeque<>();
  private final Map<String, NodeScan> results = new HashMap<>();
  private final Map<String, TimerScheduler.Cancellable> deadlines = new HashMap<>();
  private final CompletableFuture<ScanReport> report = new CompletableFuture<>();
  private int scanning;

  ScanPreview(ClusterController cluster, Execution execution, Map<String, UpdatePlugin> plugins,
      SecretScrubber scrubber, Duration timeout, RunId id, int parallelism, ClusterSnapshot snapshot,
      @Nullable RunId runInProgress) {
    this.cluster = cluster;
    this.execution = execution;
    this.plugins = plugins;
    this.scrubber = scrubber;
    this.timeout = timeout;
    this.id = id;
    this.parallelism = parallelism;
    this.snapshot = snapshot;
    this.runInProgress = runInProgress;
    this.startedAt = execution.clock().instant();
    snapshot.nodes().forEach(n -> waiting.add(n.name()));
  }

  CompletableFuture<ScanReport> start() {
    execution.events().execute(this::scanMore);
    return report;
  }

  /** Starts scans until {@code parallelism} nodes are being scanned or none is left. */
  private void scanMore() {
    while (scanning < parallelism && !waiting.isEmpty()) {
      String node = waiting.poll();
      NodeSnapshot state = snapshot.node(node).orElseThrow();
      if (!state.state().isMember()) {
        results.put(node, failed(node, "Node \"" + node + "\" was " + state.state().name().toLowerCase(java.util.Locale.ROOT)
            + " when the preview began; it was not scanned"));
        continue;
      }
      scanning++;
      AtomicBoolean timedOut = new AtomicBoolean();
      deadlines.put(node, execution.scheduler().schedule(timeout, () -> execution.events().execute(() -> {
        timedOut.set(true);
        ended(node, failed(node, "Node \"" + node + "\" did not finish its scan within the OperationTimeout ("
            + timeout + "); the scan was canceled"));
      })));
      execution.calls().execute(() -> {
        NodeScan scanned = scan(node, timedOut::get);
        execution.events().execute(() -> ended(node, scanned));
      });
    }
    if (scanning == 0 && waiting.isEmpty() && !report.isDone()) {
      List<NodeScan> ordered = snapshot.nodes().stream().map(n -> results.get(n.name())).toList();
      report.complete(new ScanReport(cluster.name(), startedAt, execution.clock().instant(), parallelism, ordered,
          runInProgress));
    }
  }

  private void ended(String node, NodeScan scanned) {
    if (results.containsKey(node)) {
      return; // it timed out, and this is the late answer, or the other way round
    }
    TimerScheduler.Cancellable deadline = deadlines.remove(node);
    if (deadline != null) {
      deadline.cancel();
    }
    results.put(node, scanned);
    scanning--;
    scanMore();
  }

  /** One node, plug-in after plug-in; a plug-in's failure is that plug-in's entry, not the node's end. */
  private NodeScan scan(String node, CancellationSignal canceled) {
    List<PluginScan> scans = new ArrayList<>();
    for (Map.Entry<String, UpdatePlugin> plugin : plugins.entrySet()) {
      try {
        ReadContext context = new ReadContext(id, node, canceled, log(node), execution.clock(), cluster.node(node));
        // Titles and descriptions are the plug-in's text and may hold a secret argument's value.
        scans.add(new PluginScan(plugin.getKey(), plugin.getValue().scan(context).stream().map(scrubber::scrub).toList(),
            null));
      } catch (RuntimeException e) {
        String message = scrubber.scrub("Plug-in \"" + plugin.getKey() + "\" could not scan node \"" + node + "\": "
            + e.getMessage());
        LOG.warn("Scan preview {}: {}", id, message);
        scans.add(new PluginScan(plugin.getKey(), List.of(), message));
      }
    }
    return new NodeScan(node, scans);
  }

  private NodeScan failed(String node, String why) {
    return new NodeScan(node, plugins.keySet().stream().map(p -> new PluginScan(p, List.of(), why)).toList());
  }

  private OperationLog log(String node) {
    return new OperationLog() {
      @Override
      public void info(String message) {
        LOG.info("Scan preview {} [{}] {}", id, node, scrubber.scrub(message));
      }

      @Override
      public void warn(String message) {
        LOG.warn("Scan preview {} [{}] {}", id, node, scrubber.scrub(message));
      }
    };
  }
}
