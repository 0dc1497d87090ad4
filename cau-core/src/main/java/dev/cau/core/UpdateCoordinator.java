package dev.cau.core;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.event.RunListener;
import dev.cau.api.CancellationSignal;
import dev.cau.api.CauException;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.plugin.InitialScanReview;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import dev.cau.core.engine.ReadContext;
import dev.cau.core.readiness.CauRules;
import dev.cau.core.readiness.ClusterNotReadyException;
import dev.cau.core.readiness.PluginRules;
import dev.cau.core.readiness.ReadinessCheck;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.core.scan.ScanReport;
import java.time.Instant;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.engine.NodeOrdering;
import dev.cau.core.engine.RunDriver;
import dev.cau.core.engine.RunMachine;
import dev.cau.core.engine.SecretScrubber;
import dev.cau.core.journal.InMemoryRunJournal;
import dev.cau.core.journal.RunJournal;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginArgumentBinder;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.OperationMessage;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.lock.CoordinatorLock;
import dev.cau.core.lock.HeldLease;
import dev.cau.core.report.RunHistory;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.StoredRunJournal;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Starts updating runs on one cluster: CAU's Update Coordinator.
 *
 * <pre>{@code
 * try (UpdateCoordinator coordinator = UpdateCoordinator.builder(myCluster)
 *     .listener(event -> ui.show(event))
 *     .build()) {
 *   RunResult result = coordinator.start(RunOptions.defaults()).await();
 * }
 * }</pre>
 *
 * <p>{@link #start} runs a rolling update, CAU's updating run, in which the workloads keep
 * running; {@link #startOfflineUpdate} runs an offline update, which stops the whole cluster and
 * must be acknowledged as such. Both check everything they can before any node is touched: the
 * options against the cluster, the plug-in names and their arguments. A problem is thrown at once
 * as an {@link dev.cau.api.InvalidOptionsException} or
 * {@link dev.cau.api.PluginNotFoundException}. Instances are thread-safe.
 *
 * <p>A coordinator starts threads unless it is given an {@link Builder#execution execution}:
 * {@link #close()} it when it is no longer needed.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class UpdateCoordinator implements AutoCloseable {
  /**
   * How long, by default, a call whose thread was interrupted may take to return before the
   * thread is abandoned; also how long {@link #close()} waits for its runs' calls and for its
   * threads.
   */
  public static final Duration DEFAULT_INTERRUPT_GRACE_PERIOD = RunDriver.DEFAULT_INTERRUPT_GRACE_PERIOD;

  /**
   * How many nodes a scan preview scans at once by default: 8. CAU scans every node at once;
   * cau4j bounds it so that a large cluster does not open a session to every node and send every
   * node to the update source (WSUS, a share) at the same moment, while most clusters (up to 8
   * nodes) are still scanned in one round.
   */
  public static final int DEFAULT_SCAN_PARALLELISM = 8;

  private static final Logger LOG = LoggerFactory.getLogger(UpdateCoordinator.class);
  private static final int HEARTBEATS_PER_EXPIRY = 4;

  private final ClusterController cluster;
  private final PluginRegistry plugins;
  private final Execution execution;
  private final List<RunListener> listeners;
  private final Supplier<RunId> runIds;
  private final Supplier<RunJournal> journals;
  private final OrchestrationPolicy policy;
  private final RolloutPolicy rollout;
  private final CoordinatorIdentity identity;
  private final RunRecords records;
  private final @Nullable RunStore store;
  private final @Nullable CoordinatorLock lock;
  private final @Nullable SystemThreads ownThreads;
  private final Duration interruptGracePeriod;
  private final List<AbandonedCall> abandoned = new CopyOnWriteArrayList<>();
  // The drivers of the runs not yet ended or with abandoned calls still running, and whether
  // close() was called; guarded by this.
  private final Set<RunDriver> running = new HashSet<>();
  private boolean closed;

  private UpdateCoordinator(Builder builder) {
    this.cluster = builder.cluster;
    this.plugins = builder.plugins != null
        ? builder.plugins
        : PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
    if (builder.execution != null) {
      this.execution = builder.execution;
      this.ownThreads = null;
    } else {
      SystemThreads threads = new SystemThreads();
      this.execution = Execution.system(threads);
      this.ownThreads = threads;
    }
    this.interruptGracePeriod = builder.interruptGracePeriod;
    this.listeners = List.copyOf(builder.listeners);
    this.runIds = builder.runIds;
    this.journals = builder.journals;
    this.policy = builder.policy;
    this.rollout = builder.rollout;
    this.identity = builder.identity != null
        ? builder.identity
        : CoordinatorIdentity.remote("cau4j-" + UUID.randomUUID(), "pid-" + ProcessHandle.current().pid());
    this.store = builder.runStore != null ? builder.runStore : cluster.runStore().orElse(null);
    this.records = new RunRecords(store, builder.journals);
    this.lock = cluster.runLock()
        .map(l -> new CoordinatorLock(l, cluster.name(), execution.clock(), builder.leaseExpiry))
        .orElse(null);
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
    return start(options, RunHeader.RunKind.ROLLING);
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
   * stopped, on the nodes that failed to scan or stage), {@code WarnAfter}, {@code StopAfter}, the
   * operation timeout and {@code PluginRestartTimeoutMinutes}. Those about draining and taking
   * nodes one at a time do not apply and are ignored: the pause, migration and failback modes, the
   * node and site order (which only orders the report), the quorum policy, {@code SeparateReboots},
   * {@code SkipCompliantNodes}, the workflow order, {@code SecondOrderStaging} (updates a re-scan
   * finds are staged at once, as no node is drained), the suspend retries and
   * {@code MaxRetriesPerNode} (each node is tried once).
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
    return start(options, RunHeader.RunKind.OFFLINE);
  }

  /**
   * Carries on the cluster's interrupted run: the run whose coordinator stopped before it ended
   * (a crash, or, in self-updating mode, the role failing over to another node). The journal is
   * replayed, the calls whose answers were lost are made again (each is safe to repeat: a suspend
   * of a suspended node, a resume of a resumed one, an install of what a new scan still offers),
   * and the run goes on where it stopped.
   *
   * <p>The coordinator takes the cluster's lock over if its lease expired, if it is the same
   * coordinator, or if it is an instance of the same self-updating role on the node that owns the
   * role now. A damaged journal tail is cut by the run store, and said in a warning event.
   *
   * @param options the run's options, with its secret plug-in arguments; apart from the secrets
   *     they must be the options the run started with
   * @return the resumed run
   * @throws IllegalStateException if the cluster has no interrupted run, or no run store
   * @throws dev.cau.api.CoordinatorLockedException if another coordinator holds the lock
   * @throws dev.cau.api.InvalidOptionsException if the options are not the run's
   */
  public UpdatingRun resume(RunOptions options) {
    Objects.requireNonNull(options, "options");
    refuseIfClosed();
    StoredRunJournal journal = interruptedRun().orElseThrow(() -> new IllegalStateException(
        "Cluster \"" + cluster.name() + "\" has no interrupted run to resume"
            + (records.store().isEmpty() ? ": the coordinator has no run store" : "")));
    return resume(options, journal);
  }

  /**
   * Recovers the cluster from a coordinator that failed, as CAU's {@code -ForceRecovery}: clears
   * the lock whoever holds it, and ends the interrupted run, if there is one, by resuming it and
   * canceling it at once, so that the node it was updating is brought back to service. A
   * coordinator that still runs loses its lease and stops at its next step.
   *
   * @param options the interrupted run's options, with its secret plug-in arguments
   * @return the recovering run, which ends Canceled; empty if there was no interrupted run
   */
  public Optional<UpdatingRun> forceRecovery(RunOptions options) {
    Objects.requireNonNull(options, "options");
    refuseIfClosed();
    if (lock != null) {
      lock.forceClear().ifPresent(cleared -> LOG.warn(
          "ForceRecovery on cluster \"{}\" cleared the run lock of coordinator {} on {} (run {})",
          cluster.name(), cleared.owner(), cleared.host(), cleared.runId()));
    }
    Optional<StoredRunJournal> interrupted = interruptedRun();
    if (interrupted.isEmpty()) {
      return Optional.empty();
    }
    Started started = begin(options, interrupted.get());
    started.driver().cancel("ForceRecovery ended the interrupted run");
    return Optional.of(started.run());
  }

  /**
   * Previews the updates a run with these options would install, as {@code Invoke-CauScan} does:
   * every node is scanned through the selected plug-ins, {@value #DEFAULT_SCAN_PARALLELISM} nodes
   * at a time, each node's scans under the {@code OperationTimeout}. Nothing on any node changes,
   * and no run lock is taken: a preview may run while a run updates the cluster, and says so in
   * {@link ScanReport#runHoldingLock()}. A node that is not up, or whose scan fails or times out,
   * has its error in the report; the others are scanned all the same.
   *
   * @param options the run's options: its plug-ins and their arguments, and the operation timeout
   * @return the report, once every node's scan has ended
   * @throws dev.cau.api.InvalidOptionsException if a plug-in argument is not allowed
   * @throws dev.cau.api.PluginNotFoundException if a plug-in name is unknown
   */
  public CompletableFuture<ScanReport> scan(RunOptions options) {
    return scan(options, DEFAULT_SCAN_PARALLELISM);
  }

  /**
   * Previews the updates a run with these options would install, scanning at most
   * {@code parallelism} nodes at a time.
   *
   * @param options the run's options
   * @param parallelism how many nodes are scanned at once, at least 1
   * @return the report, once every node's scan has ended
   * @throws IllegalArgumentException if {@code parallelism} is below 1
   * @throws dev.cau.api.InvalidOptionsException if a plug-in argument is not allowed
   * @throws dev.cau.api.PluginNotFoundException if a plug-in name is unknown
   * @see #scan(RunOptions)
   */
  public CompletableFuture<ScanReport> scan(RunOptions options, int parallelism) {
    Objects.requireNonNull(options, "options");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    refuseIfClosed();
    Prepared prepared = createPlugins(options);
    ClusterSnapshot snapshot = cluster.snapshot();
    RunId holder = lock == null ? null : lock.holder().map(CoordinatorLease::runId).orElse(null);
    return new ScanPreview(cluster, execution, prepared.plugins(), new SecretScrubber(prepared.secrets()),
        options.operationTimeout(), runIds.get(), parallelism, snapshot, holder).start();
  }

  /**
   * Checks that the cluster is ready to be updated with these options, as {@code Test-CauSetup}
   * does: CAU's Best Practices Analyzer rules ({@link CauRules}), then each plug-in's capability
   * rule and own rules. Only reads; a rule that cannot be checked is reported so, with the reason.
   * A cluster that cannot be read fails rule {@code CAU-01} and leaves every other rule not
   * checked; options or plug-in arguments that are not valid fail rule {@code CAU-15}.
   *
   * @param options the options a run would be given
   * @return one finding per rule
   */
  public ReadinessReport testSetup(RunOptions options) {
    Objects.requireNonNull(options, "options");
    refuseIfClosed();
    Instant at = execution.clock().instant();
    RunId checkId = runIds.get();
    String optionsProblem = null;
    Prepared prepared = null;
    try {
      prepared = createPlugins(options);
    } catch (CauException e) {
      optionsProblem = e.getMessage();
    }
    SecretScrubber scrubber = new SecretScrubber(prepared == null ? List.of() : prepared.secrets());
    List<ReadinessRule> cauRules = CauRules.rules(cluster, options, optionsProblem, store, plugins);
    ClusterSnapshot snapshot;
    try {
      snapshot = cluster.snapshot();
    } catch (RuntimeException e) {
      ReadinessCheck check = new ReadinessCheck(readiness(checkId, null), scrubber::scrub);
      check.check(CauRules.SOURCE, List.of(ReadinessRule.of(CauRules.id(1), cauRules.get(0).title(), Severity.ERROR,
          cauRules.get(0).resolution(), c -> RuleOutcome.failed("The cluster could not be read: " + e.getMessage()))));
      check.skip(CauRules.SOURCE, cauRules.subList(1, cauRules.size()), "The cluster could not be read");
      return new ReadinessReport(cluster.name(), at, check.findings());
    }
    if (optionsProblem == null) {
      try {
        checkAgainstCluster(options, snapshot);
      } catch (CauException e) {
        optionsProblem = e.getMessage();
        cauRules = CauRules.rules(cluster, options, optionsProblem, store, plugins);
      }
    }
    ReadinessCheck check = new ReadinessCheck(readiness(checkId, snapshot), scrubber::scrub).check(CauRules.SOURCE, cauRules);
    if (prepared != null) {
      prepared.plugins().forEach((name, plugin) -> check.check(name, PluginRules.of(name, plugin)));
    }
    return new ReadinessReport(cluster.name(), at, check.findings());
  }

  /** What readiness rules read: one snapshot for the whole check, and the nodes' capabilities. */
  private ReadinessContext readiness(RunId checkId, @Nullable ClusterSnapshot snapshot) {
    return new ReadinessContext() {
      @Override
      public ClusterSnapshot snapshot() {
        if (snapshot == null) {
          throw new IllegalStateException("The cluster could not be read");
        }
        return snapshot;
      }

      @Override
      public <T> Optional<T> capability(String node, Class<T> type) {
        return cluster.node(node).capability(type);
      }

      @Override
      public OperationContext callContext(String node) {
        return new ReadContext(checkId, node, CancellationSignal.NEVER, new OperationLog() {
          @Override
          public void info(String message) {
            LOG.info("Readiness check {} [{}] {}", checkId, node, message);
          }

          @Override
          public void warn(String message) {
            LOG.warn("Readiness check {} [{}] {}", checkId, node, message);
          }
        }, execution.clock(), cluster.node(node));
      }
    };
  }

  /** Refuses a run whose plug-ins' error-severity rules fail, before anything is touched. */
  private void refuseIfPluginsNotReady(Prepared prepared, ClusterSnapshot snapshot) {
    SecretScrubber scrubber = new SecretScrubber(prepared.secrets());
    ReadinessCheck check = new ReadinessCheck(readiness(runIds.get(), snapshot), scrubber::scrub);
    prepared.plugins().forEach((name, plugin) -> check.check(name, PluginRules.of(name, plugin)));
    List<Finding> blocking = check.findings().stream().filter(Finding::isBlocking).toList();
    if (!blocking.isEmpty()) {
      throw new ClusterNotReadyException(cluster.name(), blocking);
    }
  }

  /**
   * Reads the cluster's run status, as CAU's {@code Get-CauRun}: {@code RunNotInProgress},
   * {@code RunInProgress} with the run's id, start, current coordinator, each node's latest
   * status and the finished nodes' results, or {@code RunFailed} for a run whose coordinator
   * stopped before it ended. Any coordinator of the cluster can read it, not only the one
   * carrying the run: it comes from the cluster's lock and run store.
   *
   * @return the status now
   */
  public RunStatus status() {
    return StatusReader.read(cluster.name(), records, lock, rollout, policy);
  }

  /**
   * Waits for the cluster's run to end while receiving its progress, as CAU's
   * {@code Get-CauRun -WaitForCompletion}: reads the status now and then every {@code interval}
   * (on this coordinator's scheduler, so in virtual time under simulation), passes each status
   * that differs from the one before to {@code updates}, and completes with the first one that is
   * not {@link RunState#RUN_IN_PROGRESS}.
   *
   * @param interval how often to read the status
   * @param updates receives every new status, on the scheduler's thread
   * @return the status once no run is in progress
   */
  public CompletableFuture<RunStatus> awaitCompletion(Duration interval, Consumer<RunStatus> updates) {
    Objects.requireNonNull(updates, "updates");
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidOptionsException("interval", interval.toString(), "a positive duration");
    }
    CompletableFuture<RunStatus> done = new CompletableFuture<>();
    new Object() {
      private @Nullable RunStatus last;

      void poll() {
        try {
          RunStatus now = status();
          if (!now.equals(last)) {
            last = now;
            updates.accept(now);
          }
          if (now.state() == RunState.RUN_IN_PROGRESS) {
            execution.scheduler().schedule(interval, this::poll);
          } else {
            done.complete(now);
          }
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
      }
    }.poll();
    return done;
  }

  /**
   * Returns the history of the cluster's runs, as CAU's {@code Get-CauReport}: the reports of
   * the finished runs in this coordinator's run store.
   *
   * @return the history
   * @throws IllegalStateException if the coordinator has no run store
   */
  public RunHistory history() {
    return new RunHistory(records.store().orElseThrow(() -> new IllegalStateException(
        "The coordinator of cluster \"" + cluster.name() + "\" has no run store, so it keeps no history")));
  }

  /**
   * Returns the calls whose threads this coordinator abandoned: a run stopped waiting for them (at
   * their operation timeout, or at {@link #close()}), their threads were interrupted, and they had
   * still not returned a grace period later. Each is also logged at WARN when it is abandoned.
   *
   * @return the abandoned calls, oldest first
   */
  public List<AbandonedCall> abandonedCalls() {
    return List.copyOf(abandoned);
  }

  /**
   * Closes the coordinator: it refuses new runs, stops the runs it carries where they are, and
   * ends the threads it started. Returns within about twice the interrupt grace period
   * ({@link Builder#interruptGracePeriod}); closing again does nothing. The status and history
   * can still be read afterwards.
   *
   * <p><b>Runs still going are stopped, not canceled.</b> A cancel brings the node in progress
   * back to service, which can take as long as a drain and a failback: longer than an
   * application's shutdown should wait, so it would be cut short anyway. Instead each run stops
   * as it does when its coordinator's machine goes away, which CAU recovers from: no further step
   * is taken and nothing on the cluster is touched; the journal keeps every step taken, the
   * run's lease is released, and {@link UpdatingRun#await()} throws a
   * {@link RunNeedsRecoveryException}. The cluster's status shows the run {@code RunFailed} until
   * a new coordinator on the same run store {@linkplain #resume resumes} it or
   * {@linkplain #forceRecovery ends} it. To end a run before closing, call
   * {@link UpdatingRun#cancel()} and wait for it; do so always when there is no run store, since
   * a journal kept in memory cannot be resumed.
   *
   * <p><b>Calls.</b> The run's cancellation signal is raised and the threads still in its calls
   * are interrupted; a call that has not returned within the grace period is abandoned: logged at
   * WARN, listed in {@link #abandonedCalls()}, and its thread left running. Such a call may still
   * be acting on its node; look at the node before another coordinator resumes the run.
   *
   * <p><b>Threads.</b> A coordinator built without an {@linkplain Builder#execution execution}
   * shuts down the threads it made (the {@code cau-timer}, {@code cau-coordinator} and
   * {@code cau-call} threads) and waits, within the grace period, for all of them to end except
   * those of abandoned calls; one that still has not ended is named in a WARN. An injected
   * execution is left running: whoever made it shuts it down, after closing the coordinator.
   *
   * <p>Do not call it from a listener or from a call: it waits for the threads that run them.
   */
  @Override
  public void close() {
    List<RunDriver> stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = List.copyOf(running);
    }
    boolean interrupted = false;
    try {
      CompletableFuture.allOf(stopping.stream()
              .map(driver -> driver.stop("its coordinator " + identity.name() + " was closed"))
              .toArray(CompletableFuture[]::new))
          .get(interruptGracePeriod.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // the calls still running are reported below
    } catch (InterruptedException e) {
      interrupted = true;
    }
    stopping.forEach(RunDriver::reportAbandonedCalls);
    SystemThreads threads = ownThreads;
    if (threads != null) {
      Set<String> givenUp = abandoned.stream().map(AbandonedCall::thread).collect(Collectors.toSet());
      try {
        List<String> stillAlive = threads.shutDown(interrupted ? Duration.ZERO : interruptGracePeriod, givenUp);
        if (!stillAlive.isEmpty()) {
          LOG.warn("The coordinator of cluster \"{}\" is closed, but its threads {} did not end within {};"
              + " a listener or the run store may be blocking them", cluster.name(), stillAlive, interruptGracePeriod);
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns the identity this coordinator takes the cluster's lock with.
   *
   * @return the identity
   */
  public CoordinatorIdentity identity() {
    return identity;
  }

  private UpdatingRun start(RunOptions options, RunHeader.RunKind kind) {
    refuseIfClosed();
    ClusterSnapshot snapshot = cluster.snapshot();
    Prepared prepared = prepare(options, snapshot);
    refuseIfPluginsNotReady(prepared, snapshot);
    RunId runId = runIds.get();
    HeldLease lease = lock == null ? null : lock.acquire(identity, runId);
    if (lock == null) {
      LOG.warn("Cluster \"{}\" keeps no run lock: run {} is not protected against a second coordinator", cluster.name(), runId);
    }
    try {
      refuseIfInterrupted();
      RunHeader header = header(runId, kind, options, reviewers(prepared));
      RunJournal journal = records.create(header);
      RunDriver driver = driver(header, options, prepared, journal, lease);
      driver.start(snapshot, identity.name());
      return new UpdatingRun(runId, journal, driver.completion(), driver::cancel);
    } catch (RuntimeException e) {
      if (lease != null) {
        lease.release();
      }
      throw e;
    }
  }

  private UpdatingRun resume(RunOptions options, StoredRunJournal journal) {
    return begin(options, journal).run();
  }

  private record Started(UpdatingRun run, RunDriver driver) {}

  private Started begin(RunOptions options, StoredRunJournal journal) {
    RunHeader stored = journal.header();
    RunId runId = stored.runId();
    ClusterSnapshot snapshot = cluster.snapshot();
    Prepared prepared = prepare(options, snapshot);
    RunHeader.RunKind kind = stored.kind();
    RunHeaders.checkSameOptions(stored, header(runId, kind, options, stored.scanReviewers()));
    HeldLease lease = lock == null ? null : lock.takeOver(identity, runId, snapshot);
    try {
      RunDriver driver = driver(stored, options, prepared, journal, lease);
      journal.damage().ifPresent(damage -> reportDamage(runId, damage));
      if (journal.entries().isEmpty()) {
        driver.start(snapshot, identity.name()); // the coordinator stopped before the run touched anything
      } else {
        driver.resume(journal.entries(), identity.name());
      }
      return new Started(new UpdatingRun(runId, journal, driver.completion(), driver::cancel), driver);
    } catch (RuntimeException e) {
      if (lease != null) {
        lease.release();
      }
      throw e;
    }
  }

  private void reportDamage(RunId runId, String damage) {
    String message = "The run's journal was damaged and cut: " + damage + "; the run resumes from the last intact entry";
    LOG.warn("Run {}: {}", runId, message);
    OperationMessage event = new OperationMessage(runId, execution.clock().instant(), "", true, message);
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Run {}: listener {} failed on the journal damage warning; the run goes on", runId, listener, e);
      }
    }
  }

  /** The run to resume: the one the lock names if it has not ended, otherwise the latest one that did not end. */
  private Optional<StoredRunJournal> interruptedRun() {
    List<StoredRunJournal> unfinished = records.unfinished();
    Optional<RunId> locked = lock == null ? Optional.empty() : lock.holder().map(CoordinatorLease::runId);
    if (locked.isPresent()) {
      Optional<StoredRunJournal> named = unfinished.stream()
          .filter(j -> j.header().runId().equals(locked.get())).findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    return unfinished.isEmpty() ? Optional.empty() : Optional.of(unfinished.get(unfinished.size() - 1));
  }

  private void refuseIfInterrupted() {
    List<StoredRunJournal> unfinished = records.unfinished();
    if (!unfinished.isEmpty()) {
      RunHeader header = unfinished.get(unfinished.size() - 1).header();
      throw new RunNeedsRecoveryException(header.runId(), "Cluster \"" + cluster.name() + "\" has an interrupted run "
          + header.runId() + ", started at " + header.startedAt() + ", whose coordinator stopped before it ended;"
          + " nodes may still be suspended by it. Resume that run, or end it with ForceRecovery, before starting another");
    }
  }

  private record Prepared(Map<String, UpdatePlugin> plugins, List<String> secrets) {}

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

  /** Checks the options against the cluster and creates the plug-ins, before anything is touched. */
  private Prepared prepare(RunOptions options, ClusterSnapshot snapshot) {
    checkAgainstCluster(options, snapshot);
    checkSelfUpdatingRole(snapshot);
    return createPlugins(options);
  }

  /** Looks the plug-ins up, checks their arguments, and creates them. */
  private Prepared createPlugins(RunOptions options) {
    Map<String, UpdatePlugin> instances = new LinkedHashMap<>();
    List<String> secrets = new ArrayList<>();
    for (PluginSelection selection : options.plugins()) {
      UpdatePluginProvider provider = plugins.require(selection.name());
      PluginArguments arguments = PluginArgumentBinder.bind(provider, selection.arguments());
      arguments.names().stream()
          .filter(arguments::isSecret)
          .forEach(name -> arguments.get(name).ifPresent(secrets::add));
      instances.put(selection.name(), create(provider, selection.name(), arguments, secrets));
    }
    return new Prepared(instances, secrets);
  }

  /**
   * Creates a plug-in. A factory's failure that holds a secret argument's value anywhere in its
   * messages or causes is replaced by a {@link PluginFailureException} with the secrets masked and
   * no cause, so that no log or stack trace of the caller shows it; any other failure passes as it is.
   */
  private static UpdatePlugin create(UpdatePluginProvider provider, String name, PluginArguments arguments,
      List<String> secrets) {
    try {
      return provider.create(arguments);
    } catch (RuntimeException e) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = e; t != null && chain.length() < 4096; t = t.getCause()) {
        chain.append(chain.length() == 0 ? "" : "; caused by ").append(t);
      }
      SecretScrubber scrubber = new SecretScrubber(secrets);
      String scrubbed = scrubber.scrub(chain.toString());
      if (scrubbed.equals(chain.toString())) {
        throw e;
      }
      throw new PluginFailureException("PluginCreationFailed", "Plug-in \"" + name + "\" could not be created: "
          + scrubbed);
    }
  }

  /** A self-updating coordinator runs on the node that owns its role, which must be able to move. */
  private void checkSelfUpdatingRole(ClusterSnapshot snapshot) {
    String role = identity.role();
    if (role == null) {
      return;
    }
    ClusteredRole found = snapshot.roles().stream().filter(r -> r.name().equals(role)).findFirst()
        .orElseThrow(() -> new InvalidOptionsException("CauClusterRole", role,
            "a clustered role of cluster \"" + cluster.name() + "\", which has none of that name"));
    List<String> owners = snapshot.nodes().stream().map(n -> n.name()).filter(found::canRunOn).toList();
    if (owners.size() < 2) {
      throw new InvalidOptionsException("CauClusterRole", role, "a role with at least two possible owner nodes,"
          + " so that it can move off the node being updated; it has " + owners.size() + " " + owners);
    }
    if (!found.ownerNode().equals(identity.host())) {
      throw new InvalidOptionsException("CauClusterRole", role, "a role owned by the coordinator's node \""
          + identity.host() + "\"; it is owned by \"" + found.ownerNode() + "\"");
    }
  }

  private RunDriver driver(RunHeader header, RunOptions options, Prepared prepared, RunJournal journal,
      @Nullable HeldLease lease) {
    RunId runId = header.runId();
    RunMachine machine = RunMachines.forHeader(header, options, rollout, policy);
    RunDriver driver = new RunDriver(runId, cluster, prepared.plugins(), machine, execution, journal, listeners,
        new SecretScrubber(prepared.secrets()));
    if (lease != null && lock != null) {
      driver.holding(lease, lock.expiry().dividedBy(HEARTBEATS_PER_EXPIRY));
    }
    driver.abandoningCalls(interruptGracePeriod, abandoned::add).onFinish(records::keep);
    synchronized (this) {
      refuseIfClosed();
      running.add(driver);
    }
    forgetWhenSettled(driver);
    return driver;
  }

  /** Forgets a driver once its run has ended and its abandoned calls have returned; that future never fails. */
  @SuppressWarnings("FutureReturnValueIgnored")
  private void forgetWhenSettled(RunDriver driver) {
    driver.settled().thenRun(() -> forget(driver));
  }

  private synchronized void forget(RunDriver driver) {
    running.remove(driver);
  }

  private synchronized void refuseIfClosed() {
    if (closed) {
      throw new IllegalStateException(
          "The coordinator of cluster \"" + cluster.name() + "\" was closed; it starts no more runs");
    }
  }

  private RunHeader header(RunId runId, RunHeader.RunKind kind, RunOptions options, List<String> scanReviewers) {
    return RunHeaders.of(runId, cluster.name(), kind, options, RunMachines.rolloutFor(kind, rollout), plugins,
        execution.clock().instant(), scanReviewers);
  }

  /** The plug-ins that review every node's first scan before any node is touched. */
  private static List<String> reviewers(Prepared prepared) {
    return prepared.plugins().entrySet().stream().filter(e -> e.getValue() instanceof InitialScanReview)
        .map(Map.Entry::getKey).toList();
  }

  /** Configures an {@link UpdateCoordinator}. Not thread-safe. */
  @API(status = MAINTAINED, since = "0.1.0")
  public static final class Builder {
    private final ClusterController cluster;
    private @Nullable PluginRegistry plugins;
    private @Nullable Execution execution;
    private final List<RunListener> listeners = new ArrayList<>();
    private Supplier<RunId> runIds = () -> new RunId(UUID.randomUUID());
    private Supplier<RunJournal> journals = InMemoryRunJournal::new;
    private OrchestrationPolicy policy = OrchestrationPolicy.CAU;
    private RolloutPolicy rollout = RolloutPolicy.CAU;
    private @Nullable CoordinatorIdentity identity;
    private @Nullable RunStore runStore;
    private Duration leaseExpiry = CoordinatorLock.DEFAULT_EXPIRY;
    private Duration interruptGracePeriod = DEFAULT_INTERRUPT_GRACE_PERIOD;

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
     * Sets time and threads. By default the coordinator makes real ones, as
     * {@link Execution#system()} does, and shuts them down when it is closed; an execution set
     * here is the caller's, and {@link UpdateCoordinator#close()} leaves it running.
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
     * Sets where each run's journal is kept when there is no run store. By default, in memory.
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
     * Sets which waiting nodes a rolling run takes when. The default is CAU's policy, one node at
     * a time in node order ({@link RolloutPolicy#CAU}); an offline update always takes every node
     * at once. A run's policy is written in its journal: this coordinator resumes only runs that
     * started with the same one.
     *
     * @param rollout the policy
     * @return this builder
     */
    public Builder rollout(RolloutPolicy rollout) {
      this.rollout = Objects.requireNonNull(rollout, "rollout");
      return this;
    }

    /**
     * Sets who this coordinator is, as its lease on the cluster's lock names it. By default a
     * coordinator outside the cluster with a random name.
     *
     * @param identity the identity; its name must be unique among the cluster's coordinators
     * @return this builder
     */
    public Builder identity(CoordinatorIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Sets where runs are journaled and reported, for a coordinator outside the cluster that keeps
     * them itself (a {@link dev.cau.core.store.FileRunStore}, say). By default, the cluster's
     * {@link ClusterController#runStore()}; if it has none, journals are kept in memory
     * ({@link #journals}) and runs cannot be resumed by another coordinator.
     *
     * @param store the run store
     * @return this builder
     */
    public Builder runStore(RunStore store) {
      this.runStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets how long a lease on the cluster's lock lives without renewal. By default one hour, as
     * in CAU. The coordinator renews its lease at every step and four times per expiry while it
     * waits.
     *
     * @param expiry the expiry
     * @return this builder
     */
    public Builder leaseExpiry(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry");
      if (expiry.isNegative() || expiry.isZero()) {
        throw new InvalidOptionsException("LeaseExpiry", expiry.toString(), "a positive duration");
      }
      this.leaseExpiry = expiry;
      return this;
    }

    /**
     * Sets how long a call whose thread was interrupted may take to return before the thread is
     * abandoned and reported (see {@link UpdateCoordinator#abandonedCalls()}). The engine
     * interrupts a call when it stops waiting for it: at its operation timeout, when the lease is
     * lost, and at {@link UpdateCoordinator#close()}, which waits this long for the calls and again
     * for its threads. During a run it is measured on the execution's scheduler. By default
     * {@link UpdateCoordinator#DEFAULT_INTERRUPT_GRACE_PERIOD}.
     *
     * @param grace a positive duration
     * @return this builder
     * @throws InvalidOptionsException if it is zero or negative
     */
    public Builder interruptGracePeriod(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative() || grace.isZero()) {
        throw new InvalidOptionsException("InterruptGracePeriod", grace.toString(), "a positive duration");
      }
      this.interruptGracePeriod = grace;
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
