package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.ScriptRequest.ScriptPhase;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeScanned;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunFinished;
import dev.cau.api.event.RunStarted;
import dev.cau.api.event.UpdatesInstalled;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.RunInput;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.quorum.QuorumGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The updating run as a state machine: given an input, it updates the run's state and returns
 * the commands to carry out next.
 *
 * <p>It does no I/O and reads no clock: every instant comes with an input. Fed the same inputs,
 * two machines return the same commands, which is what lets a journal be replayed and a
 * simulation be repeated exactly. Not thread-safe: the driver feeds it one input at a time.
 *
 * <p>The workflow follows CAU: scan every node first (plug-ins in parallel); then, one node at a
 * time in {@link NodeOrdering}: stage, pre-update script, quorum check, suspend with drain,
 * install (plug-in after plug-in), restart if an update asks for it and wait within the reboot
 * timeout, scan again and install what applies only now (bounded passes), resume with failback,
 * post-update script. A node with nothing to install is left alone and Succeeded.
 */
public final class RunStateMachine {
  private enum RunPhase { NOT_STARTED, SCANNING, UPDATING, FINISHED }

  private record PendingCall(String node, Operation operation) {}

  private final RunId runId;
  private final RunOptions options;
  private final List<String> plugins;
  private final Map<String, NodeProgress> nodes = new LinkedHashMap<>();
  private final Map<Integer, PendingCall> calls = new HashMap<>();
  private final Map<Integer, String> timers = new HashMap<>();
  private RunPhase phase = RunPhase.NOT_STARTED;
  private int nextToken = 1;
  private String cluster = "";
  private Instant startedAt = Instant.EPOCH;
  private int maxFailedNodes;
  private int failedNodes;
  private int current = -1;
  private @Nullable String stopReason;
  private @Nullable RunResult result;

  /** Commands produced by the input being applied. */
  private List<Command> out = new ArrayList<>();
  private Instant now = Instant.EPOCH;

  /**
   * Creates the machine of one run.
   *
   * @param runId the run
   * @param options the run's options, already checked
   */
  public RunStateMachine(RunId runId, RunOptions options) {
    this.runId = runId;
    this.options = options;
    this.plugins = options.plugins().stream().map(PluginSelection::name).toList();
  }

  /**
   * Applies one input and returns what to do next.
   *
   * @param input the input
   * @return the commands, in the order to carry them out
   */
  public List<Command> apply(RunInput input) {
    out = new ArrayList<>();
    now = input.at();
    if (phase == RunPhase.FINISHED) {
      return List.of();
    }
    if (input instanceof RunInput.Started started) {
      start(started.snapshot());
    } else if (input instanceof RunInput.CallCompleted completed) {
      PendingCall call = calls.remove(completed.token());
      if (call != null) {
        onCallCompleted(node(call.node()), call.operation(), completed.result());
      }
    } else if (input instanceof RunInput.TimerFired fired) {
      String node = timers.remove(fired.token());
      if (node != null) {
        onRebootTimeout(node(node));
      }
    }
    return out;
  }

  /**
   * Tells whether the run is over.
   *
   * @return {@code true} once the machine has produced its {@link Command.Finish}
   */
  public boolean isFinished() {
    return phase == RunPhase.FINISHED;
  }

  /**
   * Returns the run's result once it is over.
   *
   * @return the result, or {@code null} while the run goes on
   */
  public @Nullable RunResult result() {
    return result;
  }

  // ---------------------------------------------------------------- start and initial scan

  private void start(ClusterSnapshot snapshot) {
    if (phase != RunPhase.NOT_STARTED) {
      throw new IllegalStateException("Run " + runId + " was already started");
    }
    cluster = snapshot.name();
    startedAt = now;
    List<String> order = NodeOrdering.order(snapshot, options.nodeOrder());
    maxFailedNodes = options.effectiveMaxFailedNodes(snapshot.nodes().size());
    order.forEach(name -> nodes.put(name, new NodeProgress(name)));
    publish(new RunStarted(runId, now, cluster, order));

    List<String> offline = order.stream()
        .filter(name -> snapshot.node(name).map(NodeSnapshot::state).orElse(NodeState.UNKNOWN) != NodeState.UP)
        .toList();
    if (!offline.isEmpty() && options.requireAllNodesOnline()) {
      stopRun("RequireAllNodesOnline is set and " + describeOffline(snapshot, offline));
      return;
    }
    for (String name : offline) {
      NodeProgress node = node(name);
      node.moveTo(runId, NodePhase.DONE);
      node.reason = "Node \"" + name + "\" was " + stateOf(snapshot, name) + " when the run started";
      node.fatal = true;
      finishNode(node);
    }
    if (tooManyFailed()) {
      stopRun(failureLimitReason());
      return;
    }
    phase = RunPhase.SCANNING;
    nodes.values().stream().filter(n -> n.phase == NodePhase.PENDING).forEach(this::scan);
    if (nodes.values().stream().noneMatch(n -> n.phase == NodePhase.SCANNING)) {
      finishRun();
    }
  }

  private void scan(NodeProgress node) {
    node.moveTo(runId, NodePhase.SCANNING);
    node.pending.clear();
    node.scanFailure = null;
    node.scansOutstanding = plugins.size();
    plugins.forEach(plugin -> call(node, new Operation.ScanUpdates(plugin)));
  }

  private void rescan(NodeProgress node) {
    node.moveTo(runId, NodePhase.RESCANNING);
    step(node, NodeStep.RESCANNING);
    node.pending.clear();
    node.scanFailure = null;
    node.scansOutstanding = plugins.size();
    plugins.forEach(plugin -> call(node, new Operation.ScanUpdates(plugin)));
  }

  private void onScanned(NodeProgress node, CallResult result) {
    if (result instanceof CallResult.Scanned scanned) {
      node.pending.put(scanned.plugin(), scanned.updates());
    } else if (result instanceof CallResult.Failed failed && node.scanFailure == null) {
      node.scanFailure = "Scan failed: " + failed.message();
    }
    if (--node.scansOutstanding > 0) {
      return;
    }
    // Keep plug-in order whatever order the scans returned in.
    Map<String, List<Update>> ordered = new LinkedHashMap<>();
    plugins.forEach(p -> ordered.put(p, node.pending.getOrDefault(p, List.of())));
    node.pending.clear();
    node.pending.putAll(ordered);

    if (node.phase == NodePhase.RESCANNING) {
      afterRescan(node);
    } else if (phase == RunPhase.SCANNING) {
      node.moveTo(runId, NodePhase.SCANNED);
      publish(new NodeScanned(runId, now, node.name, node.allPending()));
      if (nodes.values().stream().noneMatch(n -> n.phase == NodePhase.SCANNING)) {
        phase = RunPhase.UPDATING;
        nextNode();
      }
    } else {
      beginAttempt(node);
    }
  }

  // ---------------------------------------------------------------- one node at a time

  private void nextNode() {
    List<NodeProgress> order = new ArrayList<>(nodes.values());
    while (++current < order.size()) {
      NodeProgress node = order.get(current);
      if (node.phase != NodePhase.DONE) {
        node.attempts = 1;
        beginAttempt(node);
        return;
      }
    }
    finishRun();
  }

  /** Starts an attempt on a node whose scan results are in. */
  private void beginAttempt(NodeProgress node) {
    if (node.scanFailure != null) {
      failAttempt(node, node.scanFailure, false);
      return;
    }
    if (!node.hasPending()) {
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.passes = 0;
    queuePluginsWithUpdates(node);
    node.moveTo(runId, NodePhase.STAGING);
    step(node, NodeStep.STAGING);
    stageNext(node);
  }

  private void stageNext(NodeProgress node) {
    String plugin = node.queue.poll();
    if (plugin != null) {
      call(node, new Operation.StageUpdates(plugin, node.pending.getOrDefault(plugin, List.of())));
    } else {
      preScript(node);
    }
  }

  private void preScript(NodeProgress node) {
    String script = options.preUpdateScript().orElse(null);
    if (script == null) {
      checkQuorum(node);
      return;
    }
    node.moveTo(runId, NodePhase.PRE_SCRIPT);
    step(node, NodeStep.PRE_UPDATE_SCRIPT);
    call(node, new Operation.RunScript(
        new ScriptRequest(script, options.configurationName(), ScriptPhase.PRE_UPDATE)));
  }

  private void checkQuorum(NodeProgress node) {
    node.moveTo(runId, NodePhase.QUORUM_CHECK);
    call(node, new Operation.ObserveCluster());
  }

  private void onQuorumObserved(NodeProgress node, ClusterSnapshot snapshot) {
    QuorumDecision decision = QuorumGuard.evaluate(snapshot, Set.of(node.name), options.quorumPolicy());
    if (!decision.allowed()) {
      // Nothing that changes the node has happened yet: it is Canceled, and the run stops.
      String reason = "The quorum guard refused to take node \"" + node.name + "\" down. " + decision.reason();
      stopReason = reason;
      node.moveTo(runId, NodePhase.DONE);
      node.canceled = true;
      node.reason = "Not updated: " + decision.reason();
      finishNode(node);
      stopRun(reason);
      return;
    }
    if (decision.reliesOnDynamicQuorum()) {
      warn(node.name, decision.reason());
    }
    node.moveTo(runId, NodePhase.SUSPENDING);
    step(node, NodeStep.SUSPENDING);
    call(node, new Operation.Suspend(SuspendRequest.DEFAULT));
  }

  private void installNext(NodeProgress node) {
    String plugin = node.queue.poll();
    if (plugin != null) {
      node.moveTo(runId, NodePhase.INSTALLING);
      step(node, NodeStep.INSTALLING);
      call(node, new Operation.InstallUpdates(plugin, node.pending.getOrDefault(plugin, List.of())));
      return;
    }
    node.passes++;
    if (node.rebootNeeded) {
      node.moveTo(runId, NodePhase.RESTARTING);
      step(node, NodeStep.RESTARTING);
      call(node, new Operation.Restart(RebootMode.FULL));
    } else {
      rescan(node);
    }
  }

  private void onInstalled(NodeProgress node, CallResult.Installed installed) {
    node.results.addAll(installed.results());
    if (installed.results().stream().anyMatch(InstallResult::rebootRequired)) {
      node.rebootNeeded = true;
    }
    publish(new UpdatesInstalled(runId, now, node.name, installed.plugin(), installed.results()));
    installNext(node);
  }

  private void awaitReady(NodeProgress node) {
    node.restarts++;
    node.rebootNeeded = false;
    node.moveTo(runId, NodePhase.AWAITING_READY);
    step(node, NodeStep.WAITING_FOR_NODE);
    call(node, new Operation.AwaitReady(options.rebootTimeout()));
    int timer = nextToken++;
    timers.put(timer, node.name);
    out.add(new Command.StartTimer(timer, options.rebootTimeout()));
  }

  private void onReady(NodeProgress node, boolean ready) {
    cancelTimers(node);
    if (ready) {
      rescan(node);
    } else {
      onRebootTimeout(node);
    }
  }

  private void onRebootTimeout(NodeProgress node) {
    cancelTimers(node);
    calls.values().removeIf(c -> c.node().equals(node.name));
    failAttempt(node,
        "Node \"" + node.name + "\" did not come back within the reboot timeout of "
            + options.rebootTimeout().toMinutes() + " minutes; it was left suspended and not running",
        true);
  }

  private void afterRescan(NodeProgress node) {
    if (node.scanFailure != null) {
      failAttempt(node, node.scanFailure, false);
      return;
    }
    if (!node.hasPending()) {
      resume(node);
      return;
    }
    if (node.passes >= options.maxUpdatePasses()) {
      node.reason = node.allPending().size() + " updates were still applicable after "
          + node.passes + " install passes (the limit); the plug-in keeps reporting: "
          + titles(node.allPending());
      resume(node);
      return;
    }
    queuePluginsWithUpdates(node);
    installNext(node);
  }

  private void resume(NodeProgress node) {
    node.moveTo(runId, NodePhase.RESUMING);
    step(node, NodeStep.RESUMING);
    call(node, new Operation.Resume(options.failbackMode()));
  }

  private void onResumed(NodeProgress node) {
    node.suspendedByUs = false;
    if (node.recovering) {
      node.recovering = false;
      retryOrGiveUp(node);
      return;
    }
    postScript(node);
  }

  private void postScript(NodeProgress node) {
    String script = options.postUpdateScript().orElse(null);
    if (script == null) {
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.moveTo(runId, NodePhase.POST_SCRIPT);
    step(node, NodeStep.POST_UPDATE_SCRIPT);
    call(node, new Operation.RunScript(
        new ScriptRequest(script, options.configurationName(), ScriptPhase.POST_UPDATE)));
  }

  // ---------------------------------------------------------------- call results

  private void onCallCompleted(NodeProgress node, Operation operation, CallResult result) {
    if (operation instanceof Operation.ScanUpdates) {
      onScanned(node, result);
      return;
    }
    if (result instanceof CallResult.Failed failed) {
      onCallFailed(node, operation, failed.message());
      return;
    }
    if (operation instanceof Operation.StageUpdates) {
      stageNext(node);
    } else if (operation instanceof Operation.RunScript script && result instanceof CallResult.ScriptEnded ended) {
      if (!ended.outcome().succeeded()) {
        onCallFailed(node, operation, scriptName(script) + " exited with code "
            + ended.outcome().exitCode() + ": " + ended.outcome().detail());
      } else if (script.request().phase() == ScriptPhase.PRE_UPDATE) {
        checkQuorum(node);
      } else {
        node.moveTo(runId, NodePhase.DONE);
        finishNode(node);
      }
    } else if (operation instanceof Operation.ObserveCluster && result instanceof CallResult.Observed observed) {
      onQuorumObserved(node, observed.snapshot());
    } else if (operation instanceof Operation.Suspend) {
      node.suspendedByUs = true;
      // Staging used up the queue: fill it again for the installs.
      queuePluginsWithUpdates(node);
      installNext(node);
    } else if (operation instanceof Operation.InstallUpdates && result instanceof CallResult.Installed installed) {
      onInstalled(node, installed);
    } else if (operation instanceof Operation.Restart) {
      awaitReady(node);
    } else if (operation instanceof Operation.AwaitReady && result instanceof CallResult.Ready ready) {
      onReady(node, ready.ready());
    } else if (operation instanceof Operation.Resume) {
      onResumed(node);
    } else {
      throw new IllegalStateException(
          "Run " + runId + ": unexpected result " + result + " for " + operation + " on \"" + node.name + "\"");
    }
  }

  private void onCallFailed(NodeProgress node, Operation operation, String message) {
    if (operation instanceof Operation.AwaitReady) {
      onRebootTimeout(node);
    } else if (operation instanceof Operation.Resume) {
      // A node we cannot resume stays paused: say so, and do not try it again.
      node.recovering = false;
      node.moveTo(runId, NodePhase.DONE);
      node.fatal = true;
      node.reason = "Node \"" + node.name + "\" could not be resumed and was left paused: " + message;
      finishNode(node);
    } else {
      if (operation instanceof Operation.Suspend) {
        node.suspendedByUs = true; // a drain may have paused the node before failing
      }
      failAttempt(node, message, false);
    }
  }

  // ---------------------------------------------------------------- failures and retries

  private void failAttempt(NodeProgress node, String reason, boolean fatal) {
    boolean willRetry = !fatal && node.attempts < options.maxRetriesPerNode();
    out.add(new Command.Publish(new NodeAttemptFailed(runId, now, node.name, node.attempts, reason, willRetry)));
    node.reason = reason;
    if (fatal) {
      node.fatal = true;
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    if (node.suspendedByUs) {
      node.recovering = true;
      resume(node);
      return;
    }
    retryOrGiveUp(node);
  }

  private void retryOrGiveUp(NodeProgress node) {
    if (node.attempts >= options.maxRetriesPerNode()) {
      node.reason = "Gave up after " + node.attempts + " attempts; last failure: " + node.reason;
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.attempts++;
    if (node.phase == NodePhase.POST_SCRIPT) {
      node.reason = null;
      postScript(node);
      return;
    }
    node.reason = null;
    scan(node);
  }

  private void finishNode(NodeProgress node) {
    NodeResult nodeResult = node.toResult();
    if (nodeResult.status() == SummaryStatus.FAILED) {
      failedNodes++;
    }
    publish(new NodeFinished(runId, now, nodeResult));
    if (phase == RunPhase.UPDATING && node == currentNode()) {
      if (tooManyFailed()) {
        stopRun(failureLimitReason());
      } else if (stopReason == null) {
        nextNode();
      }
    }
  }

  private @Nullable NodeProgress currentNode() {
    List<NodeProgress> order = new ArrayList<>(nodes.values());
    return current >= 0 && current < order.size() ? order.get(current) : null;
  }

  private boolean tooManyFailed() {
    return failedNodes > maxFailedNodes;
  }

  private String failureLimitReason() {
    return failedNodes + " nodes failed, more than MaxFailedNodes (" + maxFailedNodes + ")";
  }

  // ---------------------------------------------------------------- the end of the run

  private void stopRun(String reason) {
    stopReason = reason;
    for (NodeProgress node : nodes.values()) {
      if (node.phase != NodePhase.DONE) {
        node.moveTo(runId, NodePhase.DONE);
        node.canceled = true;
        node.reason = "Not updated: the run stopped. " + reason;
        publish(new NodeFinished(runId, now, node.toResult()));
      }
    }
    finishRun();
  }

  private void finishRun() {
    phase = RunPhase.FINISHED;
    List<NodeResult> results = nodes.values().stream().map(NodeProgress::toResult).toList();
    SummaryStatus status;
    String reason = stopReason;
    if (reason != null) {
      status = SummaryStatus.FAILED;
    } else if (results.stream().allMatch(r -> r.status() == SummaryStatus.SUCCEEDED)) {
      status = SummaryStatus.SUCCEEDED;
    } else if (results.stream().allMatch(r -> r.status() == SummaryStatus.FAILED)) {
      status = SummaryStatus.FAILED;
      reason = "Every node failed";
    } else {
      status = SummaryStatus.PARTIALLY_FAILED;
      long notSucceeded = results.stream().filter(r -> r.status() != SummaryStatus.SUCCEEDED).count();
      reason = notSucceeded + " of " + results.size() + " nodes did not succeed";
    }
    result = new RunResult(runId, cluster, status, startedAt, now, results, reason);
    publish(new RunFinished(runId, now, result));
    out.add(new Command.Finish(result));
  }

  // ---------------------------------------------------------------- helpers

  private NodeProgress node(String name) {
    NodeProgress node = nodes.get(name);
    if (node == null) {
      throw new IllegalStateException("Run " + runId + " has no node \"" + name + "\"");
    }
    return node;
  }

  private void call(NodeProgress node, Operation operation) {
    int token = nextToken++;
    calls.put(token, new PendingCall(node.name, operation));
    out.add(new Command.Call(token, node.name, operation));
  }

  /** Queues, in plug-in order, every plug-in that has updates pending on the node. */
  private static void queuePluginsWithUpdates(NodeProgress node) {
    node.queue.clear();
    node.pending.forEach((plugin, updates) -> {
      if (!updates.isEmpty()) {
        node.queue.add(plugin);
      }
    });
  }

  private void cancelTimers(NodeProgress node) {
    timers.entrySet().removeIf(e -> {
      if (e.getValue().equals(node.name)) {
        out.add(new Command.CancelTimer(e.getKey()));
        return true;
      }
      return false;
    });
  }

  private void step(NodeProgress node, NodeStep step) {
    publish(new NodeStepStarted(runId, now, node.name, step, node.attempts));
  }

  private void warn(String node, String message) {
    publish(new OperationMessage(runId, now, node, true, message));
  }

  private void publish(dev.cau.api.event.RunEvent event) {
    out.add(new Command.Publish(event));
  }

  private static String scriptName(Operation.RunScript script) {
    return (script.request().phase() == ScriptPhase.PRE_UPDATE ? "PreUpdateScript" : "PostUpdateScript")
        + " \"" + script.request().path() + "\"";
  }

  private static String titles(List<Update> updates) {
    return updates.stream().map(u -> "\"" + u.title() + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static String stateOf(ClusterSnapshot snapshot, String node) {
    return snapshot.node(node).map(n -> n.state().name().charAt(0) + n.state().name().substring(1).toLowerCase(java.util.Locale.ROOT)).orElse("Unknown");
  }

  private static String describeOffline(ClusterSnapshot snapshot, List<String> offline) {
    List<String> parts = offline.stream().map(n -> "node \"" + n + "\" is " + stateOf(snapshot, n)).toList();
    return String.join(", ", parts);
  }
}
