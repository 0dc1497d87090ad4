package dev.cau.cli;

import dev.cau.api.CauException;
import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.plugin.Update;
import dev.cau.core.UpdateCoordinator;
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
          + " changes. It scans the cluster a --cluster file describes, or else the built-in simulated"
          + " cluster \"" + DemoCluster.NAME + "\", through CAU's default plug-in, Microsoft.WindowsUpdatePlugin, and each node's"
          + " simulated Windows Update Agent.",
      "Only first-order updates are listed: those that apply only after others are installed appear in"
          + " a run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every node was scanned",
      "1:the scan of at least one node failed; the others are listed",
      "2:bad usage, an invalid option value or a cluster file that is refused; no node was scanned"
    })
final class ScanCommand implements Callable<Integer> {
  private final Function<Instant, SimulatedCluster> clusters;

  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClusterOption clusterOption = new ClusterOption();

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
    SimulatedCluster cluster;
    try {
      cluster = DemoRuns.cluster(clusterOption.clusters(clusters), (RunStore) null);
      CompletableFuture<ScanReport> future = DemoRuns.coordinator(cluster, null).coordinator()
          .scan(RunOptions.builder().build(), parallelism);
      cluster.simulator().runUntil(future::isDone);
      report = future.join();
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
      clusterOption.demoNotice(cluster).ifPresent(out::println);
      print(report, out);
    }
    out.flush();
    return report.nodes().stream().allMatch(NodeScan::succeeded) ? ExitCode.OK : ExitCode.SOFTWARE;
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
