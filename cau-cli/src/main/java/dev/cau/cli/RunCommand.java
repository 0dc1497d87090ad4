package dev.cau.cli;

import dev.cau.api.CauException;
import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.readiness.Finding;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.RunOptions;
import dev.cau.core.readiness.ClusterNotReadyException;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.report.ReportFormat;
import dev.cau.core.report.RunHistory;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.StoredRunJournal;
import dev.cau.core.text.Counts;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cau run}: one updating run, like {@code Invoke-CauRun}, on the cluster a {@code --cluster}
 * file describes (real or simulated) or on the simulated demo cluster.
 *
 * <p>The options carry CAU's names and go unchanged into {@link RunOptions.Builder}, whose
 * checks (and the engine's checks against the cluster) produce the error messages; an invalid
 * value ends the command with exit code 2 before any node is touched. With {@code --store} the
 * run's journal and report are kept in a {@link FileRunStore}, for {@code cau report},
 * {@code cau export} and {@code cau status}; {@code --resume} carries on the store's interrupted
 * run and {@code --force-recovery} ends it Canceled, as {@code Invoke-CauRun -ForceRecovery} does.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Updates every node of a cluster, one node at a time, like Invoke-CauRun.",
      "With --cluster FILE it updates the cluster the file describes: a real one (backend pacemaker,"
          + " reached over SSH) in real time, which needs --store, or a simulated one of the described shape"
          + " in virtual time. Without it, the built-in simulated cluster \"" + DemoCluster.NAME
          + "\" (4 nodes, a file share witness) in virtual time: hours of updating take milliseconds."
          + " Progress is printed as it happens, then a report like Get-CauRun's node results.",
      "The plug-ins are those of --profile, else those the cluster file names ('plugins'), else CAU's"
          + " default, Microsoft.WindowsUpdatePlugin; a plug-in the cluster does not offer is refused.",
      "With --store, the run's journal and report are kept in that directory; on a simulated cluster each run"
          + " kept there starts in the next nightly window (03:00 UTC, virtual time) after the store's latest run.",
      "A run whose coordinator stopped before it ended blocks the store until it is carried on with"
          + " --resume or ended with --force-recovery. On the simulated demo cluster, which is fresh in"
          + " each invocation, --resume replays the run's journal and repeats the lost calls against"
          + " a fresh cluster, from the virtual time its journal ends at."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run Succeeded; with --force-recovery, the interrupted run was ended, or there was none",
      "1:the run did not succeed (PartiallyFailed, Failed or Canceled), or its --report could not be"
          + " written",
      "2:bad usage, an invalid option value, a profile that cannot be read, a plug-in the cluster does"
          + " not offer, a --plugin-path that is not a readable directory of jars, a --report file that cannot"
          + " be written, a run store holding a run that did not finish (without"
          + " --resume or --force-recovery), or, with --resume, options other than the run's or no run"
          + " to resume, or a readiness rule of Error severity that failed; no node was touched"
    })
final class RunCommand implements Callable<Integer> {
  private Function<Instant, SimulatedCluster> clusters;

  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClusterOption clusterOption = new ClusterOption();

  @Mixin
  private PluginPathOption pluginPath = new PluginPathOption();

  @Mixin
  private ProfileOption profile = new ProfileOption();

  @Option(
      names = "--max-failed-nodes",
      paramLabel = "<n>",
      description = "MaxFailedNodes: the run stops when one more node than this has failed."
          + " From 0 to the node count minus 1; by default about a third of the nodes.")
  private @Nullable Integer maxFailedNodes;

  @Option(
      names = "--max-retries-per-node",
      paramLabel = "<n>",
      description = "MaxRetriesPerNode: how many times a node's update is tried at most."
          + " From 1 to " + RunOptions.MAX_RETRIES_PER_NODE_LIMIT + "; default "
          + RunOptions.DEFAULT_MAX_RETRIES_PER_NODE + ".")
  private @Nullable Integer maxRetriesPerNode;

  @Option(
      names = "--reboot-timeout-minutes",
      paramLabel = "<n>",
      description = "RebootTimeoutMinutes: how long a node may take to restart and be ready."
          + " A positive number of minutes; default 15.")
  private @Nullable Integer rebootTimeoutMinutes;

  @Option(
      names = "--require-all-nodes-online",
      description = "RequireAllNodesOnline: do not start unless every node is up.")
  private boolean requireAllNodesOnline;

  @Option(
      names = "--failback",
      paramLabel = "<mode>",
      converter = FailbackModeConverter.class,
      description = "FailbackMode: how drained roles return to an updated node."
          + " NoFailback, Immediate (default) or Policy.")
  private @Nullable FailbackMode failback;

  @Option(
      names = "--node-order",
      paramLabel = "<node>",
      split = ",",
      description = "NodeOrder: nodes to update first, in this order, comma-separated; the rest"
          + " follow with the fewest clustered roles first.")
  private @Nullable List<String> nodeOrder;

  @Option(
      names = "--report",
      paramLabel = "<file>",
      description = "Also write the run's report to this file, as Export-CauReport does: HTML, CSV or"
          + " JSON, chosen by the file's extension (.html, .csv, .json) or --report-format. - writes it"
          + " to standard output, and the progress to standard error.")
  private @Nullable Path report;

  @Option(
      names = "--report-format",
      paramLabel = "<format>",
      converter = Converters.ReportFormatConverter.class,
      description = "The format of --report: html, csv or json; needed with --report -.")
  private @Nullable ReportFormat reportFormat;

  @Option(
      names = "--time-zone",
      paramLabel = "<zone>",
      converter = Converters.ZoneIdConverter.class,
      description = "The time zone of the report's timestamps, such as Europe/Berlin; UTC by default."
          + " JSON is always UTC.")
  private @Nullable ZoneId timeZone;

  @Option(
      names = "--store",
      paramLabel = "<dir>",
      description = "Keep the run's journal and report in a run store in this directory, created if"
          + " missing, for 'cau report', 'cau export' and 'cau status'. By default the run is not kept.")
  private @Nullable Path store;

  @Option(
      names = "--resume",
      description = "Carry on the interrupted run of the --store run store, whose coordinator stopped"
          + " before it ended, instead of starting a run. The profile and options must be those the"
          + " run started with. On the simulated demo cluster the journal is replayed and the lost"
          + " calls are repeated against a fresh cluster.")
  private boolean resume;

  @Option(
      names = "--force-recovery",
      description = "Like Invoke-CauRun -ForceRecovery: clear the cluster's run lock and end the"
          + " interrupted run of the --store run store Canceled, bringing the node it was updating"
          + " back to service, instead of starting a run. The profile and options must be those the"
          + " run started with. Succeeds also when there is nothing to recover.")
  private boolean forceRecovery;

  @Option(
      names = "--clear-corrupt-reports",
      description = "With --force-recovery, like -ClearCorruptReports: also delete the runs of the"
          + " store whose report cannot be read, with their journals.")
  private boolean clearCorruptReports;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print the informational messages of the cluster and the plug-ins.")
  private boolean verbose;

  /**
   * Creates the command.
   *
   * @param clusters builds a fresh cluster for each run, whose virtual time starts at the instant given
   */
  RunCommand(Function<Instant, SimulatedCluster> clusters) {
    this.clusters = Objects.requireNonNull(clusters, "clusters");
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
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    // With --report -, standard output holds the report alone; the progress goes to standard error.
    PrintWriter out = report != null && OutputPath.isStandardOutput(report) ? err : stdout;
    RunResult result;
    ReportFormat format;
    ZoneId zone = timeZone == null ? Converters.UTC : timeZone;
    try {
      format = reportFormat();
      if (report != null) {
        OutputPath.check("--report", report);
      }
    } catch (InputRefused e) {
      return e.report(command, "No node was touched.");
    }
    FileRunStore runStore = null;
    @Nullable ClusterController real = null;
    try {
      checkRecoveryOptions();
      // A real backend (any but the simulated one) runs in real time; see RealClusters.
      real = clusterOption.real().orElse(null);
      if (real != null) {
        RealClusters.requireStore(real, store);
      } else {
        clusters = clusterOption.clusters(clusters);
      }
      List<UpdatePluginProvider> added = pluginPath.providers();
      RunOptions options = options(real != null ? RealClusters.available(added).names()
          : DemoRuns.offered(added).stream().map(UpdatePluginProvider::name).toList());
      if (real != null) {
        runStore = store == null ? null : Stores.openOrCreate(store);
        if (runStore != null) {
          locked = Stores.lockForWriting(runStore, "cau run");
          if (forceRecovery) {
            StoreDamage.setAside(runStore, out);
          } else {
            StoreDamage.refuseIfDamaged(runStore);
          }
        }
        Optional<RunResult> ran = RealClusters.run(real, runStore, added, options, resume ? RealClusters.Mode.RESUME
            : forceRecovery ? RealClusters.Mode.FORCE_RECOVERY : RealClusters.Mode.START, new ProgressPrinter(out, verbose));
        if (clearCorruptReports && runStore != null) {
          RunHistory history = new RunHistory(runStore);
          history.unreadable().forEach(line -> out.println("Removing unreadable report: " + line));
          out.println("Removed " + Counts.of(history.clearUnreadable(), "run") + " whose report could not be read.");
        }
        if (ran.isEmpty()) {
          out.println("Nothing to recover: run store \"" + store + "\" holds no interrupted run.");
          out.flush();
          return ExitCode.OK;
        }
        result = ran.get();
      } else if (resume || forceRecovery) {
        Path directory = Objects.requireNonNull(store, "checked: recovery needs a store");
        runStore = Stores.existing(directory);
        locked = Stores.lockForWriting(runStore, resume ? "cau run --resume" : "cau run --force-recovery");
        if (forceRecovery) {
          StoreDamage.setAside(runStore, out);
        } else {
          StoreDamage.refuseIfDamaged(runStore);
        }
        Optional<RunResult> recovered = recover(options, runStore, directory, zone, out);
        if (recovered.isEmpty()) {
          out.flush();
          return ExitCode.OK;
        }
        result = recovered.get();
      } else {
        runStore = store == null ? null : Stores.openOrCreate(store);
        if (runStore != null) {
          locked = Stores.lockForWriting(runStore, "cau run");
          StoreDamage.refuseIfDamaged(runStore);
        }
        SimulatedCluster cluster = DemoRuns.cluster(clusters, runStore);
        ProgressPrinter progress = new ProgressPrinter(out, verbose);
        clusterOption.demoNotice(cluster).ifPresent(progress::preface);
        UpdatingRun run = DemoRuns.coordinator(cluster, runStore, added, progress).coordinator().start(options);
        result = DemoRuns.complete(cluster, run);
      }
    } catch (InvalidOptionsException e) {
      err.println("cau run: invalid option: " + e.getMessage());
      err.println("No node was touched. See 'cau run --help'.");
      err.flush();
      return ExitCode.USAGE;
    } catch (PluginRegistrationException e) {
      err.println("cau run: " + e.getMessage());
      err.println("No node was touched.");
      err.flush();
      return ExitCode.USAGE;
    } catch (PluginNotFoundException e) {
      err.println("cau run: " + e.getMessage());
      err.println("No node was touched. The plug-ins a run uses are the ones its profile or cluster file names;"
          + " see 'cau plugins'.");
      err.flush();
      return ExitCode.USAGE;
    } catch (InputRefused e) {
      return e.report(command, "No node was touched.");
    } catch (ClusterNotReadyException e) {
      err.println("cau run: the cluster is not ready to be updated: "
          + Counts.of(e.findings().size(), "readiness rule") + " of Error severity failed:");
      for (Finding finding : e.findings()) {
        err.println("  " + finding.ruleId() + " (" + finding.title() + "): " + finding.detail());
        err.println("    Resolution: " + finding.resolution());
      }
      err.println("No node was touched. See 'cau test-setup'.");
      err.flush();
      return ExitCode.USAGE;
    } catch (RunNeedsRecoveryException e) {
      err.println("cau run: " + e.getMessage());
      err.println("No node was touched. See 'cau status --store " + store + "'; carry the run on with"
          + " 'cau run --store " + store + " --resume', or end it with 'cau run --store " + store
          + " --force-recovery'.");
      err.flush();
      return ExitCode.USAGE;
    } catch (CauException e) {
      if (real != null) {
        // A real cluster that cannot be reached, or a failed engine: the message says which node and why.
        err.println("cau run: " + e.getMessage());
        err.flush();
        return ExitCode.SOFTWARE;
      }
      // Anything else the engine refuses with, such as a run lock another coordinator holds, comes
      // from its checks before the run starts: the run itself reports failures in its result.
      err.println("cau run: " + e.getMessage());
      err.println("No node was touched.");
      err.flush();
      return ExitCode.USAGE;
    }
    out.println();
    if (real == null) {
      RunReport.print(result, out);
    } else {
      InstalledUpdates.print(result, zone, out);
      RunReport.print(result, out, "real time");
    }
    if (runStore != null) {
      out.println("Run id:   " + result.runId());
      out.println("Store:    " + runStore.directory());
    }
    if (report != null && format != null) {
      try {
        StringWriter text = new StringWriter();
        ReportExporter.write(format, List.of(result), zone, text);
        OutputPath.write(report, text.toString(), stdout);
      } catch (IOException e) {
        err.println("cau run: cannot write the report to \"" + report + "\": " + IoProblems.describe(e));
        err.flush();
        return ExitCode.SOFTWARE;
      }
      if (!OutputPath.isStandardOutput(report)) {
        out.println("Report:   " + report);
      }
    }
    if (forceRecovery) {
      out.println("Recovered run " + result.runId() + ": it ended " + result.status().displayName()
          + "; 'cau run --store " + store + "' can start a new run.");
      out.flush();
      return ExitCode.OK;
    }
    out.flush();
    return result.status() == SummaryStatus.SUCCEEDED ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  /** Refuses recovery options that do not go together, before anything is read or touched. */
  private void checkRecoveryOptions() {
    if (resume && forceRecovery) {
      throw new InputRefused("\"--resume\" and \"--force-recovery\" exclude each other: --resume carries the"
          + " interrupted run on, --force-recovery ends it Canceled; give one of them");
    }
    if ((resume || forceRecovery) && store == null) {
      throw new InputRefused("\"" + (resume ? "--resume" : "--force-recovery") + "\" requires \"--store\":"
          + " the interrupted run is the one a run store keeps; name its directory, as in 'cau run --store <dir> "
          + (resume ? "--resume" : "--force-recovery") + "'");
    }
    if (clearCorruptReports && !forceRecovery) {
      throw new InputRefused("\"--clear-corrupt-reports\" requires \"--force-recovery\": it is part of"
          + " recovering a run store, as in 'cau run --store <dir> --force-recovery --clear-corrupt-reports'");
    }
  }

  /**
   * Carries on or ends the store's interrupted run on a fresh simulated cluster, printing its
   * progress.
   *
   * @return the run's result; empty if --force-recovery found no interrupted run
   * @throws InputRefused if --resume finds no interrupted run; nothing was touched
   */
  private Optional<RunResult> recover(
      RunOptions options, FileRunStore runStore, Path directory, ZoneId zone, PrintWriter out) {
    Optional<StoredRunJournal> interrupted = DemoRuns.interrupted(runStore);
    if (resume && interrupted.isEmpty()) {
      throw new InputRefused("\"--resume\" needs an interrupted run to carry on, but run store \"" + directory
          + "\" holds none: every run it keeps has finished; 'cau run --store " + directory + "' starts a new one");
    }
    SimulatedCluster cluster = interrupted.isPresent()
        ? DemoRuns.cluster(clusters, interrupted.get())
        : DemoRuns.cluster(clusters, runStore);
    ProgressPrinter progress = new ProgressPrinter(out, verbose);
    interrupted.ifPresent(journal -> progress.carryOn(journal.header().startedAt(), cluster.name(),
        cluster.snapshot().nodes().stream().map(NodeSnapshot::name).toList()));
    UpdateCoordinator coordinator = DemoRuns.coordinator(cluster, runStore, pluginPath.providers(), progress).coordinator();
    // Checks the options before anything is touched; the run goes on once the simulation is driven.
    Optional<UpdatingRun> run = resume ? Optional.of(coordinator.resume(options)) : coordinator.forceRecovery(options);
    clusterOption.demoNotice(cluster).ifPresent(out::println);
    if (clearCorruptReports) {
      RunHistory history = coordinator.history();
      history.unreadable().forEach(line -> out.println("Removing unreadable report: " + line));
      int removed = history.clearUnreadable();
      out.println("Removed " + Counts.of(removed, "run") + " whose report could not be read.");
    }
    if (run.isEmpty()) {
      out.println("Nothing to recover: run store \"" + directory + "\" holds no interrupted run.");
      if (report != null) {
        out.println("No report was written to \"" + report + "\".");
      }
      return Optional.empty();
    }
    StoredRunJournal journal = interrupted.orElseThrow(
        () -> new IllegalStateException("The coordinator recovered run " + run.get().runId() + ", which is not in the store"));
    out.println((resume ? "Resuming" : "Recovering") + " run " + run.get().runId() + " on " + cluster.name()
        + ", started " + Timestamps.format(journal.header().startedAt(), zone) + "; its journal ends at +"
        + ProgressPrinter.hms(Duration.between(journal.header().startedAt(), DemoRuns.journalEnd(journal)))
        + (resume ? ", where the run carries on:" : ", where the run is ended:"));
    return Optional.of(DemoRuns.complete(cluster, run.get()));
  }

  /**
   * The report's format, from --report-format or its file's extension; {@code null} without a
   * report.
   */
  private @Nullable ReportFormat reportFormat() {
    Path file = report;
    if (file == null) {
      if (reportFormat != null) {
        throw new InputRefused("\"--report-format\" requires \"--report\": it is the format of the report"
            + " file, as in 'cau run --report - --report-format json'");
      }
      return null;
    }
    if (reportFormat != null) {
      return reportFormat;
    }
    return Converters.formatOf(file).orElseThrow(() -> new InputRefused(OutputPath.isStandardOutput(file)
        ? "\"--report-format\" is needed with \"--report -\" (standard output): it must be html, csv or json"
        : "invalid option: \"--report\" must name a .html, .csv or .json file, or come with"
            + " \"--report-format\", but was \"" + file + "\""));
  }

  /**
   * Passes every option that was given to the builder, which checks it, over the profile's; the
   * plug-ins are the profile's, else the cluster file's (see {@link PluginChoice}).
   *
   * @param available the names of the plug-ins the cluster offers
   */
  private RunOptions options(List<String> available) {
    RunOptions.Builder options = profile.options();
    if (maxFailedNodes != null) {
      options.maxFailedNodes(maxFailedNodes);
    }
    if (maxRetriesPerNode != null) {
      options.maxRetriesPerNode(maxRetriesPerNode);
    }
    if (rebootTimeoutMinutes != null) {
      options.rebootTimeoutMinutes(rebootTimeoutMinutes);
    }
    options.requireAllNodesOnline(requireAllNodesOnline);
    if (failback != null) {
      options.failbackMode(failback);
    }
    if (nodeOrder != null) {
      options.nodeOrder(nodeOrder);
    }
    return PluginChoice.choose(options, profile.given(), clusterOption.plugins(), available);
  }

  /** Reads CAU's names of the failback modes, in any case. */
  static final class FailbackModeConverter implements CommandLine.ITypeConverter<FailbackMode> {
    @Override
    public FailbackMode convert(String value) {
      for (FailbackMode mode : FailbackMode.values()) {
        if (cauName(mode).equalsIgnoreCase(value)) {
          return mode;
        }
      }
      throw new CommandLine.TypeConversionException(
          "must be NoFailback, Immediate or Policy, but was '" + value + "'");
    }

    /**
     * Returns CAU's name of a failback mode.
     *
     * @param mode the mode
     * @return {@code NoFailback}, {@code Immediate} or {@code Policy}
     */
    static String cauName(FailbackMode mode) {
      return switch (mode) {
        case NO_FAILBACK -> "NoFailback";
        case IMMEDIATE -> "Immediate";
        case POLICY -> "Policy";
      };
    }
  }
}
