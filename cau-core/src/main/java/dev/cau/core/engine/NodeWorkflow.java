package dev.cau.core.engine;

import static dev.cau.core.engine.EngineText.minutes;
import static dev.cau.core.engine.EngineText.stateOf;
import static dev.cau.core.engine.EngineText.titles;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.DrainMode;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.ScriptRequest.ScriptPhase;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeScanned;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.UpdatesInstalled;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.journal.CallResult;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.core.options.WorkflowOrder;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.text.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One node's update, the same for every kind of run: its phase, what its current
 * {@link Attempt} has done, the planner that picks its next step ({@link #advance}) and a handler
 * for each call's result. Owned and driven by {@link RunStateMachine}, which decides when the node
 * is taken ({@link #begin}) and when it may pass the holds of an offline update.
 *
 * <p>An attempt goes: check the remote-restart firewall rule, stage, run the pre-update script,
 * ask the quorum guard and suspend, install plug-in after plug-in, ask the guard again and
 * restart (or wait while a plug-in restarts the node itself), wait for the node within the reboot
 * timeout, scan again for updates that apply only now (bounded passes; by default a pass whose
 * updates need staging resumes the node, stages them and drains it again, so that no download
 * falls inside the drained window), resume with failback, run the post-update script. Steps that
 * are not needed are skipped. A failed attempt first brings the node back to service, then is
 * retried or given up; a cancel or a stopping run does the same and then ends the node. When a
 * step that changes the node comes before the suspend, the attempt starts with the quorum guard.
 */
final class NodeWorkflow {
  final String name;
  private final WorkflowHost run;
  private final RunOptions options;
  private NodePhase phase = NodePhase.PENDING;
  private int attempts;
  private int restarts;
  private final List<InstallResult> results = new ArrayList<>();
  /** The node was paused by someone else before the run; the run never resumes it. */
  private boolean pausedBeforeRun;
  /** The run paused this node and has not resumed it yet. */
  private boolean suspendedByUs;
  /** The node was ever taken out of service by the run, for the storage wait after it. */
  private boolean everCycled;
  private @Nullable RebootMode bootType;
  private boolean restartPending;
  /** The node's boot identity as read right before its latest restart was cleared; "" if unknown. */
  private String bootIdBeforeRestart = "";
  /** A suspend or restart whose answer a crashed coordinator lost; a look at the cluster decides it. */
  private @Nullable Operation inDoubt;
  private Attempt attempt = new Attempt();
  /** Why the node did not succeed; set when the engine gives up on it. */
  private @Nullable String reason;
  private boolean fatal;
  private boolean canceled;

  NodeWorkflow(String name, WorkflowHost run) {
    this.name = name;
    this.run = run;
    this.options = run.options();
  }

  // ---------------------------------------------------------------- what the run reads

  NodePhase phase() {
    return phase;
  }

  boolean isDone() {
    return phase == NodePhase.DONE;
  }

  boolean hasPending() {
    return attempt.hasPending();
  }

  boolean isSuspendedByUs() {
    return suspendedByUs;
  }

  /** Whether the run took the node out of service or restarted it, so that storage resyncs after it. */
  boolean wentDown() {
    return everCycled || restarts > 0;
  }

  void markPausedBeforeRun() {
    pausedBeforeRun = true;
  }

  /** Remembers a suspend or restart whose answer was lost with the previous coordinator. */
  void markInDoubt(Operation lost) {
    inDoubt = lost;
  }

  /**
   * What a coordinator that took the run over calls for an install whose answer was lost. A
   * plug-in that restarts the node itself may still be restarting it: the node is waited for first,
   * within PluginRestartTimeoutMinutes as after such an install, and the install is repeated once
   * the node is ready, unless the run was canceled or is stopping by then. Any other install is
   * repeated at once.
   */
  Operation repeatInstall(Operation.InstallUpdates install) {
    if (!attempt.restartingPlugins.contains(install.plugin())) {
      return install.afterInterruption();
    }
    attempt.interruptedInstall = install;
    attempt.restartingPlugin = install.plugin();
    moveTo(NodePhase.AWAITING_READY);
    run.startTimer(TimerKind.REBOOT, name, options.pluginRestartTimeout());
    return new Operation.AwaitReady(options.pluginRestartTimeout());
  }

  /** Takes the suspend or restart in doubt, if any, for the look at the cluster that decides it. */
  @Nullable Operation takeInDoubt() {
    Operation lost = inDoubt;
    inDoubt = null;
    return lost;
  }

  /** CAU's summary status of the node, from its install results and whether it failed. */
  SummaryStatus status() {
    if (canceled) {
      return SummaryStatus.CANCELED;
    }
    if (fatal) {
      return SummaryStatus.FAILED;
    }
    long succeeded = results.stream().filter(r -> r.code() == UpdateResultCode.SUCCEEDED).count();
    boolean failedUpdates = results.stream().anyMatch(r -> r.code().isFailure());
    if (reason == null && !failedUpdates) {
      return SummaryStatus.SUCCEEDED;
    }
    return succeeded > 0 ? SummaryStatus.PARTIALLY_FAILED : SummaryStatus.FAILED;
  }

  NodeResult toResult() {
    SummaryStatus status = status();
    String shownReason = reason;
    if (shownReason == null && status != SummaryStatus.SUCCEEDED) {
      long failed = results.stream().filter(r -> r.code().isFailure()).count();
      shownReason = Counts.ofTotal(failed, results.size(), "update") + " failed";
    }
    return new NodeResult(name, status, results, attempts, restarts, bootType, restartPending, shownReason);
  }

  // ---------------------------------------------------------------- the one transition

  /**
   * Moves the node to another phase, checked against the closed table, and publishes the step
   * that the phase starts: the only place where a node's phase changes.
   */
  private void moveTo(NodePhase next) {
    if (!phase.canMoveTo(next)) {
      throw new IllegalTransitionException(run.runId(), name, phase, next);
    }
    NodePhase from = phase;
    phase = next;
    run.phaseChanged(from, next);
    NodeStep step = next.step();
    if (step != null) {
      run.publish(new NodeStepStarted(run.runId(), run.now(), name, step, attempts));
    }
  }

  // ---------------------------------------------------------------- scans and the start of an attempt

  /** Scans with every plug-in: all at once, or one after another with RunPluginsSerially. */
  void scan() {
    moveTo(NodePhase.SCANNING);
    attempt.pending.clear();
    callPlugins(run.plugins(), Operation.ScanUpdates::new);
  }

  /** The run takes the node: its first attempt begins. */
  void begin() {
    attempts = 1;
    beginAttempt();
  }

  private void beginAttempt() {
    if (pluginsFailedTheAttempt()) {
      return;
    }
    if (attempts == 1 && !attempt.hasPending() && attempt.pluginFailures.isEmpty() && skipsCompliantNodes()) {
      end();
      return;
    }
    attempt.passes = 0;
    attempt.rebootNeeded = run.shape().drainsNodes() && options.pauseMode() == PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT;
    attempt.queuePluginsWithUpdates();
    advance();
  }

  private boolean skipsCompliantNodes() {
    return run.shape().drainsNodes() && options.skipCompliantNodes();
  }

  private void callPlugins(List<String> names, Function<String, Operation> operation) {
    attempt.callQueue.clear();
    attempt.callQueue.addAll(names);
    attempt.callsOutstanding = 0;
    if (options.runPluginsSerially()) {
      nextPluginCall(operation);
    } else {
      while (!attempt.callQueue.isEmpty()) {
        nextPluginCall(operation);
      }
    }
  }

  private void nextPluginCall(Function<String, Operation> operation) {
    String plugin = attempt.callQueue.poll();
    if (plugin != null) {
      attempt.callsOutstanding++;
      run.call(name, operation.apply(plugin));
    }
  }

  /** Notes one plug-in call's end; returns whether every plug-in call of the step has ended. */
  private boolean pluginCallEnded(Operation ended) {
    attempt.callsOutstanding--;
    if (options.stopOnPluginFailure() && !attempt.pluginFailures.isEmpty()) {
      attempt.callQueue.clear();
    } else if (!attempt.callQueue.isEmpty() && options.runPluginsSerially()) {
      nextPluginCall(plugin -> ended instanceof Operation.StageUpdates
          ? new Operation.StageUpdates(plugin, pendingOf(plugin))
          : new Operation.ScanUpdates(plugin));
    }
    return attempt.callsOutstanding == 0 && attempt.callQueue.isEmpty();
  }

  /** What a plug-in's first scan offered, while the node waits for its turn in {@code SCANNED}. */
  List<Update> firstScanOf(String plugin) {
    return pendingOf(plugin);
  }

  private List<Update> pendingOf(String plugin) {
    return attempt.pending.getOrDefault(plugin, List.of());
  }

  private void onScanned(Operation.ScanUpdates scan, CallResult result) {
    if (result instanceof CallResult.Scanned scanned) {
      List<Update> offered = scanned.updates();
      if (phase == NodePhase.RESCANNING) {
        // An update that failed in this attempt is offered again; it is not retried here.
        offered = offered.stream().filter(u -> !attempt.failedUpdates.contains(u.id())).toList();
      }
      attempt.pending.put(scanned.plugin(), offered);
      if (scanned.restartsNodeItself()) {
        attempt.restartingPlugins.add(scanned.plugin());
      }
      if (!scanned.stages()) {
        attempt.stagingNothing.add(scanned.plugin());
      }
    } else if (result instanceof CallResult.Failed failed) {
      attempt.pluginFailures.putIfAbsent(scan.plugin(), "Scan by \"" + scan.plugin() + "\" failed: " + failed.message());
    }
    if (!pluginCallEnded(scan)) {
      return;
    }
    Map<String, List<Update>> ordered = new LinkedHashMap<>();
    run.plugins().forEach(p -> ordered.put(p, pendingOf(p)));
    attempt.pending.clear();
    attempt.pending.putAll(ordered);

    if (phase == NodePhase.RESCANNING) {
      if (!pluginsFailedTheAttempt()) {
        afterRescan();
      }
    } else if (attempts == 0) {
      // The run's first scan: the node waits for the rollout policy to take it.
      moveTo(NodePhase.SCANNED);
      run.publish(new NodeScanned(run.runId(), run.now(), name, attempt.allPending()));
      run.nodeHolds(this);
    } else {
      beginAttempt();
    }
  }

  // ---------------------------------------------------------------- the planner

  /**
   * Takes the node's next step, decided from what the attempt has done so far. Every completed
   * call of the node comes back here.
   */
  void advance() {
    Attempt a = attempt;
    if (a.failure != null || run.cancelReason() != null || run.stopReason() != null) {
      windDown();
    } else if (judgeBeforeChanges()) {
      clear(); // before the firewall rule, the staging or the pre-update script changes the node
    } else if (!a.completed.contains(NodePhase.FIREWALL_CHECK) && needsFirewallCheck()) {
      moveTo(NodePhase.FIREWALL_CHECK);
      run.call(name, new Operation.CheckRemoteShutdown(options.enableFirewallRules()));
    } else if (!a.completed.contains(NodePhase.STAGING) && a.hasPending()) {
      moveTo(NodePhase.STAGING);
      callPlugins(a.pluginsWithUpdates(), p -> new Operation.StageUpdates(p, pendingOf(p)));
    } else if (run.shape().stopsCluster() && !run.clusterStopped()) {
      moveTo(NodePhase.PREPARED);
      run.nodeHolds(this);
    } else if (!a.completed.contains(NodePhase.PRE_SCRIPT) && options.preUpdateScript().isPresent()) {
      moveTo(NodePhase.PRE_SCRIPT);
      run.call(name, new Operation.RunScript(script(options.preUpdateScript(), ScriptPhase.PRE_UPDATE)));
    } else if (mustGoOutOfService() && !a.quorumCleared) {
      clear();
    } else if (mustGoOutOfService() && !suspendedByUs && !pausedBeforeRun) {
      suspend();
    } else if (!a.installQueue.isEmpty() && !a.restartBeforeNextPlugin) {
      install();
    } else if (a.rebootNeeded && restartAllowed() && !a.restartCleared) {
      clear(); // the cluster may have changed since the node went out of service: ask again
    } else if (a.rebootNeeded && restartAllowed()) {
      moveTo(NodePhase.RESTARTING);
      run.call(name, new Operation.Restart(options.rebootMode()));
    } else if (a.rebootNeeded) {
      // Do-not-restart: report the node as pending restart and go on.
      a.rebootNeeded = false;
      restartPending = true;
      advance();
    } else if (a.rescanNeeded) {
      moveTo(NodePhase.RESCANNING);
      a.rescanNeeded = false;
      a.pending.clear();
      callPlugins(run.plugins(), Operation.ScanUpdates::new);
    } else if (suspendedByUs) {
      resume();
    } else if (!a.completed.contains(NodePhase.POST_SCRIPT) && options.postUpdateScript().isPresent()) {
      if (run.shape().stopsCluster() && !run.clusterRestarted()) {
        moveTo(NodePhase.UPDATED);
        run.nodeHolds(this);
      } else {
        moveTo(NodePhase.POST_SCRIPT);
        run.call(name, new Operation.RunScript(script(options.postUpdateScript(), ScriptPhase.POST_UPDATE)));
      }
    } else if (!a.pluginFailures.isEmpty()) {
      failAttempt(String.join("; ", a.pluginFailures.values()), false);
    } else {
      end();
    }
  }

  /**
   * Whether the quorum guard judges the node now, at the start of an attempt, because a step that
   * changes the node (enabling the firewall rule, the staging, the pre-update script) comes before the
   * {@code CLEARING} that precedes the suspend. A run that the guard would refuse then touches
   * nothing; the guard is still asked again right before the node goes down.
   */
  private boolean judgeBeforeChanges() {
    Attempt a = attempt;
    return !a.judgedBeforeChanges && !a.cycled && !a.quorumCleared && mustGoOutOfService() && changesAheadOfClearing();
  }

  private boolean changesAheadOfClearing() {
    Attempt a = attempt;
    boolean firewallMayChange = options.enableFirewallRules() && needsFirewallCheck();
    return (!a.completed.contains(NodePhase.FIREWALL_CHECK) && firewallMayChange)
        || (!a.completed.contains(NodePhase.STAGING) && a.hasPending())
        || (!a.completed.contains(NodePhase.PRE_SCRIPT) && options.preUpdateScript().isPresent());
  }

  private boolean needsFirewallCheck() {
    return run.shape().checksFirewallOfEveryNode() || (attempt.hasPending() && restartAllowed());
  }

  /**
   * Whether the node has to go out of service (and so be cleared by the quorum guard) for what
   * remains. In an offline update the stopped cluster takes every node out of service.
   */
  private boolean mustGoOutOfService() {
    if (!run.shape().drainsNodes()) {
      return false;
    }
    Attempt a = attempt;
    boolean restart = (a.rebootNeeded && restartAllowed()) || queuesRestartingPlugin(a);
    boolean installsWhileDrained = options.workflowOrder() == WorkflowOrder.DRAIN_THEN_INSTALL && !a.installQueue.isEmpty();
    boolean forcedCycle = !a.cycled && !options.skipCompliantNodes() && a.passes == 0;
    return restart || installsWhileDrained || forcedCycle;
  }

  private static boolean queuesRestartingPlugin(Attempt a) {
    if (a.restartingPlugins.isEmpty()) {
      return false;
    }
    for (String plugin : a.installQueue) {
      if (a.restartingPlugins.contains(plugin)) {
        return true;
      }
    }
    return false;
  }

  private boolean restartAllowed() {
    return !options.suspendReboot();
  }

  private ScriptRequest script(Optional<String> path, ScriptPhase scriptPhase) {
    String key = run.runId() + "/" + name + "/" + attempts + "/" + scriptPhase;
    return new ScriptRequest(path.orElseThrow(), options.configurationName(), scriptPhase, key);
  }

  /** Reads the cluster before the node goes down: for the quorum guard, and the node's boot identity. */
  private void clear() {
    moveTo(NodePhase.CLEARING);
    run.call(name, new Operation.ObserveCluster());
  }

  private void suspend() {
    moveTo(NodePhase.SUSPENDING);
    DrainMode drain = switch (options.pauseMode()) {
      case DRAIN -> DrainMode.DRAIN;
      case FORCE_PAUSE_NO_DRAIN -> DrainMode.NONE;
      case FORCE_PAUSE_AND_DRAIN, FORCE_PAUSE_DRAIN_AND_REBOOT -> DrainMode.FORCE_DRAIN;
    };
    run.call(name, new Operation.Suspend(new SuspendRequest(drain, options.migrationMode())));
  }

  private void install() {
    Attempt a = attempt;
    if (a.nextInstallRestarts() && !a.restartCleared) {
      clear(); // the plug-in restarts the node: cleared as a restart is
      return;
    }
    String plugin = a.installQueue.remove();
    moveTo(NodePhase.INSTALLING);
    run.call(name, new Operation.InstallUpdates(plugin, pendingOf(plugin)));
  }

  private void resume() {
    moveTo(NodePhase.RESUMING);
    run.call(name, new Operation.Resume(options.failbackMode()));
  }

  // ---------------------------------------------------------------- call results

  void onCallCompleted(Operation operation, CallResult result) {
    if (operation instanceof Operation.ScanUpdates scan) {
      onScanned(scan, result);
    } else if (result instanceof CallResult.Failed failed) {
      onCallFailed(operation, failed);
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      attempt.completed.add(NodePhase.FIREWALL_CHECK);
      advance();
    } else if (operation instanceof Operation.StageUpdates stage) {
      stageEnded(stage);
    } else if (operation instanceof Operation.RunScript script && result instanceof CallResult.ScriptEnded ended) {
      onScriptEnded(script, ended);
    } else if (operation instanceof Operation.ObserveCluster && result instanceof CallResult.Observed observed) {
      onObserved(observed.snapshot());
    } else if (operation instanceof Operation.Suspend) {
      suspendedByUs = true;
      attempt.cycled = true;
      everCycled = true;
      advance();
    } else if (operation instanceof Operation.InstallUpdates && result instanceof CallResult.Installed installed) {
      onInstalled(installed);
    } else if (operation instanceof Operation.Restart && result instanceof CallResult.Restarted restarted) {
      attempt.restartCleared = false;
      restarts++;
      bootType = restarted.mode();
      awaitReady(options.rebootTimeout());
    } else if (operation instanceof Operation.AwaitReady && result instanceof CallResult.Ready ready) {
      onReady(ready.ready());
    } else if (operation instanceof Operation.Resume) {
      suspendedByUs = false;
      advance();
    } else {
      throw new IllegalStateException(
          "Run " + run.runId() + ": unexpected result " + result + " for " + operation + " on \"" + name + "\"");
    }
  }

  private void stageEnded(Operation.StageUpdates stage) {
    if (pluginCallEnded(stage) && !pluginsFailedTheAttempt()) {
      attempt.completed.add(NodePhase.STAGING);
      advance();
    }
  }

  private void onScriptEnded(Operation.RunScript script, CallResult.ScriptEnded ended) {
    boolean pre = script.request().phase() == ScriptPhase.PRE_UPDATE;
    if (!ended.outcome().succeeded()) {
      failAttempt((pre ? "PreUpdateScript" : "PostUpdateScript") + " \"" + script.request().path()
          + "\" exited with code " + ended.outcome().exitCode() + ": " + ended.outcome().detail(), false);
      return;
    }
    attempt.completed.add(pre ? NodePhase.PRE_SCRIPT : NodePhase.POST_SCRIPT);
    advance();
  }

  private void onCallFailed(Operation operation, CallResult.Failed failed) {
    String message = failed.message();
    if (operation instanceof Operation.AwaitReady) {
      onRebootTimeout();
    } else if (operation instanceof Operation.Resume) {
      // A node we cannot resume stays paused: say so, and do not try it again.
      fatal = true;
      reason = "Node \"" + name + "\" could not be resumed and was left paused: " + message;
      end();
    } else if (operation instanceof Operation.CheckRemoteShutdown) {
      failAttempt(message, true);
    } else if (operation instanceof Operation.Suspend && failed.storageDegraded()) {
      onSuspendRefused(message);
    } else if (operation instanceof Operation.StageUpdates stage) {
      // The plug-in that failed to stage installs nothing in this attempt; the others go on.
      attempt.pluginFailures.putIfAbsent(stage.plugin(), message);
      attempt.pending.put(stage.plugin(), List.of());
      attempt.installQueue.remove(stage.plugin());
      stageEnded(stage);
    } else if (operation instanceof Operation.InstallUpdates install && run.plugins().size() > 1
        && !options.stopOnPluginFailure()) {
      attempt.pluginFailures.putIfAbsent(install.plugin(), message);
      installCallEnded();
      advance();
    } else {
      if (operation instanceof Operation.Suspend) {
        suspendedByUs = true; // a drain may have paused the node before it failed
      }
      failAttempt(message, false);
    }
  }

  /**
   * The cluster as read before the node goes down. In a rolling run the quorum guard judges every
   * node the run would then have down; a check at the start of an attempt, before anything
   * changes the node, only lets the attempt go on; the first check after it clears the node to go
   * out of service, a later one (right before a restart) clears that restart. The node's boot
   * identity is kept, so that a coordinator that takes the run over can tell whether a restart it
   * lost happened. A node to drain again for a further pass also waits here for storage.
   */
  private void onObserved(ClusterSnapshot snapshot) {
    bootIdBeforeRestart = snapshot.node(name).map(NodeSnapshot::bootId).orElse("");
    Attempt a = attempt;
    if (!run.shape().drainsNodes()) {
      a.restartCleared = true;
      advance();
      return;
    }
    List<String> down = new ArrayList<>(run.outOfServiceBesides(name));
    down.add(name);
    QuorumDecision decision = run.orchestration().mayTakeDown(snapshot, down, options.quorumPolicy());
    if (!decision.allowed()) {
      run.refuse("The quorum guard refused to take node \"" + name + "\" down. " + decision.reason());
      reason = "Refused by the quorum guard: " + decision.reason();
      advance();
      return;
    }
    if (judgeBeforeChanges()) {
      a.judgedBeforeChanges = true; // the node may go on; it is cleared again before it goes down
      advance();
      return;
    }
    if (a.cycled && !suspendedByUs && !pausedBeforeRun && !a.quorumCleared && !snapshot.storage().isSettled()) {
      awaitStorageBeforeDrainingAgain(snapshot);
      return;
    }
    a.storageWaitSince = null;
    if (decision.reliesOnDynamicQuorum()) {
      run.publish(new OperationMessage(run.runId(), run.now(), name, true, decision.reason()));
    }
    // A node in maintenance before the run is checked twice too, so that a restart after a long
    // install is judged on the cluster as it is then.
    boolean restartIsNext = ((a.rebootNeeded && a.installQueue.isEmpty()) || a.nextInstallRestarts())
        && (suspendedByUs || pausedBeforeRun);
    if (!a.quorumCleared) {
      a.quorumCleared = true;
      a.restartCleared = restartIsNext;
    } else {
      a.restartCleared = true;
    }
    advance();
  }

  /**
   * A node back in service for a further pass (its second-order updates were staged there) is
   * drained again only once clustered storage has finished repairing after its restart, as the
   * next node would be, within {@code WaitForStorageRepairTimeoutMinutes}; the cluster is read
   * again every poll interval. Past the timeout the run stops, as it does between nodes.
   */
  private void awaitStorageBeforeDrainingAgain(ClusterSnapshot snapshot) {
    Attempt a = attempt;
    if (a.storageWaitSince == null) {
      a.storageWaitSince = run.now();
    }
    Duration waited = Duration.between(a.storageWaitSince, run.now());
    if (waited.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.waitForStorageRepairTimeout()) > 0) {
      String why = "Storage did not finish repairing within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ") before node \"" + name
          + "\" could be drained again for the updates its re-scan found; storage is " + snapshot.storage().status()
          + " with " + snapshot.storage().runningRepairJobs() + " repair jobs running";
      run.refuse(why);
      reason = why;
      advance();
      return;
    }
    run.startTimer(TimerKind.SUSPEND_RETRY, name, RunOptions.STORAGE_POLL_INTERVAL);
  }

  /**
   * The look at the cluster that decides a suspend or restart whose answer the previous
   * coordinator lost. A restart happened if the node is down now, or if its boot identity changed
   * since it was read before the restart; a suspend happened if the node is paused. Otherwise the
   * step is cleared again and repeated.
   */
  void onInDoubtObserved(Operation lost, CallResult result) {
    if (!(result instanceof CallResult.Observed observed)) {
      onCallCompleted(lost, result); // as if the step itself had failed
      return;
    }
    Optional<NodeSnapshot> seen = observed.snapshot().node(name);
    NodeState state = stateOf(observed.snapshot(), name);
    if (lost instanceof Operation.Suspend && state == NodeState.PAUSED) {
      onCallCompleted(lost, new CallResult.Done());
    } else if (lost instanceof Operation.Restart && restartHappened(state, seen.map(NodeSnapshot::bootId).orElse(""))) {
      onCallCompleted(lost, new CallResult.Restarted(options.rebootMode()));
    } else {
      if (lost instanceof Operation.Suspend) {
        attempt.quorumCleared = false;
      }
      attempt.restartCleared = false;
      onObserved(observed.snapshot());
    }
  }

  private boolean restartHappened(NodeState state, String bootIdNow) {
    boolean down = state != NodeState.UP && state != NodeState.PAUSED;
    boolean rebooted = !bootIdBeforeRestart.isEmpty() && !bootIdNow.isEmpty() && !bootIdNow.equals(bootIdBeforeRestart);
    return down || rebooted;
  }

  private void onInstalled(CallResult.Installed installed) {
    Attempt a = attempt;
    results.addAll(installed.results());
    for (InstallResult r : installed.results()) {
      if (r.code().isFailure()) {
        a.failedUpdates.add(r.update().id());
      }
      if (r.rebootRequired()) {
        a.rebootNeeded = true;
        a.restartBeforeNextPlugin = run.shape().drainsNodes() && options.separateReboots() && restartAllowed();
      }
    }
    run.publish(new UpdatesInstalled(run.runId(), run.now(), name, installed.plugin(), installed.results()));
    installCallEnded();
    if (a.restartingPlugins.contains(installed.plugin())) {
      // The plug-in restarts the node itself, as often as it needs: wait for it, never restart it.
      a.restartCleared = false;
      a.restartingPlugin = installed.plugin();
      awaitReady(options.pluginRestartTimeout());
    } else {
      advance();
    }
  }

  private void installCallEnded() {
    if (options.stopOnPluginFailure() && !attempt.pluginFailures.isEmpty()) {
      attempt.installQueue.clear();
    }
    if (attempt.installQueue.isEmpty()) {
      attempt.passes++;
      attempt.rescanNeeded = true;
    }
  }

  /** A restarted node is waited for within its restart timeout, not the operation timeout. */
  private void awaitReady(Duration timeout) {
    moveTo(NodePhase.AWAITING_READY);
    run.call(name, new Operation.AwaitReady(timeout));
    run.startTimer(TimerKind.REBOOT, name, timeout);
  }

  private void onReady(boolean ready) {
    run.cancelTimers(name, TimerKind.REBOOT);
    if (!ready) {
      onRebootTimeout();
      return;
    }
    Attempt a = attempt;
    Operation.InstallUpdates interrupted = a.interruptedInstall;
    a.interruptedInstall = null;
    // A run canceled or stopping while the node restarted repeats no install: the node is
    // brought back as after any install, and what the lost one did is left as the node has it.
    if (interrupted != null && run.cancelReason() == null && run.stopReason() == null) {
      moveTo(NodePhase.INSTALLING);
      run.call(name, interrupted.afterInterruption());
      return;
    }
    a.rebootNeeded = false;
    a.restartBeforeNextPlugin = false;
    a.restartingPlugin = null;
    a.rescanNeeded = a.installQueue.isEmpty();
    advance();
  }

  /** The node did not come back within its restart timeout. */
  void onRebootTimeout() {
    run.cancelTimers(name, TimerKind.REBOOT);
    run.abandonCallsOf(name);
    String plugin = attempt.restartingPlugin;
    String within = plugin == null
        ? "within the reboot timeout of " + minutes(options.rebootTimeout())
        : "within PluginRestartTimeoutMinutes (" + minutes(options.pluginRestartTimeout())
            + ") after plug-in \"" + plugin + "\" restarted it";
    failAttempt("Node \"" + name + "\" did not come back " + within + "; it was left "
        + (run.shape().drainsNodes() ? "suspended and not running" : "not running"), true);
  }

  private void afterRescan() {
    Attempt a = attempt;
    if (!a.hasPending()) {
      advance();
      return;
    }
    if (a.passes >= options.maxUpdatePasses()) {
      int stillPending = a.allPending().size();
      reason = Counts.of(stillPending, "update") + " " + Counts.inNumber(stillPending, "was", "were")
          + " still applicable after " + Counts.of(a.passes, "install pass", "install passes") + " (the limit); the plug-in keeps reporting: " + titles(a.allPending());
      a.pending.clear();
      advance();
      return;
    }
    a.queuePluginsWithUpdates();
    // Updates that only now apply are staged (downloaded) before they are installed, as the first
    // pass's were, so that an install never has to fetch them itself.
    if (options.secondOrderStaging() == SecondOrderStaging.WHILE_DRAINED || !suspendedByUs) {
      // CAU's way, or a node the run did not drain: staged now, as the node is.
      moveTo(NodePhase.STAGING);
      callPlugins(a.pluginsWithUpdates(), p -> new Operation.StageUpdates(p, pendingOf(p)));
    } else if (!a.hasSomethingToStage()) {
      // Nothing to download: installed while the node is still drained, with no extra failover.
      a.completed.add(NodePhase.STAGING);
      advance();
    } else {
      // No download inside the drained window: back to service, staged there, then cleared by the
      // quorum guard and drained again for a further pass.
      a.completed.remove(NodePhase.STAGING);
      a.quorumCleared = false;
      a.restartCleared = false;
      resume();
    }
  }

  private void onSuspendRefused(String message) {
    Attempt a = attempt;
    if (a.degradedSince == null) {
      a.degradedSince = run.now();
    }
    Duration degradedFor = Duration.between(a.degradedSince, run.now());
    if (a.suspendRefusals < options.suspendRetriesPerNode()
        && degradedFor.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.suspendClusterNodeTimeout()) <= 0) {
      a.suspendRefusals++;
      run.startTimer(TimerKind.SUSPEND_RETRY, name, RunOptions.STORAGE_POLL_INTERVAL);
      return;
    }
    failAttempt("Clustered storage stayed degraded: the suspend was refused "
        + Counts.of(a.suspendRefusals + 1, "time") + " over " + minutes(degradedFor) + " (SuspendClusterNodeTimeoutMinutes "
        + minutes(options.suspendClusterNodeTimeout()) + ", SuspendRetriesPerNode "
        + options.suspendRetriesPerNode() + "): " + message, false);
  }

  /**
   * A suspend refused for degraded storage, or a drain again that waits for storage, is tried
   * again: time has passed, so the guard is asked again first.
   */
  void onSuspendRetry() {
    attempt.quorumCleared = false;
    attempt.restartCleared = false;
    advance();
  }

  /** A call that changes the node did not return in time: touch the node no more, and say how it was left. */
  void onChangeTimedOut(Operation operation, String message) {
    run.abandonCallsOf(name);
    boolean mayBePaused = run.shape().drainsNodes() && (suspendedByUs || operation instanceof Operation.Suspend);
    failAttempt(message + "; the node was left as it was" + (mayBePaused ? " and may still be paused by the run" : ""), true);
  }

  // ---------------------------------------------------------------- failures, retries and the end

  /**
   * Fails the attempt when plug-in failures leave nothing to go on with: every plug-in failed, or
   * one did and StopOnPluginFailure is set. Returns whether it did.
   */
  private boolean pluginsFailedTheAttempt() {
    Map<String, String> failures = attempt.pluginFailures;
    boolean all = !failures.isEmpty() && failures.size() >= run.plugins().size();
    boolean stop = !failures.isEmpty() && options.stopOnPluginFailure();
    if (all || stop) {
      failAttempt(String.join("; ", failures.values()), false);
      return true;
    }
    return false;
  }

  private void failAttempt(String failure, boolean fatalFailure) {
    boolean willRetry = !fatalFailure && mayRetry() && run.cancelReason() == null;
    run.publish(new NodeAttemptFailed(run.runId(), run.now(), name, attempts, failure, willRetry));
    reason = failure;
    if (fatalFailure) {
      fatal = true;
      end();
      return;
    }
    attempt.failure = failure;
    advance();
  }

  private boolean mayRetry() {
    return run.shape().retriesNodes() && run.orchestration().mayRetry(attempts, options.maxRetriesPerNode());
  }

  /** Back to service first; then the node is retried, given up, or ended for the cancel or the stop. */
  private void windDown() {
    boolean ending = run.cancelReason() != null || run.stopReason() != null;
    if (suspendedByUs && (ending || run.orchestration().resumeAfterFailedAttempt())) {
      resume();
    } else if (run.cancelReason() != null) {
      endForCancel();
    } else if (run.stopReason() != null) {
      endForStop();
    } else {
      retryOrGiveUp();
    }
  }

  private void retryOrGiveUp() {
    if (!mayRetry()) {
      if (run.shape().retriesNodes()) {
        reason = "Gave up after " + Counts.of(attempts, "attempt") + "; last failure: " + attempt.failure;
      }
      restartPending |= attempt.rebootNeeded && !results.isEmpty(); // installed, but the restart did not happen
      end();
      return;
    }
    attempts++;
    reason = null;
    attempt = new Attempt();
    scan();
  }

  /** Ends a node the run is canceled at, after it is back in service. */
  void endForCancel() {
    Attempt a = attempt;
    boolean workComplete = !results.isEmpty() && a.failure == null && a.pluginFailures.isEmpty()
        && a.installQueue.isEmpty() && !a.rebootNeeded && !a.rescanNeeded
        && (options.postUpdateScript().isEmpty() || a.completed.contains(NodePhase.POST_SCRIPT));
    if (results.isEmpty() && !everCycled && restarts == 0) {
      canceled = true;
      reason = "Canceled before the node was changed: " + run.cancelReason();
    } else if (!workComplete) {
      reason = "The run was canceled while the node was being updated: " + run.cancelReason();
    }
    restartPending |= a.rebootNeeded && !results.isEmpty();
    end();
  }

  /** Ends a node the run stops at, after it is back in service. */
  private void endForStop() {
    if (results.isEmpty() && !everCycled) {
      canceled = true; // nothing that changes the node has happened
    }
    restartPending = attempt.rebootNeeded && !results.isEmpty();
    end();
  }

  /** Ends a node that has nothing more to do, with the status its results give. */
  void complete() {
    end();
  }

  /** Ends a node that the run never changed, as canceled, with the reason. */
  void endUnchanged(String why) {
    canceled = true;
    reason = why;
    end();
  }

  /** Ends a node whose post-update script the run could not run. */
  void endWithoutPostScript(String why) {
    reason = "PostUpdateScript \"" + options.postUpdateScript().orElse("") + "\" was not run: " + why;
    end();
  }

  /** Ends a node that was down or unreachable when the run started. */
  void endUnreachable(String why) {
    fatal = true;
    reason = why;
    end();
  }

  private void end() {
    moveTo(NodePhase.DONE);
    run.nodeFinished(this);
  }
}
