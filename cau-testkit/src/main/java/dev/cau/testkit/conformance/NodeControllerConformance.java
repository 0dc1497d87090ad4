package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Checks a product's {@link NodeController} against the rules the engine relies on when it
 * resumes a run or repeats a call whose answer was lost: suspending a paused node and resuming a
 * resumed one do nothing, a restart is followed by {@code awaitReady} reporting the node ready,
 * the boot identity in the cluster snapshot changes across a restart and only then, and no
 * restart is pending right after one.
 *
 * <pre>{@code
 * @Test
 * void myNodeControllerConforms() {
 *   NodeControllerConformance.of(myClusterController, "node-1")
 *       .contexts(() -> NodeControllerConformance.context("node-1", Clock.systemUTC()))
 *       .readyTimeout(Duration.ofMinutes(20))
 *       .assertConforms();
 * }
 * }</pre>
 *
 * <p>The kit really pauses, drains, restarts and resumes the node, once, in the calling thread:
 * run it against a lab node that is up and not paused, in a cluster where its roles can move.
 * It reads the node's state, boot identity and the roles' owners from
 * {@link ClusterController#snapshot()}. Every call gets a context from the
 * {@linkplain #contexts supplier}, which is required: the product's own contexts, or
 * {@link #context(String, Clock)} with the clock the controller should read. It leaves the node
 * resumed when it can. An instance is not thread-safe.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class NodeControllerConformance {
  private final ClusterController cluster;
  private final String node;
  private @Nullable Supplier<? extends OperationContext> contexts;
  private Duration readyTimeout = RunOptions.DEFAULT_REBOOT_TIMEOUT;
  private RebootMode restartMode = RebootMode.FULL;
  private SuspendRequest suspendRequest = SuspendRequest.DEFAULT;
  private FailbackMode failback = FailbackMode.IMMEDIATE;

  private NodeControllerConformance(ClusterController cluster, String node) {
    this.cluster = cluster;
    this.node = node;
  }

  /**
   * Starts checking the controller of one node.
   *
   * @param cluster the cluster's controller: it gives the node's controller and its snapshots
   * @param node the node's name, as the snapshot shows it; the node must be up and not paused
   * @return the kit, to configure and then {@link #check()}
   */
  public static NodeControllerConformance of(ClusterController cluster, String node) {
    return new NodeControllerConformance(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(node, "node"));
  }

  /**
   * Returns a plain context about a node: a fixed run id, a signal that is never raised, a log
   * that keeps nothing, and a clock.
   *
   * @param node the node's name
   * @param clock the clock the calls read; a simulation's virtual clock, or the system clock
   * @return the context
   */
  public static OperationContext context(String node, Clock clock) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(clock, "clock");
    return new OperationContext() {
      private final OperationLog log = new OperationLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
      };

      @Override
      public RunId runId() {
        return ConformanceContext.RUN_ID;
      }

      @Override
      public String nodeName() {
        return node;
      }

      @Override
      public CancellationSignal cancellation() {
        return CancellationSignal.NEVER;
      }

      @Override
      public OperationLog log() {
        return log;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  /**
   * Sets where the contexts of the calls come from, such as contexts on a simulation's clock.
   * Required.
   *
   * @param contexts gives a context for each call
   * @return this kit
   */
  public NodeControllerConformance contexts(Supplier<? extends OperationContext> contexts) {
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    return this;
  }

  /**
   * Sets how long {@code awaitReady} may take after the restart; the engine's default reboot
   * timeout, 15 minutes, unless set.
   *
   * @param timeout a positive duration
   * @return this kit
   */
  public NodeControllerConformance readyTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The ready timeout must be positive, not " + timeout);
    }
    this.readyTimeout = timeout;
    return this;
  }

  /**
   * Sets the kind of restart asked for; {@link RebootMode#FULL} unless set.
   *
   * @param mode the restart
   * @return this kit
   */
  public NodeControllerConformance restartMode(RebootMode mode) {
    this.restartMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Sets how the node is suspended; {@link SuspendRequest#DEFAULT} unless set.
   *
   * @param request the suspend request
   * @return this kit
   */
  public NodeControllerConformance suspendRequest(SuspendRequest request) {
    this.suspendRequest = Objects.requireNonNull(request, "request");
    return this;
  }

  /**
   * Sets how the node is resumed; {@link FailbackMode#IMMEDIATE} unless set.
   *
   * @param mode the failback mode
   * @return this kit
   */
  public NodeControllerConformance failback(FailbackMode mode) {
    this.failback = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Runs every check on the node.
   *
   * @return one finding per check
   * @throws IllegalStateException if no context supplier was set, the node is not up and not
   *     paused at the start, or the snapshot has no such node
   */
  public NodeControllerReport check() {
    Supplier<? extends OperationContext> given = contexts;
    if (given == null) {
      throw new IllegalStateException("No context supplier was set: call contexts(...), for example with"
          + " () -> NodeControllerConformance.context(\"" + node + "\", clock)");
    }
    return new Run(given).run();
  }

  /**
   * Runs every check and fails if one of them failed.
   *
   * @return the report, when every check that ran passed
   * @throws AssertionError listing every failed check with what is wrong
   */
  public NodeControllerReport assertConforms() {
    NodeControllerReport report = check();
    if (!report.conforms()) {
      throw new AssertionError(report.failureSummary());
    }
    return report;
  }

  /** One pass of the checks. */
  private final class Run {
    private final Map<NodeControllerCheck, NodeControllerFinding> findings = new EnumMap<>(NodeControllerCheck.class);
    private final List<String> bootProblems = new ArrayList<>();
    private final NodeController controller = cluster.node(node);
    private final Supplier<? extends OperationContext> contexts;

    Run(Supplier<? extends OperationContext> contexts) {
      this.contexts = contexts;
    }

    NodeControllerReport run() {
      NodeSnapshot start = snapshot();
      if (start.state() != NodeState.UP) {
        throw new IllegalStateException("Node \"" + node + "\" must be up and not paused for the kit to check its"
            + " controller, but it is " + start.state());
      }
      String boot0 = start.bootId();
      try {
        checks(boot0);
      } finally {
        leaveResumed();
      }
      List<NodeControllerFinding> all = new ArrayList<>();
      for (NodeControllerCheck check : NodeControllerCheck.values()) {
        all.add(findings.getOrDefault(check, new NodeControllerFinding(check, Outcome.NOT_RUN,
            "an earlier check failed, so the node was not in the state this check needs")));
      }
      return new NodeControllerReport(node, all);
    }

    private void checks(String boot0) {
      // Suspend, then suspend again.
      if (!call(NodeControllerCheck.SUSPEND_PAUSES, "suspend", () -> controller.suspend(suspendRequest, contexts.get()))) {
        return;
      }
      NodeSnapshot paused = snapshot();
      if (paused.state() != NodeState.PAUSED) {
        fail(NodeControllerCheck.SUSPEND_PAUSES, "after suspend returned, the snapshot shows the node " + paused.state()
            + ", not PAUSED");
        return;
      }
      pass(NodeControllerCheck.SUSPEND_PAUSES, "the node is paused");
      sameBoot(boot0, paused.bootId(), "a suspend");
      Map<String, String> owners = roleOwners();
      if (call(NodeControllerCheck.SUSPEND_OF_PAUSED_NODE, "suspend of the paused node",
          () -> controller.suspend(suspendRequest, contexts.get()))) {
        NodeSnapshot again = snapshot();
        nothingChanged(NodeControllerCheck.SUSPEND_OF_PAUSED_NODE, paused, again, owners, NodeState.PAUSED);
      }

      // Restart, wait, look at the boot identity and the pending restart.
      boolean[] ready = new boolean[1];
      RebootMode[] mode = new RebootMode[1];
      if (call(NodeControllerCheck.RESTART_THEN_READY, "restart or awaitReady", () -> {
        mode[0] = controller.restart(restartMode, contexts.get());
        ready[0] = controller.awaitReady(readyTimeout, contexts.get());
      })) {
        NodeSnapshot back = snapshot();
        if (mode[0] == null) {
          fail(NodeControllerCheck.RESTART_THEN_READY, "restart returned null instead of the kind of restart it started");
        } else if (!ready[0]) {
          fail(NodeControllerCheck.RESTART_THEN_READY, "awaitReady returned false: the node was not ready within "
              + readyTimeout);
        } else if (back.state() != NodeState.PAUSED && back.state() != NodeState.UP) {
          fail(NodeControllerCheck.RESTART_THEN_READY, "awaitReady returned true, but the snapshot shows the node "
              + back.state());
        } else {
          pass(NodeControllerCheck.RESTART_THEN_READY, "restarted (" + mode[0] + ") and ready, " + back.state());
          bootAfterRestart(boot0, back.bootId());
          pendingRestart();
        }
      }
      NodeSnapshot beforeResume = snapshot();
      if (beforeResume.state() != NodeState.PAUSED && beforeResume.state() != NodeState.UP) {
        return;
      }

      // Resume, then resume again.
      if (!call(NodeControllerCheck.RESUME_UNPAUSES, "resume", () -> controller.resume(failback, contexts.get()))) {
        return;
      }
      NodeSnapshot resumed = snapshot();
      if (resumed.state() != NodeState.UP) {
        fail(NodeControllerCheck.RESUME_UNPAUSES, "after resume returned, the snapshot shows the node " + resumed.state()
            + ", not UP");
        return;
      }
      pass(NodeControllerCheck.RESUME_UNPAUSES, "the node is up");
      sameBoot(beforeResume.bootId(), resumed.bootId(), "a resume");
      Map<String, String> ownersAfterResume = roleOwners();
      if (call(NodeControllerCheck.RESUME_OF_RESUMED_NODE, "resume of the resumed node",
          () -> controller.resume(failback, contexts.get()))) {
        nothingChanged(NodeControllerCheck.RESUME_OF_RESUMED_NODE, resumed, snapshot(), ownersAfterResume, NodeState.UP);
      }
      NodeControllerFinding boot = findings.get(NodeControllerCheck.BOOT_IDENTITY);
      if (boot != null && boot.outcome() == Outcome.PASSED && !bootProblems.isEmpty()) {
        fail(NodeControllerCheck.BOOT_IDENTITY, String.join("; ", bootProblems));
      }
    }

    private void bootAfterRestart(String boot0, String boot1) {
      if (boot0.isEmpty()) {
        findings.put(NodeControllerCheck.BOOT_IDENTITY, new NodeControllerFinding(NodeControllerCheck.BOOT_IDENTITY,
            Outcome.NOT_RUN, "the controller reports no boot identity (\"\"), so the engine judges a lost restart"
                + " from the node's state alone"));
      } else if (boot1.isEmpty()) {
        fail(NodeControllerCheck.BOOT_IDENTITY, "the boot identity was \"" + boot0
            + "\" before the restart and is unknown (\"\") after it, with the node ready");
      } else if (boot1.equals(boot0)) {
        fail(NodeControllerCheck.BOOT_IDENTITY, "the boot identity is still \"" + boot0 + "\" after a restart;"
            + " a takeover would take the restart for not done and restart the node again");
      } else if (!bootProblems.isEmpty()) {
        fail(NodeControllerCheck.BOOT_IDENTITY, String.join("; ", bootProblems));
      } else {
        pass(NodeControllerCheck.BOOT_IDENTITY, "\"" + boot0 + "\" before the restart, \"" + boot1 + "\" after it");
      }
    }

    private void pendingRestart() {
      PendingRestart pending;
      try {
        pending = controller.pendingRestart(contexts.get());
      } catch (RuntimeException e) {
        fail(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART, "pendingRestart threw " + describe(e));
        return;
      }
      switch (pending) {
        case NONE -> pass(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART, "none pending");
        case UNKNOWN -> findings.put(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART,
            new NodeControllerFinding(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART, Outcome.NOT_RUN,
                "the controller cannot tell (UNKNOWN), so the engine restarts after a lost install answer"));
        default -> fail(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART, "pendingRestart reports " + pending
            + " right after the node restarted; after a takeover the engine would restart it again");
      }
    }

    private void nothingChanged(
        NodeControllerCheck check, NodeSnapshot before, NodeSnapshot after, Map<String, String> owners, NodeState expected) {
      List<String> changes = new ArrayList<>();
      if (after.state() != expected) {
        changes.add("the node is " + after.state() + ", not " + expected);
      }
      if (!after.bootId().equals(before.bootId())) {
        changes.add("its boot identity changed from \"" + before.bootId() + "\" to \"" + after.bootId() + "\"");
      }
      Map<String, String> now = roleOwners();
      if (!now.equals(owners)) {
        changes.add("roles moved: owners were " + owners + ", are " + now);
      }
      if (changes.isEmpty()) {
        pass(check, "nothing changed");
      } else {
        fail(check, String.join("; ", changes));
      }
    }

    private void sameBoot(String before, String after, String what) {
      if (!before.isEmpty() && !before.equals(after)) {
        bootProblems.add("the boot identity changed from \"" + before + "\" to \"" + after + "\" across " + what
            + ", without a restart");
      }
    }

    /** Makes a call; on an exception, fails the check and returns false. */
    private boolean call(NodeControllerCheck check, String what, Runnable call) {
      try {
        call.run();
        return true;
      } catch (RuntimeException e) {
        fail(check, what + " threw " + describe(e));
        return false;
      }
    }

    private void leaveResumed() {
      try {
        if (snapshot().state() == NodeState.PAUSED) {
          controller.resume(failback, contexts.get());
        }
      } catch (RuntimeException e) {
        // The report says what failed; the node stays as the controller left it.
      }
    }

    private NodeSnapshot snapshot() {
      return cluster.snapshot().node(node).orElseThrow(() ->
          new IllegalStateException("The snapshot of cluster \"" + cluster.name() + "\" has no node \"" + node + "\""));
    }

    private Map<String, String> roleOwners() {
      Map<String, String> owners = new LinkedHashMap<>();
      for (ClusteredRole role : cluster.snapshot().roles()) {
        owners.put(role.name(), role.ownerNode());
      }
      return owners;
    }

    private void pass(NodeControllerCheck check, String message) {
      findings.put(check, new NodeControllerFinding(check, Outcome.PASSED, message));
    }

    private void fail(NodeControllerCheck check, String message) {
      findings.put(check, new NodeControllerFinding(check, Outcome.FAILED, message));
    }

    private String describe(RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
