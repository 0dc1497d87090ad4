package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the state machine knows about one node. Owned and mutated by the state machine only. */
final class NodeProgress {
  final String name;
  NodePhase phase = NodePhase.PENDING;
  int attempts;
  int restarts;
  final List<InstallResult> results = new ArrayList<>();
  /** The node was paused by someone else before the run; the run never resumes it. */
  boolean pausedBeforeRun;
  /** The run paused this node and has not resumed it yet. */
  boolean suspendedByUs;
  /** A suspend or restart whose answer a crashed coordinator lost; a look at the cluster decides it. */
  @Nullable Operation inDoubt;
  @Nullable RebootMode bootType;
  boolean restartPending;

  // ---- the current attempt
  final Map<String, List<Update>> pending = new LinkedHashMap<>();
  /** Plug-ins whose pending updates are still to install in this pass, in plug-in order. */
  final Deque<String> installQueue = new ArrayDeque<>();
  /** Plug-ins still to call in a scan or a staging, when they run one after another. */
  final Deque<String> callQueue = new ArrayDeque<>();
  int callsOutstanding;
  int passes;
  boolean firewallChecked;
  boolean staged;
  boolean preScriptDone;
  boolean quorumCleared;
  /** The quorum guard allowed the coming restart; asked again before each restart. */
  boolean restartCleared;
  /** The node was taken out of service in this attempt (so the next node waits for storage). */
  boolean cycled;
  boolean rebootNeeded;
  /** SeparateReboots: a plug-in's update needs a restart before the next plug-in installs. */
  boolean restartBeforeNextPlugin;
  boolean rescanNeeded;
  boolean postScriptDone;
  final Set<String> failedThisAttempt = new HashSet<>();
  /** Failures of single plug-ins; the others go on unless StopOnPluginFailure is set. */
  final Map<String, String> pluginFailures = new LinkedHashMap<>();
  int suspendRefusals;
  @Nullable Instant degradedSince;
  /** Set when the attempt failed: the planner brings the node to a safe state, then retries. */
  @Nullable String attemptFailure;

  // ---- the outcome
  /** Why the node did not succeed; set when the engine gives up on it. */
  @Nullable String reason;
  boolean fatal;
  boolean canceled;
  /** Whether the node was ever taken out of service by the run, for the storage wait. */
  boolean everCycled;

  NodeProgress(String name) {
    this.name = name;
  }

  void moveTo(RunId runId, NodePhase next) {
    if (!phase.canMoveTo(next)) {
      throw new IllegalTransitionException(runId, name, phase, next);
    }
    phase = next;
  }

  /** Clears what one attempt learned; results and counters of the whole node stay. */
  void resetAttempt() {
    pending.clear();
    installQueue.clear();
    callQueue.clear();
    callsOutstanding = 0;
    passes = 0;
    firewallChecked = false;
    staged = false;
    preScriptDone = false;
    quorumCleared = false;
    restartCleared = false;
    cycled = false;
    rebootNeeded = false;
    restartBeforeNextPlugin = false;
    rescanNeeded = false;
    postScriptDone = false;
    failedThisAttempt.clear();
    pluginFailures.clear();
    suspendRefusals = 0;
    degradedSince = null;
    attemptFailure = null;
  }

  List<Update> allPending() {
    List<Update> all = new ArrayList<>();
    pending.values().forEach(all::addAll);
    return all;
  }

  boolean hasPending() {
    return pending.values().stream().anyMatch(list -> !list.isEmpty());
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
      shownReason = failed + " of " + results.size() + " updates failed";
    }
    return new NodeResult(name, status, results, attempts, restarts, bootType, restartPending, shownReason);
  }
}
