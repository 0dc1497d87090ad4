package dev.cau.core.featureupdate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CancellationSignal;
import dev.cau.api.CauException;
import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterActionUnsupportedException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.FunctionalLevel;
import dev.cau.api.cluster.NodePostUpgradeResult;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.StoragePoolVersion;
import dev.cau.api.cluster.ValidationSummary;
import dev.cau.api.plugin.Update;
import dev.cau.api.readiness.Finding;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.featureupdate.FlowStep.Step;
import dev.cau.core.options.RunOptions;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.core.scan.NodeScan;
import dev.cau.core.scan.ScanReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature-update flow as one guided API, as Windows Admin Center's feature-update wizard runs
 * it: {@link #readiness()}, {@link #scan()} (every node must be offered the same feature update),
 * {@link #run()}, {@link #checkForFurtherUpdates()}, then {@link #finish(PostUpgradeRequest)}.
 * Each step returns a {@link FlowStep} to show, stop at, or continue from; nothing is implicit,
 * and the irreversible functional-level raise happens only inside {@link #finish} when asked for
 * and confirmed.
 *
 * <p>The flow knows plug-ins only through the SPI: a feature update is an update whose
 * {@link dev.cau.api.plugin.UpdateFacts#targetBuild()} is set; cluster-wide actions are the
 * {@link ClusterController}'s. Calls are blocking; a step that waits for a scan or a run hands its
 * future to the flow's driver first (the testkit's drives its simulator in virtual time). Not
 * thread-safe: one caller walks the flow.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FeatureUpdateFlow {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureUpdateFlow.class);

  private final UpdateCoordinator coordinator;
  private final ClusterController cluster;
  private final RunOptions upgrade;
  private final @Nullable RunOptions further;
  private final Consumer<CompletableFuture<?>> driver;
  private final MixedOsTracker tracker;
  private final Clock clock;
  private @Nullable RunResult runResult;

  private FeatureUpdateFlow(Builder b) {
    this.coordinator = b.coordinator;
    this.cluster = b.cluster;
    this.upgrade = b.upgrade;
    this.further = b.further;
    this.driver = b.driver;
    this.tracker = b.tracker;
    this.clock = b.clock;
  }

  /**
   * Starts describing a flow.
   *
   * @param coordinator the coordinator that runs the scan and the run; register the builder's
   *     {@link Builder#tracker tracker} as its listener to see mixed-OS mode while the run goes on
   * @param cluster the cluster, for its cluster-wide actions
   * @param upgrade the options of the feature-update run (its plug-in and arguments)
   * @param clock the clock given to cluster-wide actions: the coordinator's execution clock
   * @return the builder
   */
  public static Builder builder(UpdateCoordinator coordinator, ClusterController cluster, RunOptions upgrade,
      Clock clock) {
    return new Builder(coordinator, cluster, upgrade, clock);
  }

  /**
   * Checks readiness: the run's readiness rules ({@code Test-CauSetup}), then cluster validation
   * when the controller supports it.
   *
   * @return {@code DONE}, or {@code STOPPED} naming each blocking rule or failed test
   */
  public FlowStep readiness() {
    ReadinessReport report = coordinator.testSetup(upgrade);
    List<String> details = new ArrayList<>();
    for (Finding f : report.blocking()) {
      details.add(f.ruleId() + ": " + f.detail() + " (" + f.resolution() + ")");
    }
    ValidationSummary validation = null;
    try {
      validation = cluster.validate(context());
      validation.problems().forEach(p -> details.add("validation: " + p));
    } catch (ClusterActionUnsupportedException e) {
      details.add("cluster validation not supported by the controller: " + e.getMessage());
    }
    if (!report.isReady() || validation != null && !validation.succeeded()) {
      return FlowStep.stopped(Step.READINESS, "The cluster is not ready for the feature update: "
          + report.blocking().size() + " blocking rule(s)" + (validation == null ? "" : ", " + validation.failed()
          + " failed validation test(s)"), details);
    }
    return FlowStep.done(Step.READINESS, "The cluster is ready for the feature update", details);
  }

  /**
   * Scans every node with the upgrade's plug-in and checks that every node is offered the same
   * feature update, before any node is touched.
   *
   * @return {@code DONE} listing each node's offer, or {@code STOPPED} naming each node and its
   *     offers when they differ, or when no node is offered one
   */
  public FlowStep scan() {
    ScanReport report = await(coordinator.scan(upgrade));
    Map<String, List<Update>> updates = new LinkedHashMap<>();
    List<String> details = new ArrayList<>();
    for (NodeScan node : report.nodes()) {
      updates.put(node.node(), node.updates());
      node.plugins().stream().filter(p -> !p.succeeded())
          .forEach(p -> details.add("node \"" + node.node() + "\" could not be scanned: " + p.error()));
    }
    Map<String, List<String>> offers = FeatureOffers.byNode(updates);
    report.nodes().forEach(n -> details.add("node \"" + n.node() + "\" is offered "
        + (offers.containsKey(n.node()) ? String.join(" and ", offers.get(n.node())) : "no feature update")));
    Set<String> distinct = FeatureOffers.distinct(offers);
    boolean several = offers.values().stream().anyMatch(o -> o.size() > 1);
    if (distinct.size() > 1 || several) {
      return FlowStep.stopped(Step.SCAN, "The nodes are offered different feature updates: apply the latest"
          + " cumulative update to every node, then scan again", details);
    }
    if (report.nodes().stream().anyMatch(n -> !n.succeeded())) {
      return FlowStep.stopped(Step.SCAN, "Not every node could be scanned", details);
    }
    if (distinct.isEmpty()) {
      return FlowStep.stopped(Step.SCAN, "No node is offered a feature update", details);
    }
    return FlowStep.done(Step.SCAN, "Every node offered one is offered " + distinct.iterator().next(), details);
  }

  /**
   * Runs the feature update on every node, one at a time, and reports each node and the
   * mixed-OS state the run left.
   *
   * @return {@code DONE} when every node succeeded, else {@code STOPPED} naming the nodes that did not,
   *     or the reason the run was refused before it touched any node
   */
  public FlowStep run() {
    RunResult result;
    try {
      result = await(coordinator.start(upgrade).completion());
    } catch (CauException e) {
      return FlowStep.stopped(Step.RUN, "The feature-update run was refused before any node was touched: "
          + e.getMessage(), List.of());
    }
    runResult = result;
    List<String> details = new ArrayList<>();
    for (NodeResult node : result.nodeResults()) {
      details.add("node \"" + node.node() + "\": " + node.status()
          + (node.reason() == null ? "" : " (" + node.reason() + ")"));
    }
    MixedOsStatus mixed = tracker.status().upgraded().isEmpty() ? MixedOsTracker.of(result) : tracker.status();
    details.add(mixed.describe());
    if (result.status() != SummaryStatus.SUCCEEDED) {
      return FlowStep.stopped(Step.RUN, "The feature-update run ended " + result.status()
          + (result.reason() == null ? "" : ": " + result.reason()), details);
    }
    return FlowStep.done(Step.RUN, "Every node was upgraded", details);
  }

  /**
   * Scans for updates that apply on the new version, with the options given to the builder's
   * {@link Builder#furtherUpdates}.
   *
   * @return {@code DONE} listing what each node is offered, or {@code SKIPPED} when no options
   *     were given
   */
  public FlowStep checkForFurtherUpdates() {
    if (further == null) {
      return FlowStep.skipped(Step.FURTHER_UPDATES, "No options were given to check for further updates");
    }
    ScanReport report = await(coordinator.scan(further));
    List<String> details = new ArrayList<>();
    int count = 0;
    for (NodeScan node : report.nodes()) {
      count += node.updates().size();
      details.add("node \"" + node.node() + "\": " + node.updates().size() + " update(s)"
          + (node.updates().isEmpty() ? "" : ": " + String.join(", ", node.updates().stream().map(Update::title).toList())));
    }
    return FlowStep.done(Step.FURTHER_UPDATES, count == 0 ? "No further updates" : count
        + " further update(s) to install with a normal updating run", details);
  }

  /**
   * Returns the mixed-OS state as the tracker sees it now.
   *
   * @return the status
   */
  public MixedOsStatus mixedOs() {
    return tracker.status();
  }

  /**
   * Runs the post-upgrade steps in order: the functional-level raise, the storage pool upgrade,
   * the opt-in VM configuration version upgrade, the failover verification, validation. A step
   * that stops ends the list: nothing after a refused raise runs. The VM and failover steps report
   * each node, and a refusal names the node and what blocks it.
   *
   * <p>The raise is refused, naming what blocks it, unless it was asked for and confirmed, every
   * node is up and not paused, the run of this flow (if any) succeeded on every node, no node is
   * still offered a feature update, and the controller says every node supports a higher level.
   * With everything right it happens once: afterwards the level is the highest and a second call
   * skips it.
   *
   * @param request what to do
   * @return one result per step taken, in order
   */
  public List<FlowStep> finish(PostUpgradeRequest request) {
    Objects.requireNonNull(request, "request");
    List<FlowStep> steps = new ArrayList<>();
    FlowStep raise = raise(request);
    steps.add(raise);
    if (!raise.canContinue()) {
      return steps;
    }
    FlowStep pool = pool(request, raise);
    steps.add(pool);
    if (!pool.canContinue()) {
      return steps;
    }
    FlowStep vms = vmVersions(request);
    steps.add(vms);
    if (!vms.canContinue()) {
      return steps;
    }
    FlowStep failover = failover(request);
    steps.add(failover);
    if (!failover.canContinue()) {
      return steps;
    }
    steps.add(validate(request));
    return steps;
  }

  private FlowStep raise(PostUpgradeRequest request) {
    if (!request.raiseFunctionalLevel()) {
      return FlowStep.skipped(Step.RAISE_FUNCTIONAL_LEVEL, "Not asked for: the functional level stays as it is,"
          + " and the nodes can still go back to the old version");
    }
    FunctionalLevel level;
    try {
      level = cluster.functionalLevel(context());
    } catch (ClusterActionUnsupportedException e) {
      return FlowStep.stopped(Step.RAISE_FUNCTIONAL_LEVEL, String.valueOf(e.getMessage()), List.of());
    }
    List<String> blockers = new ArrayList<>();
    for (NodeSnapshot node : cluster.snapshot().nodes()) {
      if (node.state() != NodeState.UP) {
        blockers.add("node \"" + node.name() + "\" is " + node.state() + ": every node must be up and not paused");
      }
    }
    RunResult result = runResult;
    if (result != null) {
      result.nodeResults().stream().filter(n -> n.status() != SummaryStatus.SUCCEEDED)
          .forEach(n -> blockers.add("node \"" + n.node() + "\" did not succeed in the run (" + n.status() + ")"));
    }
    blockers.addAll(pendingNodes());
    if (blockers.isEmpty() && !level.canRaise()) {
      return FlowStep.skipped(Step.RAISE_FUNCTIONAL_LEVEL, "The functional level is already " + level.current()
          + ", the highest the nodes support");
    }
    if (!blockers.isEmpty()) {
      return FlowStep.stopped(Step.RAISE_FUNCTIONAL_LEVEL, "Refused to raise the functional level: " + blockers.get(0),
          blockers);
    }
    if (!request.confirmIrreversible()) {
      return FlowStep.stopped(Step.RAISE_FUNCTIONAL_LEVEL, "Refused to raise the functional level from "
          + level.current() + " to " + level.highestSupported() + " without confirmation: it is irreversible (no node"
          + " can go back to the old version afterwards); confirm it explicitly (confirmIrreversible)", List.of());
    }
    try {
      FunctionalLevel raised = cluster.raiseFunctionalLevel(context());
      LOG.info("Raised the functional level of cluster \"{}\" from {} to {}", cluster.name(), level.current(),
          raised.current());
      return FlowStep.done(Step.RAISE_FUNCTIONAL_LEVEL, "Raised the functional level from " + level.current() + " to "
          + raised.current(), List.of());
    } catch (NodeOperationException e) {
      return FlowStep.stopped(Step.RAISE_FUNCTIONAL_LEVEL, "The cluster refused to raise the functional level: "
          + e.getMessage(), List.of());
    }
  }

  /** Nodes the upgrade's plug-in still offers a feature update: they do not run the new version. */
  private List<String> pendingNodes() {
    ScanReport report = await(coordinator.scan(upgrade));
    Map<String, List<Update>> updates = new LinkedHashMap<>();
    report.nodes().forEach(n -> updates.put(n.node(), n.updates()));
    List<String> pending = new ArrayList<>();
    FeatureOffers.byNode(updates).forEach((node, offers) -> pending.add("node \"" + node
        + "\" is not upgraded: it is still offered " + String.join(" and ", offers)));
    return pending;
  }

  private FlowStep pool(PostUpgradeRequest request, FlowStep raise) {
    if (!request.upgradeStoragePool()) {
      return FlowStep.skipped(Step.UPGRADE_STORAGE_POOL, "Not asked for");
    }
    try {
      FunctionalLevel level = cluster.functionalLevel(context());
      if (level.canRaise()) {
        return FlowStep.skipped(Step.UPGRADE_STORAGE_POOL, "The storage pool is upgraded after the functional level"
            + " is raised; it is still " + level.current());
      }
      StoragePoolVersion before = cluster.storagePoolVersion(context());
      if (!before.upgradeAvailable()) {
        return FlowStep.skipped(Step.UPGRADE_STORAGE_POOL, "Storage pool \"" + before.pool() + "\" is up to date"
            + " (version " + before.version() + ")");
      }
      StoragePoolVersion after = cluster.upgradeStoragePool(context());
      return FlowStep.done(Step.UPGRADE_STORAGE_POOL, "Upgraded storage pool \"" + after.pool() + "\" from version "
          + before.version() + " to " + after.version(), List.of());
    } catch (ClusterActionUnsupportedException e) {
      return FlowStep.skipped(Step.UPGRADE_STORAGE_POOL, String.valueOf(e.getMessage()));
    } catch (NodeOperationException e) {
      return FlowStep.stopped(Step.UPGRADE_STORAGE_POOL, "The storage pool upgrade failed: " + e.getMessage(),
          List.of());
    }
  }

  private FlowStep vmVersions(PostUpgradeRequest request) {
    if (!request.upgradeVmVersions()) {
      return FlowStep.skipped(Step.UPGRADE_VM_VERSIONS, "Not asked for: the virtual machines keep their"
          + " configuration version and can still move to a host on the old version");
    }
    try {
      FunctionalLevel level = cluster.functionalLevel(context());
      if (level.canRaise()) {
        return FlowStep.stopped(Step.UPGRADE_VM_VERSIONS, "Refused to upgrade VM configuration versions: the"
            + " functional level is still " + level.current() + "; raise it first", List.of());
      }
    } catch (ClusterActionUnsupportedException e) {
      return FlowStep.skipped(Step.UPGRADE_VM_VERSIONS, String.valueOf(e.getMessage()));
    }
    return perNode(Step.UPGRADE_VM_VERSIONS, "upgrade VM configuration versions",
        node -> cluster.upgradeVmConfigurationVersions(node, context()));
  }

  private FlowStep failover(PostUpgradeRequest request) {
    if (!request.verifyFailover()) {
      return FlowStep.skipped(Step.VERIFY_FAILOVER, "Not asked for");
    }
    return perNode(Step.VERIFY_FAILOVER, "verify failover", node -> cluster.verifyFailover(node, context()));
  }

  /** Runs a cluster-wide action node by node; the step stops naming every node and what blocks it. */
  private FlowStep perNode(Step step, String what, java.util.function.Function<String, NodePostUpgradeResult> action) {
    List<String> details = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    try {
      for (NodeSnapshot node : cluster.snapshot().nodes()) {
        NodePostUpgradeResult result = action.apply(node.name());
        result.done().forEach(d -> details.add("node \"" + node.name() + "\": " + d));
        result.blockers().forEach(b -> {
          details.add("node \"" + node.name() + "\": blocked: " + b);
          blocked.add("node \"" + node.name() + "\": " + b);
        });
        if (result.done().isEmpty() && result.blockers().isEmpty()) {
          details.add("node \"" + node.name() + "\": nothing to do");
        }
      }
    } catch (ClusterActionUnsupportedException e) {
      return FlowStep.skipped(step, String.valueOf(e.getMessage()));
    } catch (NodeOperationException e) {
      return FlowStep.stopped(step, "Could not " + what + ": " + e.getMessage(), details);
    }
    if (!blocked.isEmpty()) {
      return FlowStep.stopped(step, "Could not " + what + " everywhere: " + blocked.get(0)
          + (blocked.size() > 1 ? " (and " + (blocked.size() - 1) + " more)" : ""), details);
    }
    return FlowStep.done(step, "Every node: " + what + " done", details);
  }

  private FlowStep validate(PostUpgradeRequest request) {
    if (!request.validate()) {
      return FlowStep.skipped(Step.VALIDATE, "Not asked for");
    }
    try {
      ValidationSummary summary = cluster.validate(context());
      String counts = summary.passed() + " passed, " + summary.warnings() + " warning(s), " + summary.failed()
          + " failed" + (summary.reportLocation().isEmpty() ? "" : "; report: " + summary.reportLocation());
      return summary.succeeded() ? FlowStep.done(Step.VALIDATE, "The cluster passed validation: " + counts,
          summary.problems()) : FlowStep.stopped(Step.VALIDATE, "The cluster failed validation: " + counts,
          summary.problems());
    } catch (ClusterActionUnsupportedException e) {
      return FlowStep.skipped(Step.VALIDATE, String.valueOf(e.getMessage()));
    }
  }

  private <T> T await(CompletableFuture<T> future) {
    driver.accept(future);
    return future.join();
  }

  private OperationContext context() {
    return new FlowContext(new RunId(new UUID(0, 0)), cluster.name(), CancellationSignal.NEVER, new OperationLog() {
      @Override
      public void info(String message) {
        LOG.info("{}", message);
      }

      @Override
      public void warn(String message) {
        LOG.warn("{}", message);
      }
    }, clock);
  }

  private record FlowContext(RunId runId, String nodeName, CancellationSignal cancellation, OperationLog log,
      Clock clock) implements OperationContext {}

  /** Describes a {@link FeatureUpdateFlow}. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final UpdateCoordinator coordinator;
    private final ClusterController cluster;
    private final RunOptions upgrade;
    private @Nullable RunOptions further;
    private Consumer<CompletableFuture<?>> driver = future -> { };
    private MixedOsTracker tracker = new MixedOsTracker();
    private final Clock clock;

    private Builder(UpdateCoordinator coordinator, ClusterController cluster, RunOptions upgrade, Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      this.upgrade = Objects.requireNonNull(upgrade, "upgrade");
    }

    /**
     * Sets the options of the scan for further updates after the run, such as the default plug-in's.
     *
     * @param options the options
     * @return this builder
     */
    public Builder furtherUpdates(RunOptions options) {
      this.further = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets what a step does with a scan's or run's future before it takes its value: by default
     * nothing (the value is awaited on the calling thread); a simulator drives itself until it is done.
     *
     * @param value the driver
     * @return this builder
     */
    public Builder driver(Consumer<CompletableFuture<?>> value) {
      this.driver = Objects.requireNonNull(value, "driver");
      return this;
    }

    /**
     * Sets the mixed-OS tracker registered as the coordinator's listener; by default one the
     * coordinator does not feed, so mixed-OS mode is read from the run's result after it.
     *
     * @param value the tracker
     * @return this builder
     */
    public Builder tracker(MixedOsTracker value) {
      this.tracker = Objects.requireNonNull(value, "tracker");
      return this;
    }

    /**
     * Builds the flow.
     *
     * @return the flow
     */
    public FeatureUpdateFlow build() {
      return new FeatureUpdateFlow(this);
    }
  }
}
