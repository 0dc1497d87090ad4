package dev.cau.core.engine;

import static dev.cau.core.engine.EngineText.describe;
import static dev.cau.core.engine.EngineText.display;
import static dev.cau.core.engine.EngineText.minutes;
import static dev.cau.core.engine.EngineText.stateOf;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunFinished;
import dev.cau.api.event.RunStarted;
import dev.cau.api.plugin.Update;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.RunHeader.RunKind;
import dev.cau.core.journal.RunInput;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.core.policy.RolloutView;
import dev.cau.core.text.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one state machine of every updating run: given an input, it updates the run's state and
 * returns the commands to carry out next.
 *
 * <p>It does no I/O and reads no clock: every instant comes with an input. Fed the same inputs,
 * two machines return the same commands, which is what lets a journal be replayed and a
 * simulation be repeated exactly. Not thread-safe: the driver feeds it one input at a time.
 *
 * <p>The run scans every node, then its {@link RolloutPolicy} chooses which waiting nodes to take,
 * and each node taken goes through its {@link NodeWorkflow}. This class holds what is run-wide:
 * the nodes in flight as a set, the wait for storage to repair after nodes return, the failure
 * limit, cancel and stop, and, for an offline update, the stop-cluster / start-cluster bracket
 * around the nodes' updates ({@link RunShape}). A rolling run takes one node at a time in node
 * order ({@link RolloutPolicy#CAU}); an offline update takes every node at once
 * ({@link RolloutPolicy#ALL_AT_ONCE}), holds them prepared until the cluster has stopped, and
 * holds them updated until it has started again and storage has repaired.
 */
public final class RunStateMachine implements RunMachine {
  /** The nodes scanned and waiting for their turn, in node order, and how many have not finished their first scan. */
  private record Admission(List<String> waiting, int scanning) {}

  /** Where an offline update's bracket stands. */
  private enum Bracket { OPEN, STOPPING, STOPPED, STARTING, STARTED, RESTARTED }

  /** Nodes in these phases are still being prepared with the cluster running. */
  private static final Set<NodePhase> PREPARING = EnumSet.of(
      NodePhase.PENDING, NodePhase.SCANNING, NodePhase.SCANNED, NodePhase.FIREWALL_CHECK, NodePhase.STAGING);

  private final RunId runId;
  private final RunOptions options;
  private final RunShape shape;
  private final RolloutPolicy rollout;
  private final OrchestrationPolicy orchestration;
  private final List<String> plugins;
  private final List<String> scanReviewers;
  private final Host host = new Host();
  private final Map<String, NodeWorkflow> nodes = new LinkedHashMap<>();
  private final Set<String> inFlight = new LinkedHashSet<>();
  /**
   * The nodes waiting for the rollout policy, with the count still scanning, kept while no node
   * enters or leaves a phase they depend on and the nodes in flight stay the same: the run settles
   * after every input, and counting every node each time would cost a large cluster N^2.
   */
  private @Nullable Admission admission;
  private final PendingWork<TimerKind> work = new PendingWork<>(TimerKind.CALL);
  private final List<String> coordinators = new ArrayList<>();
  private boolean started;
  private boolean finished;
  /** Set while the run ends several nodes at once, so that their ends do not move the run on. */
  private boolean endingNodes;
  private String cluster = "";
  private Instant startedAt = Instant.EPOCH;
  private @Nullable ClusterSnapshot lastSeen;
  private int maxFailedNodes;
  private int failedNodes;
  private int finishedNodes;
  private Bracket bracket = Bracket.OPEN;
  private boolean waitingForStorage;
  private boolean scansReviewed;
  private boolean reviewingScans;
  private Instant storageWaitSince = Instant.EPOCH;
  /** The node after which the run waits for storage, or {@code null} after the cluster started again. */
  private @Nullable String storageWaitAfter;
  private @Nullable String stopReason;
  private @Nullable String cancelReason;
  /** Why the cluster could not be started again after an offline update; the run is Failed. */
  private @Nullable String startFailure;
  private @Nullable RunResult result;

  /** Commands produced by the input being applied. */
  private List<Command> out = new ArrayList<>();
  private Instant now = Instant.EPOCH;

  /**
   * Creates the machine of one run.
   *
   * @param runId the run
   * @param kind a rolling run or an offline update
   * @param options the run's options, already checked
   * @param rollout which waiting nodes the run takes when; an offline update takes every node at once
   * @param orchestration the decisions to take at the engine's decision points
   */
  public RunStateMachine(RunId runId, RunKind kind, RunOptions options, RolloutPolicy rollout,
      OrchestrationPolicy orchestration) {
    this(runId, kind, options, rollout, orchestration, List.of());
  }

  /**
   * Creates the machine of one run whose plug-ins review the first scans.
   *
   * @param runId the run
   * @param kind a rolling run or an offline update
   * @param options the run's options, already checked
   * @param rollout which waiting nodes the run takes when; an offline update takes every node at once
   * @param orchestration the decisions to take at the engine's decision points
   * @param scanReviewers the plug-ins shown every node's first scan before any node is touched
   */
  public RunStateMachine(RunId runId, RunKind kind, RunOptions options, RolloutPolicy rollout,
      OrchestrationPolicy orchestration, List<String> scanReviewers) {
    this.runId = runId;
    this.options = options;
    this.shape = RunShape.of(kind);
    this.rollout = rollout;
    this.orchestration = orchestration;
    this.plugins = options.plugins().stream().map(PluginSelection::name).toList();
    this.scanReviewers = List.copyOf(scanReviewers);
    this.scansReviewed = scanReviewers.isEmpty();
  }

  @Override
  public List<Command> apply(RunInput input) {
    out = new ArrayList<>();
    Instant lastStep = now;
    now = input.at();
    if (finished) {
      return List.of();
    }
    if (input instanceof RunInput.Started start) {
      coordinators.add(start.coordinator());
      start(start.snapshot());
    } else if (input instanceof RunInput.CallCompleted completed) {
      PendingWork.Call call = work.complete(out, completed.token());
      if (call != null) {
        onCallCompleted(call, completed.result());
      }
    } else if (input instanceof RunInput.TimerFired fired) {
      PendingWork.Timer<TimerKind> timer = work.fire(fired.token());
      if (timer != null) {
        onTimer(timer);
      }
    } else if (input instanceof RunInput.CancelRequested cancel) {
      cancel(cancel.reason());
    } else if (input instanceof RunInput.Resumed resumed) {
      takeOver(resumed.coordinator(), lastStep);
    }
    return out;
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  @Override
  public @Nullable RunResult result() {
    return result;
  }

  /** Where a node is, for tests of the machine. */
  NodePhase phaseOf(String node) {
    return node(node).phase();
  }

  // ---------------------------------------------------------------- start and takeover

  private void start(ClusterSnapshot snapshot) {
    if (started) {
      throw new IllegalStateException("Run " + runId + " was already started");
    }
    started = true;
    cluster = snapshot.name();
    startedAt = now;
    lastSeen = snapshot;
    List<String> names = NodeOrdering.order(snapshot, options.nodeOrder(), options.siteAwareUpdatingOrder());
    maxFailedNodes = options.effectiveMaxFailedNodes(snapshot.nodes().size());
    names.forEach(name -> nodes.put(name, new NodeWorkflow(name, host)));
    admission = null;
    publish(new RunStarted(runId, now, cluster, names));
    options.warnAfter().ifPresent(delay -> work.startTimer(out, now, TimerKind.WARN_AFTER, "", delay));
    options.stopAfter().ifPresent(delay -> work.startTimer(out, now, TimerKind.STOP_AFTER, "", delay));

    List<String> paused = names.stream().filter(n -> stateOf(snapshot, n) == NodeState.PAUSED).toList();
    List<String> offline = names.stream()
        .filter(n -> stateOf(snapshot, n) != NodeState.UP && stateOf(snapshot, n) != NodeState.PAUSED)
        .toList();
    if (!paused.isEmpty() && !options.bypassMaintenanceModeCheck()) {
      stop(describe(snapshot, paused) + " already in maintenance (paused); set BypassMaintenanceModeCheck"
          + " to update a cluster with nodes in maintenance");
      return;
    }
    if (!offline.isEmpty() && options.requireAllNodesOnline()) {
      stop("RequireAllNodesOnline is set and " + describe(snapshot, offline) + " not up");
      return;
    }
    paused.forEach(name -> node(name).markPausedBeforeRun());
    for (String name : offline) {
      node(name).endUnreachable("Node \"" + name + "\" was " + display(stateOf(snapshot, name)) + " when the run started");
    }
    if (tooManyFailed()) {
      stop(failureLimitReason());
      return;
    }
    nodes.values().stream().filter(n -> n.phase() == NodePhase.PENDING).toList().forEach(NodeWorkflow::scan);
    settle();
  }

  private void takeOver(String coordinator, Instant lastStep) {
    if (!started) {
      throw new IllegalStateException("Run " + runId + " cannot be resumed: it never started");
    }
    String previous = coordinators.get(coordinators.size() - 1);
    coordinators.add(coordinator);
    publish(new OperationMessage(runId, now, "", true, EngineText.takeover(previous, coordinator)));
    work.resume(out, now, lastStep, options.operationTimeout(), this::repeat);
  }

  /**
   * What to call for a call whose answer the previous coordinator lost. A suspend or a restart
   * may or may not have happened, and the cluster may have changed since it was cleared: look at
   * the cluster first, and either take the step as done or clear it again. An install is repeated,
   * after waiting for the node when its plug-in restarts the node itself.
   */
  private Operation repeat(PendingWork.Call call) {
    String node = call.node();
    if (node != null && (call.operation() instanceof Operation.Suspend || call.operation() instanceof Operation.Restart)) {
      node(node).markInDoubt(call.operation());
      return new Operation.ObserveCluster();
    }
    if (node != null && call.operation() instanceof Operation.InstallUpdates install) {
      return node(node).repeatInstall(install); // a plug-in may still be restarting the node: wait first
    }
    return PendingWork.repeatSafely(call);
  }

  // ---------------------------------------------------------------- taking nodes

  /** Moves the run on after anything changed: takes the nodes the policy chooses, and ends the run when all is done. */
  private void settle() {
    if (finished) {
      return;
    }
    admit();
    if (finished) {
      return;
    }
    if (shape.stopsCluster()) {
      settleBracket();
    } else if (inFlight.isEmpty() && !waitingForStorage && finishedNodes == nodes.size()) {
      finishRun();
    }
  }

  private void admit() {
    if (waitingForStorage || cancelReason != null || stopReason != null || bracket != Bracket.OPEN) {
      return;
    }
    Admission now = admission();
    List<String> waiting = now.waiting();
    int scanning = now.scanning();
    ClusterSnapshot cluster = lastSeen;
    if (waiting.isEmpty() || cluster == null) {
      return;
    }
    if (!scansReviewed) {
      reviewScans(scanning);
      return;
    }
    List<String> chosen = rollout.admit(new RolloutView(cluster, waiting, inFlight, scanning));
    Set<String> seen = new HashSet<>();
    for (String name : chosen) {
      if (!waiting.contains(name) || !seen.add(name)) {
        throw new IllegalStateException("Run " + runId + ": rollout policy " + rollout.descriptor()
            + " chose node \"" + name + "\", which is not waiting (waiting: " + waiting + ")");
      }
    }
    if (chosen.isEmpty() && inFlight.isEmpty() && scanning == 0) {
      throw new IllegalStateException("Run " + runId + ": rollout policy " + rollout.descriptor()
          + " takes none of the waiting nodes " + waiting + " while no node is in flight; the run could never end");
    }
    inFlight.addAll(chosen);
    admission = null;
    for (String name : chosen) {
      NodeWorkflow node = node(name);
      if (!finished && node.phase() == NodePhase.SCANNED) {
        node.begin();
      }
    }
  }

  /** The nodes waiting and the count scanning, worked out again only after they may have changed. */
  private Admission admission() {
    Admission known = admission;
    if (known != null) {
      return known;
    }
    List<String> waiting = new ArrayList<>();
    int scanning = 0;
    for (NodeWorkflow node : nodes.values()) {
      boolean taken = inFlight.contains(node.name);
      if (node.phase() == NodePhase.SCANNED && !taken) {
        waiting.add(node.name);
      } else if (node.phase() == NodePhase.PENDING || (node.phase() == NodePhase.SCANNING && !taken)) {
        scanning++;
      }
    }
    known = new Admission(List.copyOf(waiting), scanning);
    admission = known;
    return known;
  }

  /** Whether a node in this phase counts in {@link #admission()}: entering or leaving it may change who waits. */
  private static boolean countsForAdmission(NodePhase phase) {
    return phase == NodePhase.PENDING || phase == NodePhase.SCANNING || phase == NodePhase.SCANNED;
  }

  /** Once every node has been scanned, shows the first scans to the plug-ins that review them; no node is taken before. */
  private void reviewScans(int scanning) {
    if (scanning > 0 || reviewingScans) {
      return;
    }
    reviewingScans = true;
    Map<String, Map<String, List<Update>>> scans = new LinkedHashMap<>();
    for (String plugin : scanReviewers) {
      Map<String, List<Update>> byNode = new LinkedHashMap<>();
      inPhase(NodePhase.SCANNED).forEach(node -> byNode.put(node.name, node.firstScanOf(plugin)));
      scans.put(plugin, byNode);
    }
    clusterCall(new Operation.ReviewInitialScan(scans));
  }

  private void onScansReviewed(CallResult callResult) {
    reviewingScans = false;
    if (callResult instanceof CallResult.Failed refused) {
      stop(refused.message());
      return;
    }
    scansReviewed = true;
    settle();
  }

  private void afterNodeFinished(NodeWorkflow node) {
    if (shape.stopsCluster()) {
      settleBracket();
    } else if (cancelReason != null || stopReason != null) {
      if (inFlight.isEmpty()) {
        finishRun();
      }
    } else if (tooManyFailed()) {
      stop(failureLimitReason());
    } else if (node.wentDown() && anyNodeLeftToTake()) {
      waitForStorage(node.name);
    } else {
      settle();
    }
  }

  private boolean anyNodeLeftToTake() {
    for (NodeWorkflow n : nodes.values()) {
      if (!n.isDone() && !inFlight.contains(n.name)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the offline update's bracket

  /** Stops the cluster once every node is prepared, and starts it again once every node is updated. */
  private void settleBracket() {
    switch (bracket) {
      case OPEN -> {
        if (nodes.values().stream().anyMatch(n -> PREPARING.contains(n.phase()))) {
          return;
        }
        if (tooManyFailed()) {
          stop(failureLimitReason() + " while the nodes were prepared; the cluster was not stopped");
          return;
        }
        List<NodeWorkflow> prepared = inPhase(NodePhase.PREPARED);
        if (prepared.stream().noneMatch(NodeWorkflow::hasPending)) {
          endEach(prepared, NodeWorkflow::complete);
          finishRun(); // nothing to install: the cluster is not stopped
          return;
        }
        bracket = Bracket.STOPPING;
        info("Stopping cluster \"" + cluster + "\" for the offline update: every clustered role goes offline"
            + " until the cluster is started again");
        clusterCall(new Operation.StopCluster());
      }
      case STOPPED -> {
        if (nodes.values().stream().allMatch(n -> n.isDone() || n.phase() == NodePhase.UPDATED)) {
          startCluster();
        }
      }
      case RESTARTED -> {
        if (nodes.values().stream().allMatch(NodeWorkflow::isDone)) {
          finishRun();
        }
      }
      default -> {
        // STOPPING, STARTING, STARTED: a call on the cluster, or the storage wait, moves it on.
      }
    }
  }

  private void onClusterStopped() {
    List<NodeWorkflow> window = inPhase(NodePhase.PREPARED);
    if (cancelReason != null) {
      endEach(window, NodeWorkflow::endForCancel);
      startCluster();
      return;
    }
    info("Cluster \"" + cluster + "\" stopped; updating " + Counts.of(window.size(), "node") + " at once");
    bracket = Bracket.STOPPED;
    window.forEach(NodeWorkflow::advance);
  }

  private void startCluster() {
    bracket = Bracket.STARTING;
    info("Starting cluster \"" + cluster + "\" again");
    clusterCall(new Operation.StartCluster());
  }

  private void onClusterStarted() {
    info("Cluster \"" + cluster + "\" started");
    if (cancelReason != null || stopReason != null) {
      finishRun();
      return;
    }
    bracket = Bracket.STARTED;
    waitForStorage(null);
  }

  private void onClusterCallCompleted(Operation operation, CallResult callResult) {
    if (operation instanceof Operation.StopCluster) {
      if (callResult instanceof CallResult.Failed failed) {
        // Part of the cluster may have stopped: it is started again before the run ends.
        String why = "Cluster \"" + cluster + "\" could not be stopped for the offline update: " + failed.message();
        stopReason = why;
        endEach(inPhase(NodePhase.PREPARED), node -> node.endUnchanged("Not updated: " + why));
        startCluster();
      } else {
        onClusterStopped();
      }
    } else if (operation instanceof Operation.StartCluster) {
      if (callResult instanceof CallResult.Failed failed) {
        startFailure = stopReason == null
            ? "Cluster \"" + cluster + "\" could not be started again and was left stopped: " + failed.message()
            : "Starting it again, in case part of it had stopped, failed too: " + failed.message();
        finishRun();
      } else {
        onClusterStarted();
      }
    } else if (operation instanceof Operation.ReviewInitialScan) {
      onScansReviewed(callResult);
    } else if (operation instanceof Operation.ObserveCluster) {
      onStorageObserved(callResult);
    } else {
      throw new IllegalStateException("Run " + runId + ": unexpected result " + callResult + " for " + operation);
    }
  }

  // ---------------------------------------------------------------- waiting for storage

  /**
   * After a node returns, the next one goes down only once clustered storage has finished
   * repairing; after an offline update, the post-update scripts wait for it too.
   */
  private void waitForStorage(@Nullable String afterNode) {
    if (waitingForStorage) {
      return; // another node in flight returned while the run already waits
    }
    waitingForStorage = true;
    storageWaitAfter = afterNode;
    storageWaitSince = now;
    clusterCall(new Operation.ObserveCluster());
  }

  private void onStorageObserved(CallResult callResult) {
    if (cancelReason != null) {
      waitingForStorage = false;
      finishRun();
      return;
    }
    if (callResult instanceof CallResult.Observed observed && observed.snapshot().storage().isSettled()) {
      waitingForStorage = false;
      if (storageWaitAfter == null) {
        bracket = Bracket.RESTARTED;
        inPhase(NodePhase.UPDATED).forEach(NodeWorkflow::advance);
      }
      settle();
      return;
    }
    Duration waited = Duration.between(storageWaitSince, now);
    if (waited.plus(RunOptions.STORAGE_POLL_INTERVAL).compareTo(options.waitForStorageRepairTimeout()) > 0) {
      String seen = callResult instanceof CallResult.Observed observed
          ? observed.snapshot().storage().status() + " with " + observed.snapshot().storage().runningRepairJobs() + " repair jobs running"
          : "unknown: " + ((CallResult.Failed) callResult).message();
      String after = storageWaitAfter == null
          ? "after cluster \"" + cluster + "\" was started again"
          : "after node \"" + storageWaitAfter + "\" returned";
      waitingForStorage = false;
      stop("Storage did not finish repairing within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ") " + after + "; storage is " + seen);
      return;
    }
    if (waited.isZero() && storageWaitAfter == null) {
      info("Waiting for clustered storage to finish repairing, within WaitForStorageRepairTimeoutMinutes ("
          + minutes(options.waitForStorageRepairTimeout()) + ")");
    }
    work.startTimer(out, now, TimerKind.STORAGE_POLL, "", RunOptions.STORAGE_POLL_INTERVAL);
  }

  // ---------------------------------------------------------------- calls and timers

  private void onCallCompleted(PendingWork.Call call, CallResult callResult) {
    if (callResult instanceof CallResult.Observed observed) {
      lastSeen = observed.snapshot();
    }
    String name = call.node();
    if (name == null) {
      onClusterCallCompleted(call.operation(), callResult);
      return;
    }
    NodeWorkflow node = node(name);
    Operation lost = call.operation() instanceof Operation.ObserveCluster ? node.takeInDoubt() : null;
    if (lost != null) {
      node.onInDoubtObserved(lost, callResult);
    } else {
      node.onCallCompleted(call.operation(), callResult);
    }
  }

  private void onTimer(PendingWork.Timer<TimerKind> timer) {
    switch (timer.kind()) {
      case REBOOT -> node(timer.node()).onRebootTimeout();
      case CALL -> onCallTimeout(timer.call());
      case SUSPEND_RETRY -> node(timer.node()).onSuspendRetry();
      case STORAGE_POLL -> clusterCall(new Operation.ObserveCluster());
      case WARN_AFTER -> publish(new OperationMessage(runId, now, "", true,
          "The run has not completed after WarnAfter (" + minutes(options.warnAfter().orElseThrow()) + ")"));
      case STOP_AFTER -> cancel("StopAfter (" + minutes(options.stopAfter().orElseThrow()) + ") elapsed before the run completed");
    }
  }

  /** A call did not return in time: a read or a cluster call counts as failed; a change fails its node. */
  private void onCallTimeout(int callToken) {
    PendingWork.Call call = work.abandon(out, callToken);
    if (call == null) {
      return;
    }
    Operation operation = call.operation();
    String name = call.node();
    String message = operation.getClass().getSimpleName() + " on " + (name == null ? "cluster \"" + cluster : "node \"" + name)
        + "\" did not return within the operation timeout of " + minutes(options.operationTimeout());
    CallResult.Failed failed = CallResult.Failed.of(message);
    if (name == null) {
      onClusterCallCompleted(operation, failed);
      return;
    }
    NodeWorkflow node = node(name);
    Operation lost = operation instanceof Operation.ObserveCluster ? node.takeInDoubt() : null;
    boolean readOnly = operation instanceof Operation.ScanUpdates || operation instanceof Operation.StageUpdates
        || operation instanceof Operation.ObserveCluster || operation instanceof Operation.CheckRemoteShutdown;
    if (lost != null) {
      node.onInDoubtObserved(lost, failed);
    } else if (readOnly) {
      node.onCallCompleted(operation, failed);
    } else {
      node.onChangeTimedOut(operation, message);
    }
  }

  private void clusterCall(Operation operation) {
    work.call(out, now, cluster, null, operation, options.operationTimeout());
  }

  // ---------------------------------------------------------------- cancel, stop and the end of the run

  private void cancel(String reason) {
    if (cancelReason != null) {
      return;
    }
    cancelReason = reason;
    out.add(new Command.RaiseCancellation());
    if (!started || (inFlight.isEmpty() && !waitingForStorage) || (shape.stopsCluster() && bracket == Bracket.OPEN)) {
      finishRun(); // nothing that affects a workload has happened yet
      return;
    }
    if (waitingForStorage && work.noCallsInFlight()) {
      work.cancelTimers(out, "", TimerKind.STORAGE_POLL);
      waitingForStorage = false;
      finishRun(); // between two looks at storage; every node is back in service
      return;
    }
    // A node waiting for a call reaches a safe point when the call returns; the others wind down now.
    for (String name : List.copyOf(inFlight)) {
      if (!finished && inFlight.contains(name) && !work.waitsForCallOn(name)) {
        work.cancelTimers(out, name, TimerKind.SUSPEND_RETRY);
        node(name).advance();
      }
    }
  }

  /** Stops the run: the nodes in flight go back to service and end, the others are not updated. */
  private void stop(String reason) {
    stopReason = reason;
    if (inFlight.isEmpty() || shape.stopsCluster()) {
      finishRun();
      return;
    }
    for (String name : List.copyOf(inFlight)) {
      if (!finished && inFlight.contains(name) && !work.waitsForCallOn(name)) {
        node(name).advance();
      }
    }
  }

  private void finishRun() {
    String why = startFailure != null ? startFailure : stopReason != null ? stopReason : "the run ended";
    endEach(nodes.values().stream().filter(n -> !n.isDone()).toList(), node -> {
      if (node.phase() == NodePhase.UPDATED) {
        if (cancelReason != null) {
          node.endForCancel();
        } else {
          node.endWithoutPostScript(why);
        }
      } else if (cancelReason != null) {
        node.endUnchanged("Canceled before the node was changed: " + cancelReason);
      } else {
        node.endUnchanged("Not updated: the run stopped. " + why);
      }
    });
    finished = true;
    work.cancelAllTimers(out);
    List<NodeResult> results = nodes.values().stream().map(NodeWorkflow::toResult).toList();
    List<String> failures = new ArrayList<>();
    if (stopReason != null) {
      failures.add(stopReason);
    }
    if (startFailure != null) {
      failures.add(startFailure);
    }
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

  /** Ends several nodes at once, without each end moving the run on. */
  private void endEach(List<NodeWorkflow> ending, Consumer<NodeWorkflow> end) {
    boolean before = endingNodes;
    endingNodes = true;
    try {
      ending.forEach(end);
    } finally {
      endingNodes = before;
    }
  }

  // ---------------------------------------------------------------- helpers

  private NodeWorkflow node(String name) {
    NodeWorkflow node = nodes.get(name);
    if (node == null) {
      throw new IllegalStateException("Run " + runId + " has no node \"" + name + "\"");
    }
    return node;
  }

  private List<NodeWorkflow> inPhase(NodePhase wanted) {
    return nodes.values().stream().filter(n -> n.phase() == wanted).toList();
  }

  private boolean tooManyFailed() {
    return failedNodes > maxFailedNodes;
  }

  private String failureLimitReason() {
    return Counts.of(failedNodes, "node") + " failed, more than MaxFailedNodes (" + maxFailedNodes + ")";
  }

  private void info(String message) {
    publish(new OperationMessage(runId, now, "", false, message));
  }

  private void publish(RunEvent event) {
    out.add(new Command.Publish(event));
  }

  /** What the nodes' workflows see of the run. */
  private final class Host implements WorkflowHost {
    @Override
    public RunId runId() {
      return runId;
    }

    @Override
    public RunOptions options() {
      return options;
    }

    @Override
    public RunShape shape() {
      return shape;
    }

    @Override
    public List<String> plugins() {
      return plugins;
    }

    @Override
    public OrchestrationPolicy orchestration() {
      return orchestration;
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public void call(String node, Operation operation) {
      // A restarted node is waited for within its restart timeout, not the operation timeout.
      work.call(out, now, node, node, operation,
          operation instanceof Operation.AwaitReady ? null : options.operationTimeout());
    }

    @Override
    public void startTimer(TimerKind kind, String node, Duration delay) {
      work.startTimer(out, now, kind, node, delay);
    }

    @Override
    public void cancelTimers(String node, TimerKind kind) {
      work.cancelTimers(out, node, kind);
    }

    @Override
    public void abandonCallsOf(String node) {
      work.abandonCallsOf(out, node);
    }

    @Override
    public void publish(RunEvent event) {
      RunStateMachine.this.publish(event);
    }

    @Override
    public @Nullable String cancelReason() {
      return cancelReason;
    }

    @Override
    public @Nullable String stopReason() {
      return stopReason;
    }

    @Override
    public void refuse(String reason) {
      stopReason = reason;
    }

    @Override
    public List<String> outOfServiceBesides(String node) {
      // Nodes still in flight that the run took out of service may go down at any moment; a node
      // the run is done with counts as the snapshot shows it.
      List<String> down = new ArrayList<>(inFlight.size());
      for (String n : inFlight) {
        if (!n.equals(node) && node(n).isSuspendedByUs()) {
          down.add(n);
        }
      }
      return down;
    }

    @Override
    public boolean clusterStopped() {
      return bracket != Bracket.OPEN && bracket != Bracket.STOPPING;
    }

    @Override
    public boolean clusterRestarted() {
      return bracket == Bracket.RESTARTED;
    }

    @Override
    public void nodeHolds(NodeWorkflow node) {
      if (!endingNodes) {
        settle();
      }
    }

    @Override
    public void phaseChanged(NodePhase from, NodePhase to) {
      if (countsForAdmission(from) || countsForAdmission(to)) {
        admission = null;
      }
    }

    @Override
    public void nodeFinished(NodeWorkflow node) {
      NodeResult nodeResult = node.toResult();
      if (nodeResult.status() == SummaryStatus.FAILED) {
        failedNodes++;
      }
      finishedNodes++;
      publish(new NodeFinished(runId, now, nodeResult));
      boolean wasInFlight = inFlight.remove(node.name);
      admission = null;
      if (wasInFlight && !endingNodes && !finished) {
        afterNodeFinished(node);
      }
    }
  }
}
