package dev.cau.core.engine;

import static dev.cau.core.engine.EngineText.describe;
import static dev.cau.core.engine.EngineText.display;
import static dev.cau.core.engine.EngineText.minutes;
import static dev.cau.core.engine.EngineText.stateOf;
import static dev.cau.core.engine.EngineText.titles;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.DrainMode;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.ScriptRequest.ScriptPhase;
import dev.cau.api.cluster.SuspendRequest;
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
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.WorkflowOrder;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.policy.OrchestrationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The updating run as a state machine: given an input, it updates the run's state and returns
 * the commands to carry out next.
 *
 * <p>It does no I/O and reads no clock: every instant comes with an input. Fed the same inputs,
 * two machines return the same commands, which is what lets a journal be replayed and a
 * simulation be repeated exactly. Not thread-safe: the driver feeds it one input at a time.
 *
 * <p>The run scans every node first, then takes one node at a time in {@link NodeOrdering}. For
 * the node in progress, {@link #advance} picks the next step from what the current attempt has
 * done so far: check the remote-restart firewall rule, stage, run the pre-update script, ask the
 * quorum guard and suspend, install plug-in after plug-in, restart and wait within the reboot
 * timeout, scan again for updates that apply only now (bounded passes), resume with failback, run
 * the post-update script. A failed attempt first brings the node back to service, then is
 * retried within {@code MaxRetriesPerNode}; a cancel does the same and then ends the run.
 */
public final class RunStateMachine implements RunMachine {
  private enum RunPhase { NOT_STARTED, SCANNING, UPDATING, FINISHED }

  private enum TimerKind { REBOOT, SUSPEND_RETRY, STORAGE_POLL, WARN_AFTER, STOP_AFTER, CALL }

  private record Timer(TimerKind kind, String node, int call) {}

  private final RunId runId;
  private final RunOptions options;
  private final OrchestrationPolicy policy;
  private final List<String> plugins;
  private final Map<String, NodeProgress> nodes = new LinkedHashMap<>();
  private final List<NodeProgress> order = new ArrayList<>();
  private final PendingWork<TimerKind> work = new PendingWork<>(TimerKind.CALL);
  private final List<String> coordinators = new ArrayList<>();
  private RunPhase phase = RunPhase.NOT_STARTED;
  private String cluster = "";
  private Instant startedAt = Instant.EPOCH;
  private int maxFailedNodes;
  private int failedNodes;
  private int current = -1;
  private @Nullable Instant storageWaitSince;
  private @Nullable String stopReason;
  private @Nullable String cancelReason;
  private @Nullable RunResult result;

  /** Commands produced by the input being applied. */
  private List<Command> out = new ArrayList<>();
  private Instant now = Instant.EPOCH;

  /**
   * Creates the machine of one run with CAU's policy.
   *
   * @param runId the run
   * @param options the run's options, already checked
   */
  public RunStateMachine(RunId runId, RunOptions options) {
    this(runId, options, OrchestrationPolicy.CAU);
  }

  /**
   * Creates the machine of one run.
   *
   * @param runId the run
   * @param options the run's options, already checked
   * @param policy the decisions to take at the engine's decision points
   */
  public RunStateMachine(RunId runId, RunOptions options, OrchestrationPolicy policy) {
    this.runId = runId;
    this.options = options;
    this.policy = policy;
    this.plugins = options.plugins().stream().map(PluginSelection::name).toList();
  }

  /**
   * Applies one input and returns what to do next.
   *
   * @param input the input
   * @return the commands, in the order to carry them out
   */
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
        NodeProgress node = node(call.target());
        Operation lost = node.inDoubt;
        if (lost != null && call.operation() instanceof Operation.ObserveCluster) {
          node.inDoubt = null;
          onInDoubtObserved(node, lost, completed.result());
        } else {
          onCallCompleted(node, call.operation(), completed.result());
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

  /**
   * Tells whether the run is over.
   *
   * @return {@code true} once the machine has produced its {@link Command.Finish}
   */
  @Override
  public boolean isFinished() {
    return phase == RunPhase.FINISHED;
  }

  /**
   * Returns the run's result once it is over.
   *
   * @return the result, or {@code null} while the run goes on
   */
  @Override
  public @Nullable RunResult result() {
    return result;
  }

  // ---------------------------------------------------------------- start, takeover and initial scan

  private void resume(String coordinator, Instant lastStep) {
    if (phase == RunPhase.NOT_STARTED) {
      throw new IllegalStateException("Run " + runId + " cannot be resumed: it never started");
    }
    String previous = coordinators.get(coordinators.size() - 1);
    coordinators.add(coordinator);
    warn("", EngineText.takeover(previous, coordinator));
    work.resume(out, now, lastStep, options.operationTimeout(), this::repeat);
  }

  /**
   * What to call for a call whose answer the previous coordinator lost. A suspend or a restart
   * may or may not have happened, and the cluster may have changed since the quorum guard cleared
   * it: look at the cluster first, and either take the step as done or ask the guard again.
   */
  private Operation repeat(PendingWork.Call call) {
    if (call.operation() instanceof Operation.Suspend || call.operation() instanceof Operation.Restart) {
      node(call.target()).inDoubt = call.operation();
      return new Operation.ObserveCluster();
    }
    return PendingWork.repeatSafely(call);
  }

  /** The look at the cluster that decides whether a suspend or restart in doubt happened. */
  private void onInDoubtObserved(NodeProgress node, Operation lost, CallResult result) {
    if (!(result instanceof CallResult.Observed observed)) {
      onCallCompleted(node, lost, result); // as if the step itself had failed
      return;
    }
    NodeState state = stateOf(observed.snapshot(), node.name);
    if (lost instanceof Operation.Suspend && state == NodeState.PAUSED) {
      onCallCompleted(node, lost, new CallResult.Done());
    } else if (lost instanceof Operation.Restart && state != NodeState.UP && state != NodeState.PAUSED) {
      onCallCompleted(node, lost, new CallResult.Restarted(options.rebootMode()));
    } else {
      // It did not happen (or a restart already came back): ask the guard again before doing it.
      if (lost instanceof Operation.Suspend) {
        node.quorumCleared = false;
      }
      node.restartCleared = false;
      onQuorumObserved(node, observed.snapshot());
    }
  }

  private void start(ClusterSnapshot snapshot) {
    if (phase != RunPhase.NOT_STARTED) {
      throw new IllegalStateException("Run " + runId + " was already started");
    }
    cluster = snapshot.name();
    startedAt = now;
    List<String> names = NodeOrdering.order(snapshot, options.nodeOrder(), options.siteAwareUpdatingOrder());
    maxFailedNodes = options.effectiveMaxFailedNodes(snapshot.nodes().size());
    names.forEach(name -> nodes.put(name, new NodeProgress(name)));
    order.addAll(nodes.values());
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
    paused.forEach(name -> node(name).pausedBeforeRun = true);
    for (String name : offline) {
      NodeProgress node = node(name);
      node.moveTo(runId, NodePhase.DONE);
      node.reason = "Node \"" + name + "\" was " + display(stateOf(snapshot, name)) + " when the run started";
      node.fatal = true;
      finishNode(node);
    }
    if (tooManyFailed()) {
      stopRun(failureLimitReason());
      return;
    }
    phase = RunPhase.SCANNING;
    order.stream().filter(n -> n.phase == NodePhase.PENDING).forEach(this::scan);
    if (order.stream().noneMatch(n -> n.phase == NodePhase.SCANNING)) {
      finishRun();
    }
  }

  /** Scans with every plug-in: all at once, or one after another with RunPluginsSerially. */
  private void scan(NodeProgress node) {
    node.moveTo(runId, NodePhase.SCANNING);
    node.pending.clear();
    callPlugins(node, plugins, Operation.ScanUpdates::new);
  }

  private void rescan(NodeProgress node) {
    node.moveTo(runId, NodePhase.RESCANNING);
    step(node, NodeStep.RESCANNING);
    node.rescanNeeded = false;
    node.pending.clear();
    callPlugins(node, plugins, Operation.ScanUpdates::new);
  }

  private void callPlugins(NodeProgress node, List<String> names, Function<String, Operation> operation) {
    node.callQueue.clear();
    node.callQueue.addAll(names);
    node.callsOutstanding = 0;
    if (options.runPluginsSerially()) {
      nextPluginCall(node, operation);
    } else {
      while (!node.callQueue.isEmpty()) {
        nextPluginCall(node, operation);
      }
    }
  }

  private void nextPluginCall(NodeProgress node, Function<String, Operation> operation) {
    String plugin = node.callQueue.poll();
    if (plugin != null) {
      node.callsOutstanding++;
      call(node, operation.apply(plugin));
    }
  }

  /** Notes one plug-in call's end; returns whether every plug-in call of the step has ended. */
  private boolean pluginCallEnded(NodeProgress node, Operation next) {
    node.callsOutstanding--;
    boolean stop = options.stopOnPluginFailure() && !node.pluginFailures.isEmpty();
    if (stop) {
      node.callQueue.clear();
    } else if (!node.callQueue.isEmpty() && options.runPluginsSerially()) {
      nextPluginCall(node, plugin -> next instanceof Operation.StageUpdates
          ? new Operation.StageUpdates(plugin, node.pending.getOrDefault(plugin, List.of()))
          : new Operation.ScanUpdates(plugin));
    }
    return node.callsOutstanding == 0 && node.callQueue.isEmpty();
  }

  private void onScanned(NodeProgress node, Operation.ScanUpdates scan, CallResult result) {
    if (result instanceof CallResult.Scanned scanned) {
      List<Update> offered = scanned.updates();
      if (node.phase == NodePhase.RESCANNING) {
        // An update that failed in this attempt is offered again; it is not retried here.
        offered = offered.stream().filter(u -> !node.failedThisAttempt.contains(u.id())).toList();
      }
      node.pending.put(scanned.plugin(), offered);
    } else if (result instanceof CallResult.Failed failed) {
      node.pluginFailures.putIfAbsent(scan.plugin(), "Scan by \"" + scan.plugin() + "\" failed: " + failed.message());
    }
    if (!pluginCallEnded(node, scan)) {
      return;
    }
    Map<String, List<Update>> ordered = new LinkedHashMap<>();
    plugins.forEach(p -> ordered.put(p, node.pending.getOrDefault(p, List.of())));
    node.pending.clear();
    node.pending.putAll(ordered);

    if (node.phase == NodePhase.RESCANNING) {
      if (!pluginsFailedTheAttempt(node)) {
        afterRescan(node);
      }
    } else if (phase == RunPhase.SCANNING) {
      node.moveTo(runId, NodePhase.SCANNED);
      publish(new NodeScanned(runId, now, node.name, node.allPending()));
      if (order.stream().noneMatch(n -> n.phase == NodePhase.SCANNING)) {
        phase = RunPhase.UPDATING;
        nextNode();
      }
    } else {
      beginAttempt(node);
    }
  }

  // ---------------------------------------------------------------- one node at a time

  private void nextNode() {
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
    if (pluginsFailedTheAttempt(node)) {
      return;
    }
    if (node.attempts == 1 && !node.hasPending() && node.pluginFailures.isEmpty() && options.skipCompliantNodes()) {
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.passes = 0;
    node.rebootNeeded = options.pauseMode() == PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT;
    queuePluginsWithUpdates(node);
    advance(node);
  }

  /**
   * Takes the node's next step, decided from what the attempt has done so far. Every completed
   * call of the node in progress comes back here.
   */
  private void advance(NodeProgress node) {
    if (node.attemptFailure != null || cancelReason != null || stopReason != null) {
      // Back to service first; then retry, give up or stop.
      boolean resume = cancelReason != null || stopReason != null || policy.resumeAfterFailedAttempt();
      if (node.suspendedByUs && resume) {
        resume(node);
      } else if (cancelReason != null) {
        endNodeForCancel(node);
      } else if (stopReason != null) {
        endNodeForStop(node);
      } else {
        retryOrGiveUp(node);
      }
      return;
    }
    if (!node.firewallChecked) {
      node.moveTo(runId, NodePhase.FIREWALL_CHECK);
      call(node, new Operation.CheckRemoteShutdown(options.enableFirewallRules()));
    } else if (!node.staged && !node.hasPending()) {
      node.staged = true;
      advance(node);
    } else if (!node.staged) {
      node.moveTo(runId, NodePhase.STAGING);
      step(node, NodeStep.STAGING);
      callPlugins(node, pluginsWithUpdates(node), p -> new Operation.StageUpdates(p, node.pending.getOrDefault(p, List.of())));
    } else if (!node.preScriptDone && options.preUpdateScript().isPresent()) {
      node.moveTo(runId, NodePhase.PRE_SCRIPT);
      step(node, NodeStep.PRE_UPDATE_SCRIPT);
      call(node, new Operation.RunScript(new ScriptRequest(
          options.preUpdateScript().orElseThrow(), options.configurationName(), ScriptPhase.PRE_UPDATE)));
    } else if (mustGoOutOfService(node) && !node.quorumCleared) {
      node.moveTo(runId, NodePhase.QUORUM_CHECK);
      call(node, new Operation.ObserveCluster());
    } else if (mustGoOutOfService(node) && !node.suspendedByUs && !node.pausedBeforeRun) {
      suspend(node);
    } else if (!node.installQueue.isEmpty() && !node.restartBeforeNextPlugin) {
      String plugin = node.installQueue.remove();
      node.moveTo(runId, NodePhase.INSTALLING);
      step(node, NodeStep.INSTALLING);
      call(node, new Operation.InstallUpdates(plugin, node.pending.getOrDefault(plugin, List.of())));
    } else if (node.rebootNeeded && restartAllowed() && !node.restartCleared) {
      // The cluster may have changed since the node was suspended: ask again before it goes down.
      node.moveTo(runId, NodePhase.QUORUM_CHECK);
      call(node, new Operation.ObserveCluster());
    } else if (node.rebootNeeded && restartAllowed()) {
      node.moveTo(runId, NodePhase.RESTARTING);
      step(node, NodeStep.RESTARTING);
      call(node, new Operation.Restart(options.rebootMode()));
    } else if (node.rebootNeeded) {
      // Do-not-restart: report the node as pending restart and go on.
      node.rebootNeeded = false;
      node.restartPending = true;
      advance(node);
    } else if (node.rescanNeeded) {
      rescan(node);
    } else if (node.suspendedByUs) {
      resume(node);
    } else if (!node.postScriptDone && options.postUpdateScript().isPresent()) {
      node.moveTo(runId, NodePhase.POST_SCRIPT);
      step(node, NodeStep.POST_UPDATE_SCRIPT);
      call(node, new Operation.RunScript(new ScriptRequest(
          options.postUpdateScript().orElseThrow(), options.configurationName(), ScriptPhase.POST_UPDATE)));
    } else if (!node.pluginFailures.isEmpty()) {
      failAttempt(node, String.join("; ", node.pluginFailures.values()), false);
    } else {
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
    }
  }

  /** Whether the node has to be paused (and so cleared by the quorum guard) for what remains. */
  private boolean mustGoOutOfService(NodeProgress node) {
    boolean restart = node.rebootNeeded && restartAllowed();
    boolean installsWhileDrained = options.workflowOrder() == WorkflowOrder.DRAIN_THEN_INSTALL
        && !node.installQueue.isEmpty();
    boolean forcedCycle = !node.cycled && !options.skipCompliantNodes() && node.passes == 0;
    return restart || installsWhileDrained || forcedCycle;
  }

  private boolean restartAllowed() {
    return !options.suspendReboot();
  }

  private void suspend(NodeProgress node) {
    node.moveTo(runId, NodePhase.SUSPENDING);
    step(node, NodeStep.SUSPENDING);
    DrainMode drain = switch (options.pauseMode()) {
      case DRAIN -> DrainMode.DRAIN;
      case FORCE_PAUSE_NO_DRAIN -> DrainMode.NONE;
      case FORCE_PAUSE_AND_DRAIN, FORCE_PAUSE_DRAIN_AND_REBOOT -> DrainMode.FORCE_DRAIN;
    };
    call(node, new Operation.Suspend(new SuspendRequest(drain, options.migrationMode())));
  }

  private void resume(NodeProgress node) {
    node.moveTo(runId, NodePhase.RESUMING);
    step(node, NodeStep.RESUMING);
    call(node, new Operation.Resume(options.failbackMode()));
  }

  private void onQuorumObserved(NodeProgress node, ClusterSnapshot snapshot) {
    QuorumDecision decision = policy.mayTakeDown(snapshot, node.name, options.quorumPolicy());
    if (!decision.allowed()) {
      stopReason = "The quorum guard refused to take node \"" + node.name + "\" down. " + decision.reason();
      node.reason = "Refused by the quorum guard: " + decision.reason();
      advance(node);
      return;
    }
    if (decision.reliesOnDynamicQuorum()) {
      warn(node.name, decision.reason());
    }
    // The first check clears the node to go out of service; a later one, asked right before a
    // restart, clears that restart. A node in maintenance before the run is checked twice too,
    // so that a restart after a long install is judged on the cluster as it is then.
    boolean restartIsNext = node.rebootNeeded && node.installQueue.isEmpty()
        && (node.suspendedByUs || node.pausedBeforeRun);
    if (!node.quorumCleared) {
      node.quorumCleared = true;
      node.restartCleared = restartIsNext;
    } else {
      node.restartCleared = true;
    }
    advance(node);
  }

  /** Ends a node the run stops at, after it is back in service. */
  private void endNodeForStop(NodeProgress node) {
    node.moveTo(runId, NodePhase.DONE);
    if (node.results.isEmpty() && !node.everCycled) {
      node.canceled = true; // nothing that changes the node has happened
    }
    node.restartPending = node.rebootNeeded && !node.results.isEmpty();
    finishNode(node);
  }

  private void onInstalled(NodeProgress node, CallResult.Installed installed) {
    node.results.addAll(installed.results());
    for (InstallResult r : installed.results()) {
      if (r.code().isFailure()) {
        node.failedThisAttempt.add(r.update().id());
      }
      if (r.rebootRequired()) {
        node.rebootNeeded = true;
        node.restartBeforeNextPlugin = options.separateReboots() && restartAllowed();
      }
    }
    publish(new UpdatesInstalled(runId, now, node.name, installed.plugin(), installed.results()));
    afterInstallCall(node);
  }

  private void afterInstallCall(NodeProgress node) {
    if (options.stopOnPluginFailure() && !node.pluginFailures.isEmpty()) {
      node.installQueue.clear();
    }
    if (node.installQueue.isEmpty()) {
      node.passes++;
      node.rescanNeeded = true;
    }
    advance(node);
  }

  private void onReady(NodeProgress node, boolean ready) {
    cancelTimers(node, TimerKind.REBOOT);
    if (!ready) {
      onRebootTimeout(node);
      return;
    }
    node.rebootNeeded = false;
    node.restartBeforeNextPlugin = false;
    node.rescanNeeded = node.installQueue.isEmpty();
    advance(node);
  }

  private void onRebootTimeout(NodeProgress node) {
    cancelTimers(node, TimerKind.REBOOT);
    work.abandonCallsOf(out, node.name);
    failAttempt(node,
        "Node \"" + node.name + "\" did not come back within the reboot timeout of "
            + minutes(options.rebootTimeout()) + "; it was left suspended and not running",
        true);
  }

  private void afterRescan(NodeProgress node) {
    if (!node.hasPending()) {
      advance(node);
      return;
    }
    if (node.passes >= options.maxUpdatePasses()) {
      node.reason = node.allPending().size() + " updates were still applicable after "
          + node.passes + " install passes (the limit); the plug-in keeps reporting: "
          + titles(node.allPending());
      node.pending.clear();
      advance(node);
      return;
    }
    queuePluginsWithUpdates(node);
    advance(node);
  }

  private void onSuspendRefused(NodeProgress node, String message) {
    if (node.degradedSince == null) {
      node.degradedSince = now;
    }
    Duration degradedFor = Duration.between(node.degradedSince, now);
    if (node.suspendRefusals < options.suspendRetriesPerNode()
        && degradedFor.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.suspendClusterNodeTimeout()) <= 0) {
      node.suspendRefusals++;
      startTimer(TimerKind.SUSPEND_RETRY, node.name, RunOptions.STORAGE_POLL_INTERVAL);
      return;
    }
    failAttempt(node, "Clustered storage stayed degraded: the suspend was refused " + (node.suspendRefusals + 1)
        + " times over " + minutes(degradedFor) + " (SuspendClusterNodeTimeoutMinutes "
        + minutes(options.suspendClusterNodeTimeout()) + ", SuspendRetriesPerNode "
        + options.suspendRetriesPerNode() + "): " + message, false);
  }

  // ---------------------------------------------------------------- call results

  private void onCallCompleted(NodeProgress node, Operation operation, CallResult result) {
    if (operation instanceof Operation.ScanUpdates scan) {
      onScanned(node, scan, result);
    } else if (operation instanceof Operation.ObserveCluster && node.phase == NodePhase.DONE) {
      onStorageObserved(node, result);
    } else if (result instanceof CallResult.Failed failed) {
      onCallFailed(node, operation, failed);
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      node.firewallChecked = true;
      advance(node);
    } else if (operation instanceof Operation.StageUpdates stage) {
      if (pluginCallEnded(node, stage) && !pluginsFailedTheAttempt(node)) {
        node.staged = true;
        advance(node);
      }
    } else if (operation instanceof Operation.RunScript script && result instanceof CallResult.ScriptEnded ended) {
      onScriptEnded(node, script, ended);
    } else if (operation instanceof Operation.ObserveCluster && result instanceof CallResult.Observed observed) {
      onQuorumObserved(node, observed.snapshot());
    } else if (operation instanceof Operation.Suspend) {
      node.suspendedByUs = true;
      node.cycled = true;
      node.everCycled = true;
      advance(node);
    } else if (operation instanceof Operation.InstallUpdates && result instanceof CallResult.Installed installed) {
      onInstalled(node, installed);
    } else if (operation instanceof Operation.Restart && result instanceof CallResult.Restarted restarted) {
      node.restartCleared = false;
      node.restarts++;
      node.bootType = restarted.mode();
      node.moveTo(runId, NodePhase.AWAITING_READY);
      step(node, NodeStep.WAITING_FOR_NODE);
      call(node, new Operation.AwaitReady(options.rebootTimeout()));
      startTimer(TimerKind.REBOOT, node.name, options.rebootTimeout());
    } else if (operation instanceof Operation.AwaitReady && result instanceof CallResult.Ready ready) {
      onReady(node, ready.ready());
    } else if (operation instanceof Operation.Resume) {
      node.suspendedByUs = false;
      advance(node);
    } else {
      throw new IllegalStateException(
          "Run " + runId + ": unexpected result " + result + " for " + operation + " on \"" + node.name + "\"");
    }
  }

  private void onScriptEnded(NodeProgress node, Operation.RunScript script, CallResult.ScriptEnded ended) {
    boolean pre = script.request().phase() == ScriptPhase.PRE_UPDATE;
    if (!ended.outcome().succeeded()) {
      failAttempt(node, (pre ? "PreUpdateScript" : "PostUpdateScript") + " \"" + script.request().path()
          + "\" exited with code " + ended.outcome().exitCode() + ": " + ended.outcome().detail(), false);
      return;
    }
    if (pre) {
      node.preScriptDone = true;
    } else {
      node.postScriptDone = true;
    }
    advance(node);
  }

  private void onCallFailed(NodeProgress node, Operation operation, CallResult.Failed failed) {
    String message = failed.message();
    if (operation instanceof Operation.AwaitReady) {
      onRebootTimeout(node);
    } else if (operation instanceof Operation.Resume) {
      // A node we cannot resume stays paused: say so, and do not try it again.
      node.moveTo(runId, NodePhase.DONE);
      node.fatal = true;
      node.reason = "Node \"" + node.name + "\" could not be resumed and was left paused: " + message;
      finishNode(node);
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      failAttempt(node, message, true);
    } else if (operation instanceof Operation.Suspend && failed.storageDegraded()) {
      onSuspendRefused(node, message);
    } else if (operation instanceof Operation.StageUpdates stage) {
      // The plug-in that failed to stage installs nothing in this attempt; the others go on.
      node.pluginFailures.putIfAbsent(stage.plugin(), message);
      node.pending.put(stage.plugin(), List.of());
      node.installQueue.remove(stage.plugin());
      if (pluginCallEnded(node, stage) && !pluginsFailedTheAttempt(node)) {
        node.staged = true;
        advance(node);
      }
    } else if (operation instanceof Operation.InstallUpdates install && plugins.size() > 1
        && !options.stopOnPluginFailure()) {
      node.pluginFailures.putIfAbsent(install.plugin(), message);
      afterInstallCall(node);
    } else {
      if (operation instanceof Operation.Suspend) {
        node.suspendedByUs = true; // a drain may have paused the node before it failed
      }
      failAttempt(node, message, false);
    }
  }

  /**
   * Fails the attempt when plug-in failures leave nothing to go on with: every plug-in failed,
   * or one did and StopOnPluginFailure is set. Returns whether it did.
   */
  private boolean pluginsFailedTheAttempt(NodeProgress node) {
    boolean all = !node.pluginFailures.isEmpty() && node.pluginFailures.size() >= plugins.size();
    boolean stop = !node.pluginFailures.isEmpty() && options.stopOnPluginFailure();
    if (all || stop) {
      failAttempt(node, String.join("; ", node.pluginFailures.values()), false);
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- failures, retries, timers

  private void failAttempt(NodeProgress node, String reason, boolean fatal) {
    boolean willRetry = !fatal && policy.mayRetry(node.attempts, options.maxRetriesPerNode()) && cancelReason == null;
    publish(new NodeAttemptFailed(runId, now, node.name, node.attempts, reason, willRetry));
    node.reason = reason;
    if (fatal) {
      node.fatal = true;
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.attemptFailure = reason;
    advance(node);
  }

  private void retryOrGiveUp(NodeProgress node) {
    if (!policy.mayRetry(node.attempts, options.maxRetriesPerNode())) {
      node.reason = "Gave up after " + node.attempts + " attempts; last failure: " + node.attemptFailure;
      node.moveTo(runId, NodePhase.DONE);
      finishNode(node);
      return;
    }
    node.attempts++;
    node.reason = null;
    node.resetAttempt();
    scan(node);
  }

  private void onTimer(Timer timer) {
    switch (timer.kind()) {
      case REBOOT -> onRebootTimeout(node(timer.node()));
      case CALL -> onCallTimeout(timer.call());
      case SUSPEND_RETRY -> {
        // Time has passed since the quorum guard cleared the node: ask it again first.
        NodeProgress node = node(timer.node());
        node.quorumCleared = false;
        node.restartCleared = false;
        advance(node);
      }
      case STORAGE_POLL -> call(node(timer.node()), new Operation.ObserveCluster());
      case WARN_AFTER -> warn("", "The run has not completed after WarnAfter (" + minutes(options.warnAfter().orElseThrow()) + ")");
      case STOP_AFTER -> cancel("StopAfter (" + minutes(options.stopAfter().orElseThrow()) + ") elapsed before the run completed");
    }
  }

  // ---------------------------------------------------------------- between nodes

  private void finishNode(NodeProgress node) {
    NodeResult nodeResult = node.toResult();
    if (nodeResult.status() == SummaryStatus.FAILED) {
      failedNodes++;
    }
    publish(new NodeFinished(runId, now, nodeResult));
    if (phase != RunPhase.UPDATING || node != currentNode()) {
      return;
    }
    if (cancelReason != null) {
      endRun();
    } else if (stopReason != null) {
      stopRun(stopReason);
    } else if (tooManyFailed()) {
      stopRun(failureLimitReason());
    } else {
      if ((node.everCycled || node.restarts > 0) && hasNodesLeft()) {
        storageWaitSince = now;
        call(node, new Operation.ObserveCluster());
      } else {
        nextNode();
      }
    }
  }

  /** After a node returns, the next one goes down only once storage has finished repairing. */
  private void onStorageObserved(NodeProgress node, CallResult result) {
    if (cancelReason != null) {
      endRun();
      return;
    }
    Instant since = storageWaitSince == null ? now : storageWaitSince;
    if (result instanceof CallResult.Observed observed && observed.snapshot().storage().isSettled()) {
      storageWaitSince = null;
      nextNode();
      return;
    }
    Duration waited = Duration.between(since, now);
    if (waited.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.waitForStorageRepairTimeout()) > 0) {
      String seen = result instanceof CallResult.Observed observed
          ? observed.snapshot().storage().status() + " with " + observed.snapshot().storage().runningRepairJobs() + " repair jobs running"
          : "unknown: " + ((CallResult.Failed) result).message();
      stopRun("Storage did not finish repairing within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ") after node \"" + node.name + "\" returned; storage is " + seen);
      return;
    }
    startTimer(TimerKind.STORAGE_POLL, node.name, RunOptions.STORAGE_POLL_INTERVAL);
  }

  private boolean hasNodesLeft() {
    return order.subList(current + 1, order.size()).stream().anyMatch(n -> n.phase != NodePhase.DONE);
  }

  private @Nullable NodeProgress currentNode() {
    return current >= 0 && current < order.size() ? order.get(current) : null;
  }

  private boolean tooManyFailed() {
    return failedNodes > maxFailedNodes;
  }

  private String failureLimitReason() {
    return failedNodes + " nodes failed, more than MaxFailedNodes (" + maxFailedNodes + ")";
  }

  // ---------------------------------------------------------------- cancel and the end of the run

  private void cancel(String reason) {
    if (cancelReason != null) {
      return;
    }
    cancelReason = reason;
    out.add(new Command.RaiseCancellation());
    if (phase == RunPhase.SCANNING || phase == RunPhase.NOT_STARTED) {
      endRun();
      return;
    }
    NodeProgress node = currentNode();
    boolean waitingForCall = node != null && work.waitsForCallOn(node.name);
    if (node == null || waitingForCall) {
      return; // the node in progress reaches a safe point when its call returns
    }
    cancelTimers(node, TimerKind.SUSPEND_RETRY);
    cancelTimers(node, TimerKind.STORAGE_POLL);
    if (node.phase == NodePhase.DONE) {
      endRun();
    } else {
      advance(node);
    }
  }

  private void endNodeForCancel(NodeProgress node) {
    node.moveTo(runId, NodePhase.DONE);
    boolean workComplete = !node.results.isEmpty() && node.attemptFailure == null && node.pluginFailures.isEmpty()
        && node.installQueue.isEmpty() && !node.rebootNeeded && !node.rescanNeeded
        && (options.postUpdateScript().isEmpty() || node.postScriptDone);
    if (node.results.isEmpty() && !node.everCycled) {
      node.canceled = true;
      node.reason = "Canceled before the node was changed: " + cancelReason;
    } else if (!workComplete) {
      node.reason = "The run was canceled while the node was being updated: " + cancelReason;
    }
    finishNode(node);
  }

  private void endRun() {
    for (NodeProgress node : order) {
      if (node.phase != NodePhase.DONE) {
        node.moveTo(runId, NodePhase.DONE);
        node.canceled = true;
        node.reason = "Canceled before the node was changed: " + cancelReason;
        publish(new NodeFinished(runId, now, node.toResult()));
      }
    }
    finishRun();
  }

  private void stopRun(String reason) {
    stopReason = reason;
    for (NodeProgress node : order) {
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
    work.cancelAllTimers(out);
    List<NodeResult> results = order.stream().map(NodeProgress::toResult).toList();
    SummaryStatus status;
    String reason = cancelReason != null ? cancelReason : stopReason;
    if (cancelReason != null) {
      status = SummaryStatus.CANCELED;
    } else if (reason != null) {
      status = SummaryStatus.FAILED;
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

  private NodeProgress node(String name) {
    NodeProgress node = nodes.get(name);
    if (node == null) {
      throw new IllegalStateException("Run " + runId + " has no node \"" + name + "\"");
    }
    return node;
  }

  /** Queues, in plug-in order, each plug-in that has updates pending on the node. */
  private static void queuePluginsWithUpdates(NodeProgress node) {
    node.installQueue.clear();
    node.installQueue.addAll(pluginsWithUpdates(node));
  }

  private static List<String> pluginsWithUpdates(NodeProgress node) {
    return node.pending.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  private void call(NodeProgress node, Operation operation) {
    // A restarted node is waited for within the reboot timeout, not the operation timeout.
    work.call(out, now, node.name, node.name, operation,
        operation instanceof Operation.AwaitReady ? null : options.operationTimeout());
  }

  /** A call did not return in time: a read counts as failed; a change leaves the node as it was. */
  private void onCallTimeout(int callToken) {
    PendingWork.Call call = work.abandon(out, callToken);
    if (call == null) {
      return;
    }
    NodeProgress node = node(call.target());
    Operation operation = call.operation();
    String message = operation.getClass().getSimpleName() + " on node \"" + node.name
        + "\" did not return within the operation timeout of " + minutes(options.operationTimeout());
    boolean readOnly = operation instanceof Operation.ScanUpdates || operation instanceof Operation.StageUpdates
        || operation instanceof Operation.ObserveCluster || operation instanceof Operation.CheckRemoteShutdown;
    Operation lost = node.inDoubt;
    if (lost != null && operation instanceof Operation.ObserveCluster) {
      node.inDoubt = null;
      onInDoubtObserved(node, lost, CallResult.Failed.of(message));
      return;
    }
    if (readOnly) {
      onCallCompleted(node, operation, CallResult.Failed.of(message));
      return;
    }
    // The operation may still be running on the node: touch it no more, and say how it was left.
    work.abandonCallsOf(out, node.name);
    failAttempt(node, message + "; the node was left as it was" + (node.suspendedByUs || operation instanceof Operation.Suspend
        ? " and may still be paused by the run" : ""), true);
  }

  private void startTimer(TimerKind kind, String node, Duration delay) {
    work.startTimer(out, now, kind, node, delay);
  }

  private void cancelTimers(NodeProgress node, TimerKind kind) {
    work.cancelTimers(out, node.name, kind);
  }

  private void step(NodeProgress node, NodeStep step) {
    publish(new NodeStepStarted(runId, now, node.name, step, node.attempts));
  }

  private void warn(String node, String message) {
    publish(new OperationMessage(runId, now, node, true, message));
  }

  private void publish(RunEvent event) {
    out.add(new Command.Publish(event));
  }
}
