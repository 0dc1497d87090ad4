package dev.cau.cli;

import dev.cau.api.CauException;
import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.plugin.Update;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.report.PreviewJson;
import dev.cau.core.scan.NodeScan;
import dev.cau.core.scan.PluginScan;
import dev.cau.core.scan.ScanReport;
import dev.cau.core.options.RunOptions;
import dev.cau.core.text.Counts;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cau scan}: which updates each node would get, like {@code Invoke-CauScan}; changes nothing. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the updates each node of the cluster would get, like Invoke-CauScan. Nothing on any node"
          + " changes.",
      "With --cluster FILE it scans the cluster the file describes: a real one (backend pacemaker, over SSH,"
          + " in real time) or a simulated one. Without it, the built-in simulated cluster \"" + DemoCluster.NAME
          + "\", through each node's simulated Windows Update Agent.",
      "The plug-ins are chosen as 'cau run' chooses them: those of --profile, else those the cluster file"
          + " names, else CAU's default, Microsoft.WindowsUpdatePlugin.",
      "Only first-order updates are listed: those that apply only after others are installed appear in"
          + " a run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every node was scanned",
      "1:the scan of at least one node failed, or the cluster could not be read; the nodes scanned are"
          + " listed",
      "2:bad usage, an invalid option value, a cluster file or profile that is refused, a plug-in the"
          + " cluster does not offer, or a --plugin-path that is not a readable directory of jars; no node"
          + " was scanned"
    })
final class ScanCommand implements Callable<Integer> {
  private final Function<Instant, SimulatedCluster> clusters;

  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClusterOption clusterOption = new ClusterOption();

  @Mixin
  private ProfileOption profile = new ProfileOption();

  @Mixin
  private PluginPathOption pluginPath = new PluginPathOption();

  @Option(
      names = "--parallelism",
      paramLabel = "<n>",
      description = "How many nodes are scanned at once, at least 1; default "
          + UpdateCoordinator.DEFAULT_SCAN_PARALLELISM + ".")
  private int parallelism = UpdateCoordinator.DEFAULT_SCAN_PARALLELISM;

  @Option(names = "--json", description = "Print the preview as JSON (its shape is in docs/scan-and-readiness.md).")
  private boolean json;

  ScanCommand(Function<Instant, SimulatedCluster> clusters) {
    this.clusters = Objects.requireNonNull(clusters, "clusters");
  }

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    if (parallelism < 1) {
      return new InputRefused("invalid option: \"--parallelism\" must be 1 or more, but was " + parallelism)
          .report(command, "No node was scanned.");
    }
    ScanReport report;
    SimulatedCluster cluster = null;
    try {
      List<UpdatePluginProvider> added = pluginPath.providers();
      ClusterController real = clusterOption.real().orElse(null);
      if (real != null) {
        PluginRegistry plugins = RealClusters.available(added);
        RunOptions options = PluginChoice.choose(profile.options(), profile.given(), clusterOption.plugins(), plugins.names());
        // Checked before the engine reads the cluster, so that a missing plug-in is refused even when no node answers.
        options.plugins().forEach(plugin -> plugins.require(plugin.name()));
        Optional<ScanReport> scanned = scanReal(real, plugins, options, command);
        if (scanned.isEmpty()) {
          return ExitCode.SOFTWARE;
        }
        report = scanned.get();
      } else {
        Function<Instant, SimulatedCluster> chosen = clusterOption.clusters(clusters);
        RunOptions options = PluginChoice.choose(profile.options(), profile.given(), clusterOption.plugins(),
            DemoRuns.offered(added).stream().map(UpdatePluginProvider::name).toList());
        cluster = DemoRuns.cluster(chosen, (RunStore) null);
        CompletableFuture<ScanReport> future = DemoRuns.coordinator(cluster, null, added).coordinator()
            .scan(options, parallelism);
        cluster.simulator().runUntil(future::isDone);
        report = future.join();
      }
    } catch (InvalidOptionsException e) {
      return new InputRefused("invalid option: " + e.getMessage()).report(command, "No node was scanned.");
    } catch (CauException e) {
      return new InputRefused(String.valueOf(e.getMessage())).report(command, "No node was scanned.");
    } catch (InputRefused e) {
      return e.report(command, "No node was scanned.");
    }
    if (json) {
      try {
        PreviewJson.scan(report, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      if (cluster != null) {
        clusterOption.demoNotice(cluster).ifPresent(out::println);
      }
      print(report, out);
    }
    out.flush();
    return report.nodes().stream().allMatch(NodeScan::succeeded) ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  /**
   * Scans a real cluster in real time, once its plug-ins and options have been checked.
   *
   * @return the report; empty if the cluster could not be read, which has been reported
   * @throws InvalidOptionsException if a plug-in argument is not allowed; nothing was read
   */
  private Optional<ScanReport> scanReal(ClusterController real, PluginRegistry plugins, RunOptions options,
      CommandSpec command) {
    try (UpdateCoordinator coordinator = RealClusters.coordinator(real, plugins, null, RunListener.NONE)) {
      return Optional.of(coordinator.scan(options, parallelism).join());
    } catch (InvalidOptionsException e) {
      throw e;
    } catch (CauException | CompletionException e) {
      // The cluster could not be read: the message says which node and why.
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      PrintWriter err = command.commandLine().getErr();
      err.println("cau scan: " + cause.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  private static void print(ScanReport report, PrintWriter out) {
    out.println("Scan of cluster " + report.cluster() + ": " + Counts.of(report.nodes().size(), "node")
        + ", " + report.parallelism() + " at a time");
    report.runHoldingLock().ifPresent(run -> out.println("Run " + run + " holds the cluster's run lock: nodes it is"
        + " updating may show a changing picture."));
    for (NodeScan node : report.nodes()) {
      out.println();
      out.println(node.node() + ": " + (node.succeeded() ? Counts.of(node.updates().size(), "update") : "scan failed"));
      for (PluginScan scan : node.plugins()) {
        if (scan.error() != null) {
          out.println("  " + scan.plugin() + ": " + scan.error());
        }
        for (Update update : scan.updates()) {
          out.println("  " + ProgressPrinter.name(update) + "  " + update.title());
        }
      }
    }
  }
}
