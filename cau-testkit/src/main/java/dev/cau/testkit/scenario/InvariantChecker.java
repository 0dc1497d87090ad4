package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.RunEvent;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.quorum.QuorumGuard;
import dev.cau.core.text.Counts;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Checks a recorded run against the safety invariants of DESIGN section 5, each reporting where
 * it broke. Every check reads only the recorded history, never the engine's internals, so it
 * judges any policy the same way.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InvariantChecker {
  /** 1: a node is taken down only while the cluster keeps quorum without it. */
  public static final String QUORUM = "quorum";
  /** 2: at most one node is being updated (out of service by the run) at a time. */
  public static final String ONE_NODE_AT_A_TIME = "one-node-at-a-time";
  /** 3 and 8: every node the run paused is resumed, or reported failed with the state it was left in. */
  public static final String RESUMED = "resumed";
  /** 4: every run ends. */
  public static final String ENDS = "run-ends";
  /** 5: the run stops after more than MaxFailedNodes failures, and tries a node at most MaxRetriesPerNode times. */
  public static final String FAILURE_LIMITS = "failure-limits";
  /** 6: no update is installed twice on a node. */
  public static final String INSTALLED_ONCE = "installed-once";
  /** 7: at most one coordinator acts on the cluster at a time. */
  public static final String SINGLE_COORDINATOR = "single-coordinator";
  /** Roles stay on nodes that are up, unless a crash or forced drain failed them. */
  public static final String ROLES_AVAILABLE = "roles-available";

  private InvariantChecker() {}

  /**
   * Checks every invariant.
   *
   * @param outcome a recorded run
   * @return the violations, empty when every invariant held
   */
  public static List<Violation> check(ScenarioOutcome outcome) {
    List<Violation> violations = new ArrayList<>();
    RunResult result = outcome.result();
    if (result == null) {
      violations.add(new Violation(ENDS, "end", outcome.engineFailure() == null ? "the run never ended" : outcome.engineFailure()));
      return violations;
    }
    checkQuorum(outcome, violations);
    checkOneNodeAtATime(outcome, violations);
    checkResumed(outcome, result, violations);
    checkFailureLimits(outcome, result, violations);
    checkInstalledOnce(outcome, result, violations);
    checkRolesAvailable(outcome, violations);
    violations.addAll(checkSingleCoordinator(outcome.leases(), outcome.calls()));
    return violations;
  }

  private static void checkQuorum(ScenarioOutcome outcome, List<Violation> violations) {
    for (StepRecord step : outcome.steps()) {
      if (!step.step().equals("suspend") && !step.step().startsWith("restart")) {
        continue;
      }
      TimedSnapshot before = snapshotBefore(outcome, step.sequence());
      QuorumDecision decision = QuorumGuard.evaluate(
          before.snapshot(), Set.of(step.node()), outcome.scenario().options().quorumPolicy());
      if (!decision.allowed()) {
        violations.add(new Violation(QUORUM, where(step), decision.reason()));
      }
    }
  }

  private static void checkOneNodeAtATime(ScenarioOutcome outcome, List<Violation> violations) {
    Set<String> inProgress = new HashSet<>();
    List<RunEvent> events = outcome.events();
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      if (event instanceof NodeStepStarted started
          && (started.step() == NodeStep.SUSPENDING || started.step() == NodeStep.RESTARTING)) {
        inProgress.add(started.node());
        if (inProgress.size() > 1) {
          violations.add(new Violation(ONE_NODE_AT_A_TIME, "event " + i + " at " + event.at(),
              "nodes out of service by the run at once: " + new java.util.TreeSet<>(inProgress)));
        }
      } else if (event instanceof NodeFinished finished) {
        inProgress.remove(finished.result().node());
      }
    }
  }

  private static void checkResumed(ScenarioOutcome outcome, RunResult result, List<Violation> violations) {
    for (NodeResult node : result.nodeResults()) {
      List<String> steps = outcome.steps().stream().filter(s -> s.node().equals(node.node())).map(StepRecord::step).toList();
      int suspend = steps.lastIndexOf("suspend");
      if (suspend < 0 || steps.lastIndexOf("resume") > suspend) {
        continue;
      }
      String reason = node.reason();
      boolean reported = node.status() == SummaryStatus.FAILED && reason != null && reason.contains("left");
      if (!reported) {
        violations.add(new Violation(RESUMED, "node " + node.node(),
            "suspended by the run and not resumed, yet reported " + node.status().displayName()
                + (reason == null ? "" : " (" + reason + ")")));
      }
    }
  }

  private static void checkFailureLimits(ScenarioOutcome outcome, RunResult result, List<Violation> violations) {
    int maxRetries = outcome.scenario().options().maxRetriesPerNode();
    for (NodeResult node : result.nodeResults()) {
      if (node.attempts() > maxRetries) {
        violations.add(new Violation(FAILURE_LIMITS, "node " + node.node(),
            "tried " + Counts.of(node.attempts(), "time") + ", more than MaxRetriesPerNode " + maxRetries));
      }
    }
    int maxFailed = outcome.scenario().options().effectiveMaxFailedNodes(outcome.scenario().nodes().size());
    int failed = 0;
    List<RunEvent> events = outcome.events();
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      if (event instanceof NodeFinished finished && finished.result().status() == SummaryStatus.FAILED) {
        failed++;
      } else if (event instanceof NodeStepStarted started && failed > maxFailed) {
        violations.add(new Violation(FAILURE_LIMITS, "event " + i + " at " + event.at(),
            "node " + started.node() + " started " + started.step() + " after "
                + Counts.of(failed, "node") + " had failed, more than MaxFailedNodes " + maxFailed));
      }
    }
    if (failed > maxFailed && (result.status() == SummaryStatus.SUCCEEDED || result.status() == SummaryStatus.PARTIALLY_FAILED)) {
      violations.add(new Violation(FAILURE_LIMITS, "run", Counts.of(failed, "node") + " failed, more than MaxFailedNodes "
          + maxFailed + ", yet the run is " + result.status().displayName()));
    }
  }

  private static void checkInstalledOnce(ScenarioOutcome outcome, RunResult result, List<Violation> violations) {
    Map<String, Set<String>> reportedAgain = new HashMap<>();
    outcome.scenario().nodes().forEach(n -> reportedAgain.put(n.name(), new HashSet<>(
        n.updates().stream().filter(SimulatedUpdate::reportedAfterInstall).map(SimulatedUpdate::id).toList())));
    for (NodeResult node : result.nodeResults()) {
      Map<String, Integer> installs = new HashMap<>();
      for (InstallResult r : node.installResults()) {
        if (r.code() == UpdateResultCode.SUCCEEDED) {
          installs.merge(r.update().id(), 1, Integer::sum);
        }
      }
      installs.forEach((update, count) -> {
        if (count > 1 && !reportedAgain.getOrDefault(node.node(), Set.of()).contains(update)) {
          violations.add(new Violation(INSTALLED_ONCE, "node " + node.node(), update + " installed " + Counts.of(count, "time")));
        }
      });
    }
    // What the nodes went through, which a report can miss when a crashed coordinator lost a result.
    for (SimulatedNode node : outcome.cluster().nodes()) {
      for (String update : node.installedUpdates()) {
        int count = node.installCount(update);
        if (count > 1 && !reportedAgain.getOrDefault(node.name(), Set.of()).contains(update)) {
          violations.add(new Violation(INSTALLED_ONCE, "node " + node.name(),
              update + " was installed " + Counts.of(count, "time") + " on the node"));
        }
      }
    }
  }

  /**
   * Checks invariant 7 over the leases a cluster's lock gave out and the calls coordinators made:
   * every call was made by the coordinator holding the latest lease taken before it, so no
   * coordinator acted while another held the cluster, and none acted after its lease was taken
   * over.
   *
   * @param leases the leases as they were taken, in order ({@code InMemoryRunLock.history()})
   * @param calls the calls made into the cluster, in order
   * @return the violations, one per call made without the lease
   */
  public static List<Violation> checkSingleCoordinator(
      List<CoordinatorLease> leases, List<SimulatedCoordinator.CallRecord> calls) {
    List<Violation> violations = new ArrayList<>();
    for (SimulatedCoordinator.CallRecord call : calls) {
      CoordinatorLease holder = null;
      for (CoordinatorLease lease : leases) {
        if (!lease.acquiredAt().isAfter(call.at())) {
          holder = lease;
        }
      }
      if (holder == null || !holder.owner().equals(call.coordinator())) {
        violations.add(new Violation(SINGLE_COORDINATOR, call.at().toString(), "coordinator " + call.coordinator()
            + " called into the cluster while " + (holder == null ? "it held no lease" : holder.owner() + " held the lease")));
      }
    }
    return violations;
  }

  private static void checkRolesAvailable(ScenarioOutcome outcome, List<Violation> violations) {
    for (TimedSnapshot moment : outcome.timeline()) {
      Map<String, NodeState> states = new HashMap<>();
      moment.snapshot().nodes().forEach(n -> states.put(n.name(), n.state()));
      for (ClusteredRole role : moment.snapshot().roles()) {
        if (role.state() != RoleState.FAILED && role.state() != RoleState.OFFLINE
            && states.getOrDefault(role.ownerNode(), NodeState.UNKNOWN) != NodeState.UP) {
          violations.add(new Violation(ROLES_AVAILABLE, "change #" + moment.sequence() + " at " + moment.at(),
              "role \"" + role.name() + "\" is on \"" + role.ownerNode() + "\", which is "
                  + states.getOrDefault(role.ownerNode(), NodeState.UNKNOWN)));
        }
      }
    }
  }

  /** The last snapshot taken before a sequence number; the timeline is in sequence order. */
  private static TimedSnapshot snapshotBefore(ScenarioOutcome outcome, long sequence) {
    List<TimedSnapshot> timeline = outcome.timeline();
    int low = 0;
    int high = timeline.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (timeline.get(mid).sequence() < sequence) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return timeline.get(low);
  }

  private static String where(StepRecord step) {
    return "step #" + step.sequence() + " at " + step.start() + " (" + step.step() + " " + step.node() + ")";
  }
}
