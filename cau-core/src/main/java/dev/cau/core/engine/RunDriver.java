package dev.cau.core.engine;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.LeaseLostException;
import dev.cau.api.NodeOperationException;
import dev.cau.api.RunId;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.StorageDegradedException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RemoteShutdownFirewall;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.InitialScanReview;
import dev.cau.api.plugin.JournaledRun;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.result.RunResult;
import dev.cau.core.AbandonedCall;
import dev.cau.core.Execution;
import dev.cau.core.TimerScheduler;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunInput;
import dev.cau.core.journal.RunJournal;
import dev.cau.core.lock.HeldLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Carries out a {@link RunMachine}'s commands (the one {@link RunStateMachine}, for rolling runs
 * and offline updates alike) through the SPI and feeds the outcomes back as inputs, writing each
 * input to the journal before the machine sees it.
 *
 * <p>Inputs are processed one at a time on {@link Execution#events()}; blocking calls run on
 * {@link Execution#calls()}; timeouts come from {@link Execution#scheduler()}. The driver never
 * reads the clock except to stamp an input, and never sleeps.
 *
 * <p>When the machine stops waiting for a call ({@link Command.AbandonCall}), and when the run
 * ends, loses its lease or is {@linkplain #stop stopped}, the driver interrupts the threads still
 * in those calls; one that has not returned a grace period later is logged at WARN and reported
 * as an {@link AbandonedCall}, and left running.
 */
public final class RunDriver {
  /** How long an interrupted call may take to return before it is abandoned, unless set otherwise. */
  public static final Duration DEFAULT_INTERRUPT_GRACE_PERIOD = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(RunDriver.class);

  /** Whether each plug-in class overrides {@link UpdatePlugin#stage}, looked up once per class: every scan asks. */
  private static final ClassValue<Boolean> STAGES = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("stage", PluginContext.class, List.class).getDeclaringClass() != UpdatePlugin.class;
      } catch (NoSuchMethodException e) {
        return true; // cannot happen for an UpdatePlugin; staging is the cautious answer
      }
    }
  };

  private final RunId runId;
  private final ClusterController cluster;
  private final Map<String, UpdatePlugin> plugins;
  private final RunMachine machine;
  private final Execution execution;
  private final RunJournal journal;
  private final List<RunListener> listeners;
  private final SecretScrubber scrubber;
  /** The run id as the log's context shows it, made once: it is put there for every input and call. */
  private final String runIdText;
  private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
  private final Map<Integer, TimerScheduler.Cancellable> timers = new HashMap<>();
  private InFlightCalls inFlight; // replaced by abandoningCalls before the run starts
  private @Nullable HeldLease lease;
  private Duration heartbeat = Duration.ZERO;
  private TimerScheduler.@Nullable Cancellable heartbeatTimer;
  private Consumer<RunResult> onFinish = result -> {};
  private volatile boolean cancellationRaised;
  private final CancellationSignal cancellation = () -> cancellationRaised;
  private long sequence;

  /**
   * Creates the driver of one run.
   *
   * @param runId the run
   * @param cluster the cluster
   * @param plugins the run's plug-ins by name
   * @param machine the run's state machine
   * @param execution time and threads
   * @param journal where inputs are written before they are applied
   * @param listeners who receives the run's events
   * @param scrubber removes secrets from failure messages
   */
  public RunDriver(
      RunId runId,
      ClusterController cluster,
      Map<String, UpdatePlugin> plugins,
      RunMachine machine,
      Execution execution,
      RunJournal journal,
      List<RunListener> listeners,
      SecretScrubber scrubber) {
    this.runId = runId;
    this.cluster = cluster;
    this.plugins = Map.copyOf(plugins);
    this.machine = machine;
    this.execution = execution;
    this.journal = journal;
    this.listeners = List.copyOf(listeners);
    this.scrubber = scrubber;
    this.runIdText = runId.toString();
    this.inFlight = new InFlightCalls(runId, execution.scheduler(), DEFAULT_INTERRUPT_GRACE_PERIOD, call -> {});
  }

  /**
   * Makes the run hold a lease on the cluster's single-coordinator lock: the driver renews it
   * before it journals each input and every {@code heartbeat} while it waits, stops the run the
   * moment it finds the lease gone (fencing), and releases it when the run ends. Call before
   * {@link #start} or {@link #resume}.
   *
   * @param lease the lease this coordinator holds
   * @param heartbeat how often to renew it while nothing happens; well under its expiry
   * @return this driver
   */
  public RunDriver holding(HeldLease lease, Duration heartbeat) {
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("A heartbeat must be positive, but was " + heartbeat);
    }
    this.lease = lease;
    this.heartbeat = heartbeat;
    return this;
  }

  /**
   * Sets how long a call whose thread was interrupted may take to return before the thread is
   * abandoned, and who hears of it besides the log. Call before {@link #start} or {@link #resume}.
   *
   * @param grace a positive duration; {@link #DEFAULT_INTERRUPT_GRACE_PERIOD} by default
   * @param sink receives each abandoned call once, on the scheduler's thread or the one that
   *     calls {@link #reportAbandonedCalls}; it must be thread-safe and return quickly
   * @return this driver
   */
  public RunDriver abandoningCalls(Duration grace, Consumer<AbandonedCall> sink) {
    if (grace.isNegative() || grace.isZero()) {
      throw new IllegalArgumentException("A grace period must be positive, but was " + grace);
    }
    this.inFlight = new InFlightCalls(runId, execution.scheduler(), grace, Objects.requireNonNull(sink, "sink"));
    return this;
  }

  /**
   * Sets what to do with the run's result when it ends, before the lease is released and the
   * run's completion is completed: keep the report in the run store.
   *
   * @param onFinish receives the result once
   * @return this driver
   */
  public RunDriver onFinish(Consumer<RunResult> onFinish) {
    this.onFinish = onFinish;
    return this;
  }

  /**
   * Carries on a run another coordinator started: replays the journal into this driver's fresh
   * machine without acting on it, then journals and applies a {@link RunInput.Resumed} input,
   * which repeats the calls whose answers were lost and sets the pending timers again. A journal
   * that shows the run ended completes the run at once with its result.
   *
   * @param entries the journal's entries, in order, from its first ({@link RunInput.Started})
   * @param coordinator the name of the coordinator that takes over
   */
  public void resume(List<JournalEntry> entries, String coordinator) {
    execution.events().execute(() -> replay(entries, coordinator));
  }

  private void replay(List<JournalEntry> entries, String coordinator) {
    MDC.put("cau.runId", runIdText);
    try {
      for (JournalEntry entry : entries) {
        if (entry.sequence() != sequence + 1) {
          throw new IllegalStateException("Run " + runId + ": journal entry " + entry.sequence()
              + " does not follow entry " + sequence);
        }
        sequence = entry.sequence();
        for (Command command : machine.apply(entry.input())) {
          if (command instanceof Command.RaiseCancellation) {
            cancellationRaised = true;
          }
        }
      }
      LOG.info("Run {}: replayed {} journal entries; coordinator {} carries the run on", runId, entries.size(), coordinator);
      RunResult result = machine.result();
      if (result != null) {
        finish(result);
        return;
      }
      handJournalToPlugins(entries);
      startHeartbeat();
    } catch (RuntimeException | Error e) {
      LOG.error("Run {} could not be resumed: replaying its journal failed", runId, e);
      completion.completeExceptionally(e);
      return;
    } finally {
      MDC.remove("cau.runId");
    }
    process(new RunInput.Resumed(coordinator, execution.clock().instant()));
  }

  /**
   * Gives each plug-in of the run what the journal holds of its calls (its first scan of each node,
   * its install results), since this coordinator's instances of the plug-ins saw none of them.
   */
  private void handJournalToPlugins(List<JournalEntry> entries) {
    Map<String, Map<String, List<Update>>> firstScans = new HashMap<>();
    Map<String, Map<String, List<InstallResult>>> installed = new HashMap<>();
    for (JournalEntry entry : entries) {
      if (!(entry.input() instanceof RunInput.CallCompleted call)) {
        continue;
      }
      if (call.result() instanceof CallResult.Scanned scanned) {
        firstScans.computeIfAbsent(scanned.plugin(), p -> new LinkedHashMap<>()).putIfAbsent(call.node(), scanned.updates());
      } else if (call.result() instanceof CallResult.Installed results) {
        installed.computeIfAbsent(results.plugin(), p -> new LinkedHashMap<>())
            .computeIfAbsent(call.node(), n -> new ArrayList<>()).addAll(results.results());
      }
    }
    plugins.forEach((name, plugin) -> plugin.resumeRun(new JournaledRun(
        firstScans.getOrDefault(name, Map.of()), installed.getOrDefault(name, Map.of()))));
  }

  /**
   * Starts the run against the snapshot its options were checked with.
   *
   * @param snapshot the cluster as the run starts
   * @param coordinator the name of the coordinator that starts it
   */
  public void start(ClusterSnapshot snapshot, String coordinator) {
    execution.events().execute(this::startHeartbeat);
    post(new RunInput.Started(snapshot, coordinator, execution.clock().instant()));
  }

  /**
   * Returns the run's outcome, completed when the run ends; completed exceptionally only if the
   * engine itself fails, or with a {@link LeaseLostException} if this coordinator lost its lease
   * and stopped.
   *
   * @return the future result
   */
  public CompletableFuture<RunResult> completion() {
    return completion;
  }

  /**
   * Asks the run to stop, as {@code Stop-CauRun} does: blocking calls see the cancellation
   * signal at once, and the run brings the node in progress back to service before it ends.
   *
   * @param reason why, for the run's result
   * @return {@code true} if the request was taken, {@code false} if the run had already ended
   */
  public boolean cancel(String reason) {
    if (completion.isDone()) {
      return false;
    }
    cancellationRaised = true;
    post(new RunInput.CancelRequested(reason, execution.clock().instant()));
    return true;
  }

  /**
   * Stops the run where it is, as a coordinator that goes away does, so that it can be resumed
   * from its journal: raises the cancellation signal, interrupts the threads in its calls, takes
   * no further step, cancels its timers, releases its lease without ending the run, and completes
   * the run's completion exceptionally with a {@link RunNeedsRecoveryException}. Nothing on the
   * cluster is touched. Does nothing to a run that has ended.
   *
   * @param why why the run stops, for the exception its completion completes with
   * @return completes once the run has stopped and every call it interrupted has returned; a call
   *     that ignores its interrupt keeps it incomplete, so wait on it with a bound
   */
  public CompletableFuture<Void> stop(String why) {
    RunNeedsRecoveryException reason = new RunNeedsRecoveryException(runId, "Run " + runId
        + " was stopped where it was: " + why + ". Its journal keeps every step it took;"
        + " resume it, or end it with ForceRecovery");
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    try {
      execution.events().execute(() -> {
        try {
          halt(reason);
        } finally {
          stopped.complete(null);
        }
      });
    } catch (RejectedExecutionException e) {
      stopped.complete(null); // nothing runs the run's steps any more
    }
    return stopped.thenCompose(done -> inFlight.abandonedLeft());
  }

  /**
   * Returns a future that completes once the run has ended, whatever its outcome, and every call
   * it stopped waiting for has returned. A call that ignores its interrupt keeps it incomplete.
   *
   * @return the future
   */
  public CompletableFuture<Void> settled() {
    return completion.handle((result, failure) -> result).thenCompose(ended -> inFlight.abandonedLeft());
  }

  /**
   * Reports, as {@link AbandonedCall}s, the calls of the run that were interrupted and are still
   * running, without waiting for their grace period to end; each call is reported once.
   */
  public void reportAbandonedCalls() {
    inFlight.reportAbandonedStillRunning();
  }

  private void halt(RunNeedsRecoveryException reason) {
    if (completion.isDone()) {
      return;
    }
    MDC.put("cau.runId", runIdText);
    try {
      LOG.warn("Run {} stopped where it was: {}", runId, reason.getMessage());
      cancellationRaised = true;
      stopWaiting();
      releaseLease();
    } finally {
      MDC.remove("cau.runId");
      completion.completeExceptionally(reason);
    }
  }

  private void releaseLease() {
    try {
      if (lease != null) {
        lease.release();
      }
    } catch (RuntimeException e) {
      LOG.warn("Run {}: its lease could not be released; it expires on its own", runId, e);
    }
  }

  private void post(RunInput input) {
    onEventThread(() -> process(input));
  }

  /** Hands a task to the event executor; drops it if the executor was shut down with its coordinator. */
  private void onEventThread(Runnable task) {
    try {
      execution.events().execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("Run {}: its coordinator is closed, so nothing more is done for it", runId);
    }
  }

  private void process(RunInput input) {
    if (completion.isDone()) {
      return;
    }
    MDC.put("cau.runId", runIdText);
    try {
      if (lease != null) {
        lease.renew(); // fencing: a coordinator whose lease was taken over must not write or act
      }
      journal.append(new JournalEntry(++sequence, input));
      for (Command command : machine.apply(input)) {
        carryOut(command);
      }
    } catch (LeaseLostException e) {
      fence(e);
    } catch (RuntimeException | Error e) {
      LOG.error("Run {} stopped: the engine failed while applying {}", runId, input, e);
      stopWaiting();
      completion.completeExceptionally(e);
    } finally {
      MDC.remove("cau.runId");
    }
  }

  private void startHeartbeat() {
    if (lease == null || completion.isDone()) {
      return;
    }
    heartbeatTimer = execution.scheduler().schedule(heartbeat, () -> execution.events().execute(() -> {
      if (completion.isDone()) {
        return;
      }
      try {
        Objects.requireNonNull(lease).renew();
        startHeartbeat();
      } catch (LeaseLostException e) {
        fence(e);
      }
    }));
  }

  /** Stops at once, touching nothing: the lease, and with it the cluster, is another coordinator's. */
  private void fence(LeaseLostException e) {
    LOG.error("Run {}: {}", runId, e.getMessage());
    cancellationRaised = true;
    stopWaiting();
    completion.completeExceptionally(e);
  }

  /** Stops waiting for anything, the run being over: cancels every timer and abandons every call in flight. */
  private void stopWaiting() {
    inFlight.abandonAll();
    timers.values().forEach(TimerScheduler.Cancellable::cancel);
    timers.clear();
    TimerScheduler.Cancellable beat = heartbeatTimer;
    if (beat != null) {
      beat.cancel();
    }
  }

  private void carryOut(Command command) {
    if (command instanceof Command.Call call) {
      execution.calls().execute(inFlight.track(call, () -> perform(call),
          result -> post(new RunInput.CallCompleted(call.token(), call.node(), result, execution.clock().instant()))));
    } else if (command instanceof Command.AbandonCall abandon) {
      inFlight.abandon(abandon.token());
    } else if (command instanceof Command.StartTimer timer) {
      timers.put(timer.token(), execution.scheduler().schedule(timer.delay(),
          () -> post(new RunInput.TimerFired(timer.token(), execution.clock().instant()))));
    } else if (command instanceof Command.CancelTimer cancel) {
      TimerScheduler.Cancellable handle = timers.remove(cancel.token());
      if (handle != null) {
        handle.cancel();
      }
    } else if (command instanceof Command.RaiseCancellation) {
      cancellationRaised = true;
    } else if (command instanceof Command.Publish publish) {
      notifyListeners(publish.event());
    } else if (command instanceof Command.Finish finish) {
      finish(finish.result());
    }
  }

  private void finish(RunResult result) {
    stopWaiting();
    LOG.info("Run {} on cluster \"{}\" ended {}", runId, result.cluster(), result.status().displayName());
    try {
      onFinish.accept(result);
    } catch (RuntimeException e) {
      // The run itself is over; a report that could not be kept must not hide its result.
      LOG.error("Run {}: its report could not be kept", runId, e);
    }
    if (lease != null) {
      lease.release();
    }
    completion.complete(result);
  }

  private CallResult perform(Command.Call call) {
    MDC.put("cau.runId", runIdText);
    MDC.put("cau.node", call.node());
    try {
      Operation operation = call.operation();
      // Calls for the whole cluster name it as their node and have no node controller.
      if (operation instanceof Operation.ObserveCluster) {
        return new CallResult.Observed(cluster.snapshot());
      } else if (operation instanceof Operation.StopCluster) {
        cluster.stopCluster(clusterContext(call.node()));
        return new CallResult.Done();
      } else if (operation instanceof Operation.StartCluster) {
        cluster.startCluster(clusterContext(call.node()));
        return new CallResult.Done();
      } else if (operation instanceof Operation.ReviewInitialScan review) {
        return reviewInitialScan(review);
      }
      NodeController node = cluster.node(call.node());
      CallContext context = new CallContext(
          runId, call.node(), cancellation, logFor(call.node()), execution.clock(), node);
      if (operation instanceof Operation.ScanUpdates scan) {
        UpdatePlugin plugin = plugin(scan.plugin());
        return new CallResult.Scanned(scan.plugin(), scrubUpdates(plugin.scan(context)), plugin.restartsNodeItself(),
            stagesUpdates(plugin));
      } else if (operation instanceof Operation.StageUpdates stage) {
        plugin(stage.plugin()).stage(context, stage.updates());
        return new CallResult.Done();
      } else if (operation instanceof Operation.CheckRemoteShutdown check) {
        checkRemoteShutdown(node, check.enable());
        return new CallResult.Done();
      } else if (operation instanceof Operation.RunScript script) {
        return new CallResult.ScriptEnded(node.runScript(script.request(), context));
      } else if (operation instanceof Operation.Suspend suspend) {
        node.suspend(suspend.request(), context);
        return new CallResult.Done();
      } else if (operation instanceof Operation.InstallUpdates install) {
        return scrubResults(install.rescanFirst()
            ? installWhatIsMissing(install, context)
            : new CallResult.Installed(install.plugin(), plugin(install.plugin()).install(context, install.updates())));
      } else if (operation instanceof Operation.Restart restart) {
        return new CallResult.Restarted(node.restart(restart.mode(), context));
      } else if (operation instanceof Operation.AwaitReady await) {
        return new CallResult.Ready(node.awaitReady(await.timeout(), context));
      } else if (operation instanceof Operation.Resume resume) {
        node.resume(resume.failback(), context);
        return new CallResult.Done();
      }
      throw new IllegalStateException("Unknown operation " + operation);
    } catch (RuntimeException e) {
      String message = scrubber.scrub(describe(call, e));
      LOG.warn("{}", message);
      return new CallResult.Failed(message, e instanceof StorageDegradedException);
    } finally {
      MDC.remove("cau.node");
      MDC.remove("cau.runId");
    }
  }

  /**
   * Masks secret argument values in the titles and descriptions of a plug-in's updates before they
   * reach the journal, an event or a report. Ids are kept: the plug-in gets them back to install.
   */
  private List<Update> scrubUpdates(List<Update> updates) {
    List<Update> scrubbed = new ArrayList<>(updates.size());
    boolean changed = false;
    for (Update update : updates) {
      Update masked = scrubber.scrub(update);
      changed |= masked != update;
      scrubbed.add(masked);
    }
    return changed ? scrubbed : updates;
  }

  private CallResult scrubResults(CallResult result) {
    if (result instanceof CallResult.Installed installed) {
      List<InstallResult> scrubbed = new ArrayList<>(installed.results().size());
      boolean changed = false;
      for (InstallResult r : installed.results()) {
        Update masked = scrubber.scrub(r.update());
        changed |= masked != r.update();
        scrubbed.add(masked == r.update() ? r
            : new InstallResult(masked, r.code(), r.errorCode(), r.rebootRequired(), r.timestamp(), r.installedSha256()));
      }
      return changed ? new CallResult.Installed(installed.plugin(), scrubbed) : result;
    }
    return result;
  }

  /**
   * Repeats an install whose answer was lost with the previous coordinator: what a fresh scan no
   * longer offers was installed before the interruption and is reported as succeeded, requiring a
   * restart unless the node says that none is pending; the rest is installed now.
   */
  private CallResult installWhatIsMissing(Operation.InstallUpdates install, CallContext context) {
    UpdatePlugin plugin = plugin(install.plugin());
    Set<String> offered = plugin.scan(context).stream().map(Update::id).collect(Collectors.toSet());
    List<Update> missing = install.updates().stream().filter(u -> offered.contains(u.id())).toList();
    List<Update> installed = install.updates().stream().filter(u -> !offered.contains(u.id())).toList();
    if (!installed.isEmpty()) {
      context.log().info("A fresh scan no longer offers " + EngineText.titles(installed)
          + ": they were installed before the previous coordinator stopped");
    }
    Map<String, InstallResult> results = new HashMap<>();
    if (!missing.isEmpty()) {
      plugin.install(context, missing).forEach(r -> results.put(r.update().id(), r));
    }
    Instant now = execution.clock().instant();
    boolean restart = !installed.isEmpty() && context.node().pendingRestart(context) != PendingRestart.NONE;
    installed.forEach(u -> results.put(u.id(), InstallResult.succeeded(u, restart, now)));
    List<InstallResult> ordered = new ArrayList<>();
    install.updates().forEach(u -> {
      InstallResult result = results.remove(u.id());
      if (result != null) {
        ordered.add(result);
      }
    });
    ordered.addAll(results.values()); // what the plug-in reported beyond what was asked
    return new CallResult.Installed(install.plugin(), ordered);
  }

  /** Asks each reviewing plug-in about every node's first scan; the first refusal stops the run. */
  private CallResult reviewInitialScan(Operation.ReviewInitialScan review) {
    for (Map.Entry<String, Map<String, List<Update>>> scans : review.scans().entrySet()) {
      String name = scans.getKey();
      if (!(plugin(name) instanceof InitialScanReview reviewer)) {
        throw new IllegalStateException("Plug-in \"" + name + "\" was recorded as a reviewer of the first scans,"
            + " but this coordinator's instance of it does not implement InitialScanReview");
      }
      Optional<String> refusal = reviewer.reviewInitialScan(scans.getValue());
      if (refusal.isPresent()) {
        String message = scrubber.scrub("Plug-in \"" + name + "\" refused the run after the first scan of every node,"
            + " before any node was touched: " + refusal.get());
        LOG.warn("Run {}: {}", runId, message);
        return CallResult.Failed.of(message);
      }
    }
    return new CallResult.Done();
  }

  private OperationContext clusterContext(String clusterName) {
    return new ClusterCallContext(runId, clusterName, cancellation, logFor(clusterName), execution.clock());
  }

  private static void checkRemoteShutdown(NodeController node, boolean enable) {
    RemoteShutdownFirewall firewall = node.capability(RemoteShutdownFirewall.class).orElse(null);
    if (firewall == null || firewall.isRemoteShutdownAllowed()) {
      return;
    }
    if (!enable) {
      throw new NodeOperationException(node.name(), "The remote shutdown firewall rule is off on node \""
          + node.name() + "\", so it cannot be restarted remotely; enable the rule or set EnableFirewallRules");
    }
    firewall.allowRemoteShutdown();
  }

  private UpdatePlugin plugin(String name) {
    UpdatePlugin plugin = plugins.get(name);
    if (plugin == null) {
      throw new IllegalStateException("Run " + runId + " has no plug-in \"" + name + "\"");
    }
    return plugin;
  }

  /**
   * Whether a plug-in stages updates at all: a plug-in that keeps {@link UpdatePlugin#stage}'s
   * default has nothing to download, so the workflow never takes a node back to service to stage
   * for it. Only the method's declaring class is looked at; the plug-in is not called.
   */
  static boolean stagesUpdates(UpdatePlugin plugin) {
    return STAGES.get(plugin.getClass());
  }


  private static String describe(Command.Call call, RuntimeException e) {
    Operation operation = call.operation();
    String what = operation.getClass().getSimpleName();
    String message = e.getMessage();
    boolean clusterWide = operation instanceof Operation.StopCluster || operation instanceof Operation.StartCluster;
    return what + (clusterWide ? " of cluster \"" : " on node \"") + call.node() + "\" failed: "
        + (message == null || message.isBlank() ? e.getClass().getName() : message);
  }

  private OperationLog logFor(String node) {
    return new OperationLog() {
      @Override
      public void info(String message) {
        report(node, false, message);
      }

      @Override
      public void warn(String message) {
        report(node, true, message);
      }
    };
  }

  private void report(String node, boolean warning, String message) {
    String clean = scrubber.scrub(message);
    if (warning) {
      LOG.warn("[{}] {}", node, clean);
    } else {
      LOG.info("[{}] {}", node, clean);
    }
    OperationMessage event = new OperationMessage(runId, execution.clock().instant(), node, warning, clean);
    onEventThread(() -> notifyListeners(event));
  }

  private void notifyListeners(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Run {}: listener {} failed on {}; the run goes on", runId, listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
