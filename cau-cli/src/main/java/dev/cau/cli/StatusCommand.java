package dev.cau.cli;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.api.RunId;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.report.RunHistory;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.options.RunOptions;
import dev.cau.core.text.Counts;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cau status}: the updating run of a cluster whose runs a run store keeps, like
 * {@code Get-CauRun}: the real cluster a {@code --cluster} file describes, or a simulated one.
 *
 * <p>On a real cluster the status is read from the run store with that cluster's name; a run
 * whose coordinator holds the store's write lock is live ({@link StoreStatus}). With {@code
 * --watch} the command reads it again every {@code --interval-seconds} and prints each change
 * until the run is no longer in progress, like {@code Get-CauRun -WaitForCompletion}; it only
 * reads ({@link StoreWatch}).
 *
 * <p>A simulated cluster is a fresh simulation, so no coordinator holds its lock: a store whose latest run
 * has a journal but no report shows {@code RunFailed} (its coordinator stopped, the run needs
 * recovery with {@code cau run --resume} or {@code --force-recovery}) unless a process holds the
 * store's write lock, any other {@code RunNotInProgress}. With {@code --watch} the command starts a demo run with that store and
 * prints every change of the status, read every few minutes of virtual time, until the run ends,
 * like {@code Get-CauRun -WaitForCompletion}.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows the updating run of a cluster from a run store, like Get-CauRun: the cluster a --cluster"
          + " file describes (a real one, backend pacemaker, whose runs 'cau run --cluster FILE --store <dir>'"
          + " keeps, or a simulated one), or else the built-in simulated cluster \"" + DemoCluster.NAME + "\".",
      "Prints its state (RunNotInProgress, RunInProgress or RunFailed), run id, start, coordinator,"
          + " each node's latest status and the finished nodes' results. A run whose journal a live 'cau run' is"
          + " writing (it holds the store's lock) is RunInProgress, naming that process; one in the store that did"
          + " not finish while no coordinator holds the store shows as RunFailed, needing recovery: 'cau run"
          + " --store <dir> --resume'"
          + " carries it on, 'cau run --store <dir> --force-recovery' ends it.",
      "With --watch, like Get-CauRun -WaitForCompletion, prints each change of the status until the run ends:"
          + " on a real cluster it watches the run that 'cau run' is carrying, reading the store every"
          + " --interval-seconds (it starts nothing, takes no lock and writes nothing; with no run in progress it"
          + " shows the status once and says so); on a simulated cluster it starts a run with the store and reads"
          + " its status every --interval minutes of virtual time.",
      "With --wait-for-start, like Get-CauRun -WaitForStart, on a real cluster with no run in progress, waits"
          + " until one starts (or one starts and ends between two readings), then shows its status, or with"
          + " --watch follows it to its end."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the status was shown and no run needs recovery; with --watch, the run's report says Succeeded",
      "1:the state is RunFailed: a run needs recovery; with --watch, the run did not succeed, or its coordinator"
          + " stopped without a report (RunFailed)",
      "2:bad usage, an invalid option value (such as an interval out of range, or the other clock's interval),"
          + " a cluster file that is refused, no run store, an unusable journal, or a --plugin-path that is not a"
          + " readable directory of jars; nothing was touched",
      StoreWatch.INTERRUPTED + ":the watch of a real cluster's run, or the wait for one to start, was interrupted"
          + " (Ctrl-C); a run goes on, and nothing was touched"
    })
final class StatusCommand implements Callable<Integer> {
  /** The longest interval between two readings while watching a simulated cluster: a day. */
  static final int MAX_INTERVAL_MINUTES = 24 * 60;

  /** The longest interval between two readings while watching a real cluster: an hour. */
  static final int MAX_INTERVAL_SECONDS = 60 * 60;

  private static final String INTERVAL = "--interval";
  private static final String INTERVAL_SECONDS = "--interval-seconds";
  private static final String WAIT_FOR_START = "--wait-for-start";

  private Function<Instant, SimulatedCluster> clusters;

  private final WatchClock watchClock;

  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClusterOption clusterOption = new ClusterOption();

  @Mixin
  private PluginPathOption pluginPath = new PluginPathOption();

  @Option(
      names = "--store",
      required = true,
      paramLabel = "<dir>",
      description = "The run store, a directory that 'cau run --store' wrote; with --watch on a simulated"
          + " cluster it is created if missing.")
  private @Nullable Path store;

  @Option(
      names = "--watch",
      description = "Print each change of the status until the run ends. On a real cluster, watch the run in"
          + " progress, reading the store every --interval-seconds; it only reads. On a simulated cluster, start"
          + " a run with the store (with the cluster file's plug-ins, if it names any).")
  private boolean watch;

  @Option(
      names = WAIT_FOR_START,
      description = "On a real cluster with no run in progress, wait for one to start (reading the store every"
          + " --interval-seconds), like Get-CauRun -WaitForStart; then show its status, or with --watch follow it"
          + " to its end.")
  private boolean waitForStart;

  @Option(
      names = "--interval",
      paramLabel = "<minutes>",
      defaultValue = "5",
      description = "With --watch on a simulated cluster, how often to read the status, in minutes of virtual time;"
          + " from 1 to " + MAX_INTERVAL_MINUTES + ", default ${DEFAULT-VALUE}.")
  private int intervalMinutes;

  @Option(
      names = "--interval-seconds",
      paramLabel = "<seconds>",
      defaultValue = "30",
      description = "With --watch on a real cluster, how often to read the run store, in seconds of real time;"
          + " from 1 to " + MAX_INTERVAL_SECONDS + ", default ${DEFAULT-VALUE}.")
  private int intervalSeconds;

  @Option(
      names = "--time-zone",
      paramLabel = "<zone>",
      converter = Converters.ZoneIdConverter.class,
      description = "The time zone to show times in, such as Europe/Berlin; UTC by default.")
  private @Nullable ZoneId timeZone;

  /**
   * Creates the command.
   *
   * @param clusters builds a fresh cluster, whose virtual time starts at the instant given
   * @param watchClock the time a watch of a real cluster's run passes in
   */
  StatusCommand(Function<Instant, SimulatedCluster> clusters, WatchClock watchClock) {
    this.clusters = Objects.requireNonNull(clusters, "clusters");
    this.watchClock = Objects.requireNonNull(watchClock, "watchClock");
  }

  /** The store this command locked for writing, released when the command ends. */
  private @Nullable FileRunStore locked;

  @Override
  public Integer call() {
    try {
      return execute();
    } finally {
      if (locked != null) {
        locked.close();
      }
    }
  }

  private int execute() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    Path directory = Objects.requireNonNull(store, "--store is required");
    ZoneId zone = timeZone == null ? Converters.UTC : timeZone;
    try {
      if (intervalMinutes < 1 || intervalMinutes > MAX_INTERVAL_MINUTES) {
        throw new InputRefused("\"" + INTERVAL + "\" must be between 1 and " + MAX_INTERVAL_MINUTES
            + " minutes, but was " + intervalMinutes);
      }
      if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
        throw new InputRefused("\"" + INTERVAL_SECONDS + "\" must be between 1 and " + MAX_INTERVAL_SECONDS
            + " seconds, but was " + intervalSeconds);
      }
      ClusterController real = clusterOption.real().orElse(null);
      if (real != null) {
        if (watch || waitForStart) {
          refuseIfGiven(command, INTERVAL, "real cluster \"" + real.name() + "\"", INTERVAL_SECONDS + " <seconds>");
        }
        FileRunStore realStore = Stores.existing(directory);
        Supplier<RunStatus> statuses = () -> realStatus(real, realStore);
        return watch || waitForStart
            ? watchReal(command, realStore, zone, statuses)
            : show(command, realStore, zone, statuses);
      }
      if (waitForStart) {
        throw new InputRefused("\"" + WAIT_FOR_START + "\" waits for a run that another process starts on a real"
            + " cluster, but this is a simulated cluster" + (watch ? ", where --watch starts the run itself" : ""));
      }
      if (watch) {
        refuseIfGiven(command, INTERVAL_SECONDS, "simulated cluster", INTERVAL + " <minutes>");
      }
      clusters = clusterOption.clusters(clusters);
      List<UpdatePluginProvider> added = pluginPath.providers();
      if (watch) {
        RunOptions options = PluginChoice.choose(RunOptions.builder(), false, clusterOption.plugins(),
            DemoRuns.offered(added).stream().map(UpdatePluginProvider::name).toList());
        return watch(command, directory, zone, added, options);
      }
      FileRunStore runStore = Stores.existing(directory);
      return show(command, runStore, zone,
          () -> DemoRuns.coordinator(DemoRuns.cluster(clusters, runStore), runStore).coordinator().status());
    } catch (InputRefused e) {
      return e.report(command, watch ? "No node was touched." : "");
    } catch (InvalidOptionsException e) {
      return new InputRefused("invalid option: " + e.getMessage()).report(command, watch ? "No node was touched." : "");
    } catch (PluginRegistrationException e) {
      return new InputRefused(String.valueOf(e.getMessage())).report(command, watch ? "No node was touched." : "");
    }
  }

  /** Reads a real cluster's status from the run store, in real time; nothing connects to a node. */
  private static RunStatus realStatus(ClusterController real, FileRunStore runStore) {
    try (UpdateCoordinator coordinator = RealClusters.coordinator(real, PluginRegistry.builder().build(), runStore,
        RunListener.NONE)) {
      return coordinator.status();
    }
  }

  /** Refuses an interval option given explicitly for the other kind of cluster's watch. */
  private static void refuseIfGiven(CommandSpec command, String option, String cluster, String instead) {
    if (command.commandLine().getParseResult().hasMatchedOption(option)) {
      String value = command.commandLine().getParseResult().matchedOption(option).stringValues().get(0);
      throw new InputRefused("\"" + option + "\" (\"" + value + "\") does not apply to --watch on a " + cluster
          + ": " + (option.equals(INTERVAL) ? "it counts minutes of virtual time" : "it counts seconds of real time")
          + "; use " + instead);
    }
  }

  private int show(CommandSpec command, FileRunStore runStore, ZoneId zone, Supplier<RunStatus> statuses) {
    return show(command.commandLine().getOut(), runStore, zone, StoreStatus.read(runStore, statuses));
  }

  /**
   * Watches the run of a real cluster from its store (with {@code --watch}), after waiting for one
   * to start (with {@code --wait-for-start}). With no run in progress and no waiting, it shows the
   * status once, as without {@code --watch}.
   */
  private int watchReal(CommandSpec command, FileRunStore runStore, ZoneId zone, Supplier<RunStatus> statuses) {
    PrintWriter out = command.commandLine().getOut();
    StoreWatch storeWatch =
        new StoreWatch(runStore, statuses, watchClock, Duration.ofSeconds(intervalSeconds), recovery(runStore));
    StoreStatus first = StoreStatus.read(runStore, statuses);
    if (waitForStart && first.status().state() != RunState.RUN_IN_PROGRESS) {
      StoreWatch.Start start = storeWatch.awaitStart(first, out, command.commandLine().getErr());
      if (start.interrupted()) {
        return StoreWatch.INTERRUPTED;
      }
      first = start.read();
      RunId ended = start.endedBetweenReadings();
      if (ended != null) {
        out.println("Run " + ended + " started and ended between two readings.");
        return watch ? storeWatch.outcome(ended, first.status(), out) : show(out, runStore, zone, first);
      }
      if (!watch) {
        out.println();
        return show(out, runStore, zone, first);
      }
    }
    if (first.status().state() != RunState.RUN_IN_PROGRESS) {
      out.println("No run in progress to watch on cluster \"" + first.status().cluster() + "\"; its status:");
      out.println();
      return show(out, runStore, zone, first);
    }
    return storeWatch.watch(first.status(), zone, out, command.commandLine().getErr());
  }

  private int show(PrintWriter out, FileRunStore runStore, ZoneId zone, StoreStatus read) {
    RunStatus status = read.status();
    StatusPrinter.print(status, zone, out);
    String writer = read.writer();
    if (writer != null) {
      out.println();
      out.println("The run is live: " + writer + " holds the store's lock and is writing it.");
    } else if (status.state() == RunState.RUN_FAILED) {
      out.println();
      out.println(recovery(runStore));
      out.flush();
      return ExitCode.SOFTWARE; // like any outcome that is not good: the run needs recovery
    }
    if (status.state() == RunState.RUN_NOT_IN_PROGRESS) {
      new RunHistory(runStore).last().ifPresent(last -> out.println("Last run:     " + last.runId() + ", "
          + last.status().displayName() + ", finished " + Timestamps.format(last.finishedAt(), zone)));
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The line that says how to carry on or end an interrupted run. */
  private String recovery(FileRunStore runStore) {
    String cluster = clusterOption.given() ? " --cluster " + clusterOption.file() : "";
    return "Carry the run on with 'cau run" + cluster + " --store " + runStore.directory() + " --resume', or end"
        + " it with 'cau run" + cluster + " --store " + runStore.directory() + " --force-recovery'.";
  }

  private int watch(CommandSpec command, Path directory, ZoneId zone, List<UpdatePluginProvider> added,
      RunOptions options) {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    FileRunStore runStore = Stores.openOrCreate(directory);
    locked = Stores.lockForWriting(runStore, "cau status --watch");
    StoreDamage.refuseIfDamaged(runStore);
    SimulatedCluster cluster = DemoRuns.cluster(clusters, runStore);
    UpdateCoordinator coordinator = DemoRuns.coordinator(cluster, runStore, added).coordinator();
    UpdatingRun run;
    try {
      run = coordinator.start(options);
    } catch (RunNeedsRecoveryException | InvalidOptionsException | PluginNotFoundException e) {
      err.println("cau status: cannot start a run to watch: " + e.getMessage());
      err.println("No node was touched. See 'cau status --store " + directory + "'.");
      err.flush();
      return ExitCode.USAGE;
    }
    Instant start = cluster.simulator().now();
    clusterOption.demoNotice(cluster).ifPresent(out::println);
    out.println("Watching run " + run.runId() + " on " + cluster.name() + ", started "
        + Timestamps.format(start, zone) + "; status every " + Counts.of(intervalMinutes, "minute") + " of virtual time:");
    StatusPrinter printer = new StatusPrinter(out, cluster.simulator()::now, start, cluster.name(),
        cluster.snapshot().nodes().stream().map(NodeSnapshot::name).toList());
    CompletableFuture<RunStatus> watched =
        coordinator.awaitCompletion(Duration.ofMinutes(intervalMinutes), printer::printChanges);
    if (!cluster.simulator().runUntil(watched::isDone)) {
      throw new IllegalStateException("The simulation ran out of work before run " + run.runId() + " ended");
    }
    watched.join();
    RunResult result = DemoRuns.complete(cluster, run);
    out.println();
    RunReport.print(result, out);
    out.println("Run id:   " + result.runId());
    out.println("Store:    " + runStore.directory());
    out.flush();
    return result.status() == SummaryStatus.SUCCEEDED ? ExitCode.OK : ExitCode.SOFTWARE;
  }
}
