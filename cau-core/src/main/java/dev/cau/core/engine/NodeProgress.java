package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
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
  int passes;
  int scansOutstanding;
  final Map<String, List<Update>> pending = new LinkedHashMap<>();
  final Deque<String> queue = new ArrayDeque<>();
  final List<InstallResult> results = new ArrayList<>();
  /** Updates that failed in the current attempt: a re-scan offers them again, but they are not retried. */
  final Set<String> failedThisAttempt = new HashSet<>();
  boolean rebootNeeded;
  boolean suspendedByUs;
  boolean recovering;
  /** A failure seen while plug-ins scan in parallel; acted on when the last scan returns. */
  @Nullable String scanFailure;
  /** Why the node did not succeed; set when the engine gives up on it. */
  @Nullable String reason;
  boolean fatal;
  boolean canceled;

  NodeProgress(String name) {
    this.name = name;
  }

  void moveTo(RunId runId, NodePhase next) {
    if (!phase.canMoveTo(next)) {
      throw new IllegalTransitionException(runId, name, phase, next);
    }
    phase = next;
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
    long succeeded = results.stream().filter(r -> r.code() == UpdateResultCode.SUCCEEDED).count();
    boolean failedUpdates = results.stream().anyMatch(r -> r.code().isFailure());
    if (fatal) {
      return SummaryStatus.FAILED;
    }
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
    return new NodeResult(name, status, results, attempts, restarts, shownReason);
  }
}
