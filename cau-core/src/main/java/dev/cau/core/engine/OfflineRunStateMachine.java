package dev.cau.core.engine;

import static dev.cau.core.engine.EngineText.describe;
import static dev.cau.core.engine.EngineText.display;
import static dev.cau.core.engine.EngineText.minutes;
import static dev.cau.core.engine.EngineText.stateOf;
import static dev.cau.core.engine.EngineText.titles;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.ScriptRequest.ScriptPhase;
import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeScanned;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An offline update as a state machine: the whole cluster is stopped and every node is updated
 * at the same time, for a maintenance window in which the workloads may be down.
 *
 * <p>Like {@link RunStateMachine} it does no I/O and reads no clock, and it is not thread-safe:
 * the driver feeds it one input at a time. The run goes through these steps:
 *
 * <ol>
 *   <li>With the cluster still running, every node is scanned, checked for remote restart and
 *       staged, all nodes at once. Nothing that affects a workload happens yet: a node that fails
 *       here is reported Failed, and if more than {@code MaxFailedNodes} fail, or no node has an
 *       update to install, the run ends without stopping the cluster.
 *   <li>The cluster is stopped: every clustered role goes offline.
 *   <li>On every node at once: the pre-update script, plug-in after plug-in installs, a restart
 *       when an update needs one, the wait for the node within {@code RebootTimeoutMinutes}, and
 *       a new scan for updates that apply only now, within {@code MaxUpdatePasses}. A node that
 *       fails is reported Failed; the others go on.
 *   <li>The cluster is started again, whatever happened to the nodes. A start that fails makes
 *       the run Failed and says that the cluster was left stopped.
 *   <li>The run waits for clustered storage to be healthy, within
 *       {@code WaitForStorageRepairTimeoutMinutes}; then the post-update script runs on every
 *       updated node.
 * </ol>
 *
 * <p>A cancel (or {@code StopAfter}) before the cluster stops ends the run at once; after, no new
 * step begins, the steps in progress finish (a restarting node is waited for) and the cluster is
 * started again before the run ends Canceled. Options about draining, failback, node order,
 * quorum and retries do not apply: no node is drained, every node goes down at once, and each
 * node is tried once.
 */
public final class OfflineRunStateMachine implements RunMachine {
  private enum RunPhase { NOT_STARTED, PREPARING, STOPPING, UPDATING, STARTING, AWAITING_STORAGE, POST_SCRIPTS, FINISHED }

  private enum TimerKind { REBOOT, STORAGE_POLL, WARN_AFTER, STOP_AFTER, CALL }

  private record Timer(TimerKind kind, String node, int call) {}

  /** One node: what it shares with a rolling run's nodes, and where it is in the offline run. */
  private static final class OfflineNode {
    final NodeProgress progress;
    OfflineNodePhase phase = OfflineNodePhase.PENDING;
    /** Makes the next plug-in call of a scan or a staging whose plug-ins run one at a time. */
    Function<String, Operation> pluginCall = Operation.ScanUpdates::new;

    OfflineNode(String name) {
      this.progress = new NodeProgress(name);
    }

    String name() {
      return progress.name;
    }

    void moveTo(RunId runId, OfflineNodePhase next) {
      if (!phase.canMoveTo(next)) {
        throw new IllegalTransitionException(runId, progress.name, phase, next);
      }
      phase = next;
    }
  }

  private final RunId runId;
  private final RunOptions options;
  private final List<String> plugins;
  private final Map<String, OfflineNode> nodes = new LinkedHashMap<>();
  private final PendingWork<TimerKind> work = new PendingWork<>(TimerKind.CALL);
  private final List<String> coordinators = new ArrayList<>();
  private RunPhase phase = RunPhase.NOT_STARTED;
  private String cluster = "";
  private Instant startedAt = Instant.EPOCH;
  private int maxFailedNodes;
  private int failedNodes;
  private @Nullable Instant storageWaitSince;
  /** Why the run ended before it updated the nodes: a start check, MaxFailedNodes, the stop. */
  private @Nullable String stopReason;
  private @Nullable String cancelReason;
  /** Why the cluster could not be started again; the run is Failed. */
  private @Nullable String startFailure;
  /** Why storage was not healthy in time after the start; the run is Failed. */
  private @Nullable String storageFailure;
  private @Nullable RunResult result;

  /** Commands produced by the input being applied. */
  private List<Command> out = new ArrayList<>();
  private Instant now = Instant.EPOCH;

  /**
   * Creates the machine of one offline update.
   *
   * @param runId the run
   * @param options the run's options, already checked
   */
  public OfflineRunStateMachine(RunId runId, RunOptions options) {
    this.runId = runId;
    this.options = options;
    this.plugins = options.plugins().stream().map(PluginSelection::name).toList();
  }

  @Override
  public List<Command> apply(RunInput input) {
    out = new ArrayList<>();
    Instant lastStep = now;
    now = input.at();
    if (phase == RunPhase.FINISHED) {
      return List.of();
    }
    if (input instanceof RunInput.Started started) {
      coordinators.add(started.coordinator());
      start(started.snapshot());
    } else if (input instanceof RunInput.CallCompleted completed) {
      PendingWork.Call call = work.complete(out, completed.token());
      if (call != null) {
        String node = call.node();
        if (node == null) {
          onClusterCallCompleted(call.operation(), completed.result());
        } else {
          onNodeCallCompleted(node(node), call.operation(), completed.result());
        }
      }
    } else if (input instanceof RunInput.TimerFired fired) {
      PendingWork.Timer<TimerKind> timer = work.fire(fired.token());
      if (timer != null) {
        onTimer(new Timer(timer.kind(), timer.node(), timer.call()));
      }
    } else if (input instanceof RunInput.CancelRequested cancel) {
      cancel(cancel.reason());
    } else if (input instanceof RunInput.Resumed resumed) {
      resume(resumed.coordinator(), lastStep);
    }
    return out;
  }

  @Override
  public boolean isFinished() {
    return phase == RunPhase.FINISHED;
  }

  @Override
  public @Nullable RunResult result() {
    return result;
  }

  // ---------------------------------------------------------------- start, with the cluster running

  private void resume(String coordinator, Instant lastStep) {
    if (phase == RunPhase.NOT_STARTED) {
      throw new IllegalStateException("Run " + runId + " cannot be resumed: it never started");
    }
    String previous = coordinators.get(coordinators.size() - 1);
    coordinators.add(coordinator);
    warn(EngineText.takeover(previous, coordinator));
    // No quorum to ask again: the offline run takes every node down by design.
    work.resume(out, now, lastStep, options.operationTimeout(), PendingWork::repeatSafely);
  }

  private void start(ClusterSnapshot snapshot) {
    if (phase != RunPhase.NOT_STARTED) {
      throw new IllegalStateException("Run " + runId + " was already started");
    }
    cluster = snapshot.name();
    startedAt = now;
    List<String> names = NodeOrdering.order(snapshot, options.nodeOrder(), options.siteAwareUpdatingOrder());
    maxFailedNodes = options.effectiveMaxFailedNodes(snapshot.nodes().size());
    names.forEach(name -> nodes.put(name, new OfflineNode(name)));
    publish(new RunStarted(runId, now, cluster, names));
    options.warnAfter().ifPresent(delay -> startTimer(TimerKind.WARN_AFTER, "", delay));
    options.stopAfter().ifPresent(delay -> startTimer(TimerKind.STOP_AFTER, "", delay));

    List<String> paused = names.stream().filter(n -> stateOf(snapshot, n) == NodeState.PAUSED).toList();
    List<String> offline = names.stream()
        .filter(n -> stateOf(snapshot, n) != NodeState.UP && stateOf(snapshot, n) != NodeState.PAUSED)
        .toList();
    if (!paused.isEmpty() && !options.bypassMaintenanceModeCheck()) {
      stopRun(describe(snapshot, paused) + " already in maintenance (paused); set BypassMaintenanceModeCheck"
          + " to update a cluster with nodes in maintenance");
      return;
    }
    if (!offline.isEmpty() && options.requireAllNodesOnline()) {
      stopRun("RequireAllNodesOnline is set and " + describe(snapshot, offline) + " not up");
      return;
    }
    for (String name : offline) {
      OfflineNode node = node(name);
      node.progress.reason = "Node \"" + name + "\" was " + display(stateOf(snapshot, name)) + " when the run started";
      node.progress.fatal = true;
      finishNode(node);
    }
    if (tooManyFailed()) {
      stopRun(failureLimitReason());
      return;
    }
    phase = RunPhase.PREPARING;
    nodes.values().stream().filter(n -> n.phase == OfflineNodePhase.PENDING).forEach(this::scan);
    prepared();
  }

  private void scan(OfflineNode node) {
    node.moveTo(runId, OfflineNodePhase.SCANNING);
    node.progress.attempts = 1;
    node.progress.pending.clear();
    callPlugins(node, plugins, Operation.ScanUpdates::new);
  }

  /** The planner of the preparation: firewall check and staging, with the cluster running. */
  private void prepare(OfflineNode node) {
    NodeProgress p = node.progress;
    if (!p.hasPending()) {
      node.moveTo(runId, OfflineNodePhase.PREPARED);
    } else if (!p.firewallChecked && restartAllowed()) {
      node.moveTo(runId, OfflineNodePhase.FIREWALL_CHECK);
      call(node, new Operation.CheckRemoteShutdown(options.enableFirewallRules()));
      return;
    } else if (!p.staged) {
      node.moveTo(runId, OfflineNodePhase.STAGING);
      step(node, NodeStep.STAGING);
      callPlugins(node, pluginsWithUpdates(p), plugin -> new Operation.StageUpdates(plugin, p.pending.getOrDefault(plugin, List.of())));
      return;
    } else {
      node.moveTo(runId, OfflineNodePhase.PREPARED);
    }
    prepared();
  }

  /**
   * Once every node is prepared, stops the cluster, or ends the run without stopping it when too
   * many nodes failed or no node has anything to install.
   */
  private void prepared() {
    if (phase != RunPhase.PREPARING || nodes.values().stream().anyMatch(n -> n.phase.isPreparing())) {
      return;
    }
    if (tooManyFailed()) {
      stopRun(failureLimitReason() + " while the nodes were prepared; the cluster was not stopped");
      return;
    }
    List<OfflineNode> window = inPhase(OfflineNodePhase.PREPARED);
    if (window.stream().noneMatch(n -> n.progress.hasPending())) {
      window.forEach(this::completeNode);
      finishRun();
      return;
    }
    phase = RunPhase.STOPPING;
    info("Stopping cluster \"" + cluster + "\" for the offline update: every clustered role goes offline"
        + " until the cluster is started again");
    clusterCall(new Operation.StopCluster());
  }

  // ---------------------------------------------------------------- plug-in calls

  private void callPlugins(OfflineNode node, List<String> names, Function<String, Operation> operation) {
    NodeProgress p = node.progress;
    node.pluginCall = operation;
    p.callQueue.clear();
    p.callQueue.addAll(names);
    p.callsOutstanding = 0;
    if (options.runPluginsSerially()) {
      nextPluginCall(node);
    } else {
      while (!p.callQueue.isEmpty()) {
        nextPluginCall(node);
      }
    }
  }

  private void nextPluginCall(OfflineNode node) {
    String plugin = node.progress.callQueue.poll();
    if (plugin != null) {
      node.progress.callsOutstanding++;
      call(node, node.pluginCall.apply(plugin));
    }
  }

  /** Notes one plug-in call's end; returns whether every plug-in call of the step has ended. */
  private boolean pluginCallEnded(OfflineNode node) {
    NodeProgress p = node.progress;
    p.callsOutstanding--;
    if (options.stopOnPluginFailure() && !p.pluginFailures.isEmpty()) {
      p.callQueue.clear();
    } else if (!p.callQueue.isEmpty() && options.runPluginsSerially()) {
      nextPluginCall(node);
    }
    return p.callsOutstanding == 0 && p.callQueue.isEmpty();
  }

  /**
   * Fails the node when plug-in failures leave nothing to go on with: every plug-in failed, or
   * one did and StopOnPluginFailure is set. Returns whether it did.
   */
  private boolean pluginsFailedTheNode(OfflineNode node) {
    NodeProgress p = node.progress;
    boolean all = !p.pluginFailures.isEmpty() && p.pluginFailures.size() >= plugins.size();
    boolean stop = !p.pluginFailures.isEmpty() && options.stopOnPluginFailure();
    if (all || stop) {
      failNode(node, String.join("; ", p.pluginFailures.values()), false);
      return true;
    }
    return false;
  }

  private void onScanned(OfflineNode node, Operation.ScanUpdates scan, CallResult result) {
    NodeProgress p = node.progress;
    if (result instanceof CallResult.Scanned scanned) {
      List<Update> offered = scanned.updates();
      if (node.phase == OfflineNodePhase.RESCANNING) {
        // An update that failed in this run is offered again; it is not retried here.
        offered = offered.stream().filter(u -> !p.failedThisAttempt.contains(u.id())).toList();
      }
      p.pending.put(scanned.plugin(), offered);
    } else if (result instanceof CallResult.Failed failed) {
      p.pluginFailures.putIfAbsent(scan.plugin(), "Scan by \"" + scan.plugin() + "\" failed: " + failed.message());
    }
    if (!pluginCallEnded(node)) {
      return;
    }
    Map<String, List<Update>> ordered = new LinkedHashMap<>();
    plugins.forEach(plugin -> ordered.put(plugin, p.pending.getOrDefault(plugin, List.of())));
    p.pending.clear();
    p.pending.putAll(ordered);
    if (node.phase == OfflineNodePhase.SCANNING) {
      publish(new NodeScanned(runId, now, node.name(), p.allPending()));
      if (!pluginsFailedTheNode(node)) {
        prepare(node);
      }
    } else if (!pluginsFailedTheNode(node)) {
      afterRescan(node);
    }
  }

  // ---------------------------------------------------------------- the cluster stopped: every node at once

  private void onClusterStopped() {
    List<OfflineNode> window = inPhase(OfflineNodePhase.PREPARED);
    if (cancelReason != null) {
      window.forEach(this::endNodeForCancel);
      startCluster();
      return;
    }
    info("Cluster \"" + cluster + "\" stopped; updating " + window.size() + " nodes at once");
    phase = RunPhase.UPDATING;
    for (OfflineNode node : window) {
      queuePluginsWithUpdates(node.progress);
      advance(node);
    }
  }

  /**
   * Takes the node's next step while the cluster is stopped, decided from what it has done so
   * far. Every completed call of an updating node comes back here.
   */
  private void advance(OfflineNode node) {
    NodeProgress p = node.progress;
    if (cancelReason != null) {
      endNodeForCancel(node);
    } else if (!p.preScriptDone && options.preUpdateScript().isPresent()) {
      node.moveTo(runId, OfflineNodePhase.PRE_SCRIPT);
      step(node, NodeStep.PRE_UPDATE_SCRIPT);
      call(node, new Operation.RunScript(new ScriptRequest(
          options.preUpdateScript().orElseThrow(), options.configurationName(), ScriptPhase.PRE_UPDATE)));
      return;
    } else if (!p.installQueue.isEmpty()) {
      String plugin = p.installQueue.remove();
      node.moveTo(runId, OfflineNodePhase.INSTALLING);
      step(node, NodeStep.INSTALLING);
      call(node, new Operation.InstallUpdates(plugin, p.pending.getOrDefault(plugin, List.of())));
      return;
    } else if (p.rebootNeeded && restartAllowed()) {
      node.moveTo(runId, OfflineNodePhase.RESTARTING);
      step(node, NodeStep.RESTARTING);
      call(node, new Operation.Restart(options.rebootMode()));
      return;
    } else if (p.rebootNeeded) {
      // Do-not-restart: report the node as pending restart and go on.
      p.rebootNeeded = false;
      p.restartPending = true;
      advance(node);
      return;
    } else if (p.rescanNeeded) {
      node.moveTo(runId, OfflineNodePhase.RESCANNING);
      step(node, NodeStep.RESCANNING);
      p.rescanNeeded = false;
      p.pending.clear();
      callPlugins(node, plugins, Operation.ScanUpdates::new);
      return;
    } else if (!p.pluginFailures.isEmpty()) {
      failNode(node, String.join("; ", p.pluginFailures.values()), false);
      return;
    } else if (options.postUpdateScript().isPresent()) {
      node.moveTo(runId, OfflineNodePhase.UPDATED);
    } else {
      completeNode(node);
    }
    updated();
  }

  private void onInstalled(OfflineNode node, CallResult.Installed installed) {
    NodeProgress p = node.progress;
    p.results.addAll(installed.results());
    for (InstallResult r : installed.results()) {
      if (r.code().isFailure()) {
        p.failedThisAttempt.add(r.update().id());
      }
      if (r.rebootRequired()) {
        p.rebootNeeded = true;
      }
    }
    publish(new UpdatesInstalled(runId, now, node.name(), installed.plugin(), installed.results()));
    afterInstallCall(node);
  }

  private void afterInstallCall(OfflineNode node) {
    NodeProgress p = node.progress;
    if (options.stopOnPluginFailure() && !p.pluginFailures.isEmpty()) {
      p.installQueue.clear();
    }
    if (p.installQueue.isEmpty()) {
      p.passes++;
      p.rescanNeeded = true;
    }
    advance(node);
  }

  private void onRestarted(OfflineNode node, CallResult.Restarted restarted) {
    node.progress.restarts++;
    node.progress.bootType = restarted.mode();
    node.moveTo(runId, OfflineNodePhase.AWAITING_READY);
    step(node, NodeStep.WAITING_FOR_NODE);
    call(node, new Operation.AwaitReady(options.rebootTimeout()));
    startTimer(TimerKind.REBOOT, node.name(), options.rebootTimeout());
  }

  private void onReady(OfflineNode node, boolean ready) {
    cancelTimers(node, TimerKind.REBOOT);
    if (!ready) {
      onRebootTimeout(node);
      return;
    }
    node.progress.rebootNeeded = false;
    advance(node);
  }

  private void onRebootTimeout(OfflineNode node) {
    cancelTimers(node, TimerKind.REBOOT);
    work.abandonCallsOf(out, node.name());
    failNode(node, "Node \"" + node.name() + "\" did not come back within the reboot timeout of "
        + minutes(options.rebootTimeout()) + "; it was left not running", true);
  }

  private void afterRescan(OfflineNode node) {
    NodeProgress p = node.progress;
    if (p.hasPending() && p.passes >= options.maxUpdatePasses()) {
      p.reason = p.allPending().size() + " updates were still applicable after "
          + p.passes + " install passes (the limit); the plug-in keeps reporting: " + titles(p.allPending());
      p.pending.clear();
    }
    queuePluginsWithUpdates(p);
    advance(node);
  }

  private void onScriptEnded(OfflineNode node, Operation.RunScript script, CallResult.ScriptEnded ended) {
    NodeProgress p = node.progress;
    boolean pre = script.request().phase() == ScriptPhase.PRE_UPDATE;
    if (!ended.outcome().succeeded()) {
      failNode(node, (pre ? "PreUpdateScript" : "PostUpdateScript") + " \"" + script.request().path()
          + "\" exited with code " + ended.outcome().exitCode() + ": " + ended.outcome().detail(), false);
    } else if (pre) {
      p.preScriptDone = true;
      advance(node);
    } else {
      p.postScriptDone = true;
      completeNode(node);
      postScriptEnded();
    }
  }

  /** Once no node has work left while the cluster is stopped, starts the cluster. */
  private void updated() {
    if (phase == RunPhase.UPDATING && nodes.values().stream().noneMatch(n -> n.phase.isUpdating())) {
      startCluster();
    }
  }

  // ---------------------------------------------------------------- starting the cluster again

  private void startCluster() {
    phase = RunPhase.STARTING;
    info("Starting cluster \"" + cluster + "\" again");
    clusterCall(new Operation.StartCluster());
  }

  private void onClusterStarted() {
    info("Cluster \"" + cluster + "\" started");
    if (cancelReason != null || stopReason != null) {
      finishRun();
      return;
    }
    phase = RunPhase.AWAITING_STORAGE;
    storageWaitSince = now;
    clusterCall(new Operation.ObserveCluster());
  }

  /** After the start, the run ends only once clustered storage has finished repairing. */
  private void onStorageObserved(CallResult result) {
    if (cancelReason != null) {
      finishRun();
      return;
    }
    Instant since = storageWaitSince == null ? now : storageWaitSince;
    if (result instanceof CallResult.Observed observed && observed.snapshot().storage().isSettled()) {
      storageWaitSince = null;
      runPostScripts();
      return;
    }
    Duration waited = Duration.between(since, now);
    if (waited.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.waitForStorageRepairTimeout()) > 0) {
      String seen = result instanceof CallResult.Observed observed
          ? observed.snapshot().storage().status() + " with " + observed.snapshot().storage().runningRepairJobs() + " repair jobs running"
          : "unknown: " + ((CallResult.Failed) result).message();
      storageFailure = "Storage did not finish repairing within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ") after cluster \"" + cluster
          + "\" was started again; storage is " + seen;
      finishRun();
      return;
    }
    if (waited.isZero()) {
      info("Waiting for clustered storage to finish repairing, within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ")");
    }
    startTimer(TimerKind.STORAGE_POLL, "", RunOptions.STORAGE_POLL_INTERVAL);
  }

  private void runPostScripts() {
    phase = RunPhase.POST_SCRIPTS;
    List<OfflineNode> waiting = inPhase(OfflineNodePhase.UPDATED);
    if (waiting.isEmpty()) {
      finishRun();
      return;
    }
    for (OfflineNode node : waiting) {
      node.moveTo(runId, OfflineNodePhase.POST_SCRIPT);
      step(node, NodeStep.POST_UPDATE_SCRIPT);
      call(node, new Operation.RunScript(new ScriptRequest(
          options.postUpdateScript().orElseThrow(), options.configurationName(), ScriptPhase.POST_UPDATE)));
    }
  }

  private void postScriptEnded() {
    if (phase == RunPhase.POST_SCRIPTS && inPhase(OfflineNodePhase.POST_SCRIPT).isEmpty()) {
      finishRun();
    }
  }

  // ---------------------------------------------------------------- call results

  private void onClusterCallCompleted(Operation operation, CallResult result) {
    if (operation instanceof Operation.StopCluster) {
      if (result instanceof CallResult.Failed failed) {
        // Part of the cluster may have stopped: it is started again before the run ends.
        stopReason = "Cluster \"" + cluster + "\" could not be stopped for the offline update: " + failed.message();
        inPhase(OfflineNodePhase.PREPARED).forEach(node -> notUpdated(node, stopReason));
        startCluster();
      } else {
        onClusterStopped();
      }
    } else if (operation instanceof Operation.StartCluster) {
      if (result instanceof CallResult.Failed failed) {
        startFailure = stopReason == null
            ? "Cluster \"" + cluster + "\" could not be started again and was left stopped: " + failed.message()
            : "Starting it again, in case part of it had stopped, failed too: " + failed.message();
        finishRun();
      } else {
        onClusterStarted();
      }
    } else if (operation instanceof Operation.ObserveCluster) {
      onStorageObserved(result);
    } else {
      throw new IllegalStateException("Run " + runId + ": unexpected result " + result + " for " + operation);
    }
  }

  private void onNodeCallCompleted(OfflineNode node, Operation operation, CallResult result) {
    if (operation instanceof Operation.ScanUpdates scan) {
      onScanned(node, scan, result);
    } else if (result instanceof CallResult.Failed failed) {
      onNodeCallFailed(node, operation, failed);
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      node.progress.firewallChecked = true;
      prepare(node);
    } else if (operation instanceof Operation.StageUpdates) {
      stageEnded(node);
    } else if (operation instanceof Operation.RunScript script && result instanceof CallResult.ScriptEnded ended) {
      onScriptEnded(node, script, ended);
    } else if (operation instanceof Operation.InstallUpdates && result instanceof CallResult.Installed installed) {
      onInstalled(node, installed);
    } else if (operation instanceof Operation.Restart && result instanceof CallResult.Restarted restarted) {
      onRestarted(node, restarted);
    } else if (operation instanceof Operation.AwaitReady && result instanceof CallResult.Ready ready) {
      onReady(node, ready.ready());
    } else {
      throw new IllegalStateException(
          "Run " + runId + ": unexpected result " + result + " for " + operation + " on \"" + node.name() + "\"");
    }
  }

  private void stageEnded(OfflineNode node) {
    if (pluginCallEnded(node) && !pluginsFailedTheNode(node)) {
      node.progress.staged = true;
      prepare(node);
    }
  }

  private void onNodeCallFailed(OfflineNode node, Operation operation, CallResult.Failed failed) {
    NodeProgress p = node.progress;
    String message = failed.message();
    if (operation instanceof Operation.AwaitReady) {
      onRebootTimeout(node);
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      failNode(node, message, true);
    } else if (operation instanceof Operation.StageUpdates stage) {
      // The plug-in that failed to stage installs nothing; the others go on.
      p.pluginFailures.putIfAbsent(stage.plugin(), message);
      p.pending.put(stage.plugin(), List.of());
      stageEnded(node);
    } else if (operation instanceof Operation.InstallUpdates install && plugins.size() > 1
        && !options.stopOnPluginFailure()) {
      p.pluginFailures.putIfAbsent(install.plugin(), message);
      afterInstallCall(node);
    } else {
      failNode(node, message, false);
    }
  }

  // ---------------------------------------------------------------- the end of a node

  /** The node did not make it: it is done, and the run goes on with the others. */
  private void failNode(OfflineNode node, String reason, boolean fatal) {
    NodeProgress p = node.progress;
    publish(new NodeAttemptFailed(runId, now, node.name(), p.attempts, reason, false));
    p.reason = reason;
    p.fatal = fatal;
    if (p.rebootNeeded && !fatal) {
      p.restartPending = true; // installed, but the restart did not happen
    }
    boolean postScript = node.phase == OfflineNodePhase.POST_SCRIPT;
    finishNode(node);
    if (postScript) {
      postScriptEnded();
    } else if (phase == RunPhase.PREPARING) {
      prepared();
    } else {
      updated();
    }
  }

  /** The node's work is complete; its status follows from its install results. */
  private void completeNode(OfflineNode node) {
    finishNode(node);
  }

  private void notUpdated(OfflineNode node, String reason) {
    node.progress.canceled = true;
    node.progress.reason = "Not updated: " + reason;
    finishNode(node);
  }

  private void endNodeForCancel(OfflineNode node) {
    NodeProgress p = node.progress;
    boolean changed = !p.results.isEmpty() || p.restarts > 0;
    boolean workComplete = changed && p.pluginFailures.isEmpty() && p.installQueue.isEmpty()
        && !p.rebootNeeded && !p.rescanNeeded && (options.postUpdateScript().isEmpty() || p.postScriptDone);
    if (!changed) {
      p.canceled = true;
      p.reason = "Canceled before the node was changed: " + cancelReason;
    } else if (!workComplete) {
      p.reason = "The run was canceled while the node was being updated: " + cancelReason;
    }
    if (p.rebootNeeded) {
      p.restartPending = true;
    }
    finishNode(node);
  }

  private void finishNode(OfflineNode node) {
    node.moveTo(runId, OfflineNodePhase.DONE);
    NodeResult nodeResult = node.progress.toResult();
    if (nodeResult.status() == SummaryStatus.FAILED) {
      failedNodes++;
    }
    publish(new NodeFinished(runId, now, nodeResult));
  }

  // ---------------------------------------------------------------- timers, cancel and the end of the run

  private void onTimer(Timer timer) {
    switch (timer.kind()) {
      case REBOOT -> onRebootTimeout(node(timer.node()));
      case CALL -> onCallTimeout(timer.call());
      case STORAGE_POLL -> clusterCall(new Operation.ObserveCluster());
      case WARN_AFTER -> warn("The run has not completed after WarnAfter (" + minutes(options.warnAfter().orElseThrow()) + ")");
      case STOP_AFTER -> cancel("StopAfter (" + minutes(options.stopAfter().orElseThrow()) + ") elapsed before the run completed");
    }
  }

  private void cancel(String reason) {
    if (cancelReason != null) {
      return;
    }
    cancelReason = reason;
    out.add(new Command.RaiseCancellation());
    if (phase == RunPhase.NOT_STARTED || phase == RunPhase.PREPARING) {
      endRun(); // nothing that affects a workload has happened
    } else if (phase == RunPhase.AWAITING_STORAGE && work.noCallsInFlight()) {
      finishRun(); // between two looks at storage; the cluster is running again
    }
    // Otherwise a call is in flight: the run stops at its end, and starts the cluster first if it
    // stopped it.
  }

  private void endRun() {
    for (OfflineNode node : nodes.values()) {
      if (node.phase != OfflineNodePhase.DONE) {
        node.progress.canceled = true;
        node.progress.reason = "Canceled before the node was changed: " + cancelReason;
        finishNode(node);
      }
    }
    finishRun();
  }

  private void stopRun(String reason) {
    stopReason = reason;
    for (OfflineNode node : nodes.values()) {
      if (node.phase != OfflineNodePhase.DONE) {
        notUpdated(node, "the run stopped. " + reason);
      }
    }
    finishRun();
  }

  private void finishRun() {
    // Nodes still waiting for their post-update script end without it.
    for (OfflineNode node : inPhase(OfflineNodePhase.UPDATED)) {
      if (cancelReason != null) {
        endNodeForCancel(node);
      } else {
        String why = startFailure != null ? startFailure : storageFailure != null ? storageFailure : "the run ended";
        node.progress.reason = "PostUpdateScript \"" + options.postUpdateScript().orElse("") + "\" was not run: " + why;
        finishNode(node);
      }
    }
    phase = RunPhase.FINISHED;
    work.cancelAllTimers(out);
    List<NodeResult> results = nodes.values().stream().map(n -> n.progress.toResult()).toList();
    List<String> failures = new ArrayList<>();
    addIfPresent(failures, stopReason);
    addIfPresent(failures, startFailure);
    addIfPresent(failures, storageFailure);
    SummaryStatus status;
    String reason;
    if (cancelReason != null && startFailure == null) {
      status = SummaryStatus.CANCELED;
      reason = failures.isEmpty() ? cancelReason : cancelReason + "; " + String.join("; ", failures);
    } else if (!failures.isEmpty()) {
      status = SummaryStatus.FAILED;
      reason = (cancelReason == null ? "" : cancelReason + "; ") + String.join("; ", failures);
    } else {
      RunSummary summary = RunSummary.of(results);
      status = summary.status();
      reason = summary.reason();
    }
    result = new RunResult(runId, cluster, status, startedAt, now, results, reason, coordinators);
    publish(new RunFinished(runId, now, result));
    out.add(new Command.Finish(result));
  }

  // ---------------------------------------------------------------- helpers

  private OfflineNode node(String name) {
    OfflineNode node = nodes.get(name);
    if (node == null) {
      throw new IllegalStateException("Run " + runId + " has no node \"" + name + "\"");
    }
    return node;
  }

  private List<OfflineNode> inPhase(OfflineNodePhase wanted) {
    return nodes.values().stream().filter(n -> n.phase == wanted).toList();
  }

  private boolean restartAllowed() {
    return !options.suspendReboot();
  }

  private boolean tooManyFailed() {
    return failedNodes > maxFailedNodes;
  }

  private String failureLimitReason() {
    return failedNodes + " nodes failed, more than MaxFailedNodes (" + maxFailedNodes + ")";
  }

  /** Queues, in plug-in order, each plug-in that has updates pending on the node. */
  private static void queuePluginsWithUpdates(NodeProgress node) {
    node.installQueue.clear();
    node.installQueue.addAll(pluginsWithUpdates(node));
  }

  private static List<String> pluginsWithUpdates(NodeProgress node) {
    return node.pending.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  private void call(OfflineNode node, Operation operation) {
    // A restarted node is waited for within the reboot timeout, not the operation timeout.
    work.call(out, now, node.name(), node.name(), operation,
        operation instanceof Operation.AwaitReady ? null : options.operationTimeout());
  }

  /** Makes a call for the whole cluster, which the command names by the cluster's name. */
  private void clusterCall(Operation operation) {
    work.call(out, now, cluster, null, operation, options.operationTimeout());
  }

  /** A call did not return in time: a read or a cluster call counts as failed; a change fails its node. */
  private void onCallTimeout(int callToken) {
    PendingWork.Call call = work.abandon(out, callToken);
    if (call == null) {
      return;
    }
    Operation operation = call.operation();
    String node = call.node();
    String message = operation.getClass().getSimpleName() + " on " + (node == null ? "cluster \"" + cluster : "node \"" + node)
        + "\" did not return within the operation timeout of " + minutes(options.operationTimeout());
    if (node == null) {
      onClusterCallCompleted(operation, CallResult.Failed.of(message));
      return;
    }
    boolean readOnly = operation instanceof Operation.ScanUpdates || operation instanceof Operation.StageUpdates
        || operation instanceof Operation.CheckRemoteShutdown;
    if (readOnly) {
      onNodeCallCompleted(node(node), operation, CallResult.Failed.of(message));
      return;
    }
    work.abandonCallsOf(out, node);
    failNode(node(node), message + "; the node was left as it was", true);
  }

  private void startTimer(TimerKind kind, String node, Duration delay) {
    work.startTimer(out, now, kind, node, delay);
  }

  private void cancelTimers(OfflineNode node, TimerKind kind) {
    work.cancelTimers(out, node.name(), kind);
  }

  private void step(OfflineNode node, NodeStep step) {
    publish(new NodeStepStarted(runId, now, node.name(), step, node.progress.attempts));
  }

  private void info(String message) {
    publish(new OperationMessage(runId, now, "", false, message));
  }

  private void warn(String message) {
    publish(new OperationMessage(runId, now, "", true, message));
  }

  private void publish(RunEvent event) {
    out.add(new Command.Publish(event));
  }

  private static void addIfPresent(List<String> list, @Nullable String value) {
    if (value != null) {
      list.add(value);
    }
  }
}
