package dev.cau.core;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.engine.NodeOrdering;
import dev.cau.core.engine.OfflineRunStateMachine;
import dev.cau.core.engine.RunDriver;
import dev.cau.core.engine.RunMachine;
import dev.cau.core.engine.RunStateMachine;
import dev.cau.core.engine.SecretScrubber;
import dev.cau.core.journal.InMemoryRunJournal;
import dev.cau.core.journal.RunJournal;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginArgumentBinder;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.policy.OrchestrationPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Starts updating runs on one cluster: CAU's Update Coordinator.
 *
 * <pre>{@code
 * UpdateCoordinator coordinator = UpdateCoordinator.builder(myCluster)
 *     .listener(event -> ui.show(event))
 *     .build();
 * RunResult result = coordinator.start(RunOptions.defaults()).await();
 * }</pre>
 *
 * <p>{@link #start} runs a rolling update, CAU's updating run, in which the workloads keep
 * running; {@link #startOfflineUpdate} runs an offline update, which stops the whole cluster and
 * must be acknowledged as such. Both check everything they can before any node is touched: the
 * options against the cluster, the plug-in names and their arguments. A problem is thrown at once
 * as an {@link dev.cau.api.InvalidOptionsException} or
 * {@link dev.cau.api.PluginNotFoundException}. Instances are thread-safe.
 */
public final class UpdateCoordinator {
  private final ClusterController cluster;
  private final PluginRegistry plugins;
  private final Execution execution;
  private final List<RunListener> listeners;
  private final Supplier<RunId> runIds;
  private final Supplier<RunJournal> journals;
  private final OrchestrationPolicy policy;

  private UpdateCoordinator(Builder builder) {
    this.cluster = builder.cluster;
    this.plugins = builder.plugins != null
        ? builder.plugins
        : PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
    this.execution = builder.execution != null ? builder.execution : Execution.system();
    this.listeners = List.copyOf(builder.listeners);
    this.runIds = builder.runIds;
    this.journals = builder.journals;
    this.policy = builder.policy;
  }

  /**
   * Starts configuring a coordinator for a cluster.
   *
   * @param cluster the cluster to update
   * @return a builder
   */
  public static Builder builder(ClusterController cluster) {
    return new Builder(cluster);
  }

  /**
   * Checks the options against the cluster and starts a run. Returns as soon as the run has
   * started; the run goes on in the background.
   *
   * @param options the run's options
   * @return the started run
   * @throws dev.cau.api.InvalidOptionsException if an option or plug-in argument is not allowed
   *     for this cluster; no node has been touched
   * @throws dev.cau.api.PluginNotFoundException if a plug-in name is unknown; no node has been
   *     touched
   */
  public UpdatingRun start(RunOptions options) {
    return start(options, runId -> new RunStateMachine(runId, options, policy));
  }

  /**
   * Checks the options against the cluster and starts an offline update: the whole cluster is
   * stopped, so that every clustered role goes offline, every node is updated and restarted at
   * the same time, and the cluster is started again. Returns as soon as the run has started.
   *
   * <p>This is for maintenance windows in which the workloads may be down; it is much faster
   * than a rolling {@link #start} because no node waits for another and nothing is drained. The
   * cluster's controller must support {@link ClusterController#stopCluster} and
   * {@link ClusterController#startCluster}. Once the run has stopped the cluster, it always starts
   * it again before it ends, even when nodes failed or the run was canceled, and says in the
   * result if that failed.
   *
   * <p>The options are those of a rolling run. These apply: the plug-ins and their arguments,
   * {@code RunPluginsSerially}, {@code StopOnPluginFailure}, {@code RebootTimeoutMinutes},
   * {@code RebootMode} (soft reboot), {@code SuspendReboot}, {@code EnableFirewallRules},
   * {@code MaxUpdatePasses}, {@code PreUpdateScript} and {@code PostUpdateScript} (on every node,
   * after the cluster stopped and after it started again), {@code ConfigurationName},
   * {@code WaitForStorageRepairTimeoutMinutes} (after the start), {@code RequireAllNodesOnline},
   * {@code BypassMaintenanceModeCheck}, {@code MaxFailedNodes} (checked before the cluster is
   * stopped, on the nodes that failed to scan or stage), {@code WarnAfter} and {@code StopAfter}.
   * Those about draining and taking nodes one at a time do not apply and are ignored: the pause,
   * migration and failback modes, the node and site order (which only orders the report), the
   * quorum policy, {@code SeparateReboots}, {@code SkipCompliantNodes}, the workflow order,
   * the suspend retries and {@code MaxRetriesPerNode} (each node is tried once).
   *
   * @param options the run's options
   * @param acknowledgement must be {@link OfflineUpdate#WORKLOADS_GO_OFFLINE}: the caller accepts
   *     that every workload of the cluster is offline while the update runs
   * @return the started run
   * @throws dev.cau.api.InvalidOptionsException if the acknowledgement is missing, or an option or
   *     plug-in argument is not allowed for this cluster; no node has been touched
   * @throws dev.cau.api.PluginNotFoundException if a plug-in name is unknown; no node has been
   *     touched
   */
  public UpdatingRun startOfflineUpdate(RunOptions options, OfflineUpdate acknowledgement) {
    Objects.requireNonNull(options, "options");
    if (acknowledgement != OfflineUpdate.WORKLOADS_GO_OFFLINE) {
      throw new InvalidOptionsException(OfflineUpdate.OPTION_NAME, String.valueOf(acknowledgement),
          "OfflineUpdate.WORKLOADS_GO_OFFLINE, the acknowledgement that every clustered role of cluster \""
              + cluster.name() + "\" goes offline while the cluster is stopped for the update");
    }
    return start(options, runId -> new OfflineRunStateMachine(runId, options));
  }

  /**
   * Checks the options that depend on the cluster, as {@link #start} does before any node is
   * touched: {@code MaxFailedNodes} must be below the node count, {@code NodeOrder} must name
   * nodes of the cluster and {@code SiteAwareUpdatingOrder} its sites. Plug-ins and their
   * arguments are not checked here.
   *
   * @param options the options
   * @param snapshot the cluster
   * @throws dev.cau.api.InvalidOptionsException naming the first option that does not fit
   */
  public static void checkAgainstCluster(RunOptions options, ClusterSnapshot snapshot) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(snapshot, "snapshot");
    options.effectiveMaxFailedNodes(snapshot.nodes().size());
    NodeOrdering.order(snapshot, options.nodeOrder(), options.siteAwareUpdatingOrder());
  }

  private UpdatingRun start(RunOptions options, Function<RunId, RunMachine> machines) {
    ClusterSnapshot snapshot = cluster.snapshot();
    checkAgainstCluster(options, snapshot);

    Map<String, UpdatePlugin> instances = new LinkedHashMap<>();
    List<String> secrets = new ArrayList<>();
    for (PluginSelection selection : options.plugins()) {
      UpdatePluginProvider provider = plugins.require(selection.name());
      PluginArguments arguments = PluginArgumentBinder.bind(provider, selection.arguments());
      arguments.names().stream()
          .filter(arguments::isSecret)
          .forEach(name -> arguments.get(name).ifPresent(secrets::add));
      instances.put(selection.name(), provider.create(arguments));
    }

    RunId runId = runIds.get();
    RunJournal journal = journals.get();
    RunDriver driver = new RunDriver(
        runId,
        cluster,
        instances,
        machines.apply(runId),
        execution,
        journal,
        listeners,
        new SecretScrubber(secrets));
    driver.start(snapshot, "coordinator");
    return new UpdatingRun(runId, journal, driver.completion(), driver::cancel);
  }

  /** Configures an {@link UpdateCoordinator}. Not thread-safe. */
  public static final class Builder {
    private final ClusterController cluster;
    private @Nullable PluginRegistry plugins;
    private @Nullable Execution execution;
    private final List<RunListener> listeners = new ArrayList<>();
    private Supplier<RunId> runIds = () -> new RunId(UUID.randomUUID());
    private Supplier<RunJournal> journals = InMemoryRunJournal::new;
    private OrchestrationPolicy policy = OrchestrationPolicy.CAU;

    private Builder(ClusterController cluster) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * Sets where plug-ins are looked up by name. By default, plug-ins are discovered with
     * {@link java.util.ServiceLoader} through the thread's context class loader when the
     * coordinator is built.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder plugins(PluginRegistry registry) {
      this.plugins = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets time and threads. By default {@link Execution#system()}.
     *
     * @param execution the execution
     * @return this builder
     */
    public Builder execution(Execution execution) {
      this.execution = Objects.requireNonNull(execution, "execution");
      return this;
    }

    /**
     * Adds a listener for the events of every run.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets where run ids come from. By default, random UUIDs; a simulation passes seeded ones.
     *
     * @param runIds supplies one id per run
     * @return this builder
     */
    public Builder runIds(Supplier<RunId> runIds) {
      this.runIds = Objects.requireNonNull(runIds, "runIds");
      return this;
    }

    /**
     * Sets where each run's journal is kept. By default, in memory.
     *
     * @param journals supplies one journal per run
     * @return this builder
     */
    public Builder journals(Supplier<RunJournal> journals) {
      this.journals = Objects.requireNonNull(journals, "journals");
      return this;
    }

    /**
     * Sets the decisions taken at the engine's decision points. By default CAU's
     * ({@link OrchestrationPolicy#CAU}); policy testers plug in variants.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(OrchestrationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the coordinator.
     *
     * @return the coordinator
     */
    public UpdateCoordinator build() {
      return new UpdateCoordinator(this);
    }
  }
}
