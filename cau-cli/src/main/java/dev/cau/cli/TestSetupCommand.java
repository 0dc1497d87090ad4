package dev.cau.cli;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.core.report.PreviewJson;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.options.RunOptions;
import dev.cau.core.text.Counts;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cau test-setup}: whether the cluster is ready to be updated, like {@code Test-CauSetup}. */
@Command(
    name = "test-setup",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks that the cluster is ready to be updated, like Test-CauSetup: CAU's Best Practices Analyzer"
          + " rules and the plug-ins' own rules. Only reads.",
      "With --cluster FILE it checks the cluster the file describes: a real one (backend pacemaker, over SSH,"
          + " in real time) or a simulated one. Without it, the built-in simulated cluster \"" + DemoCluster.NAME
          + "\".",
      "The plug-ins whose rules are checked are chosen as 'cau run' chooses them: those of --profile, else"
          + " those the cluster file names, else CAU's default, Microsoft.WindowsUpdatePlugin.",
      "Each rule ends Passed, Failed, NotApplicable or NotChecked (with the reason); a failed rule shows"
          + " how to resolve it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no rule of Error severity failed",
      "1:a rule of Error severity failed",
      "2:bad usage, an invalid option value, a cluster file or profile that is refused, a plug-in the"
          + " cluster file names that the cluster does not offer, or a --plugin-path that is not a readable"
          + " directory of jars; nothing was read"
    })
final class TestSetupCommand implements Callable<Integer> {
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
      names = "--store",
      paramLabel = "<dir>",
      description = "The run store that keeps the self-updating role's configuration, for the rules about the"
          + " role (CAU-11, 12, 16, 19). Without it those rules are not checked.")
  private @Nullable Path store;

  @Option(names = "--json", description = "Print the findings as JSON (its shape is in docs/scan-and-readiness.md).")
  private boolean json;

  TestSetupCommand(Function<Instant, SimulatedCluster> clusters) {
    this.clusters = Objects.requireNonNull(clusters, "clusters");
  }

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    FileRunStore runStore;
    ClusterController real;
    Function<Instant, SimulatedCluster> chosen = clusters;
    RunOptions options;
    PluginRegistry realPlugins = null;
    List<UpdatePluginProvider> added;
    try {
      added = pluginPath.providers();
      real = clusterOption.real().orElse(null);
      if (real != null) {
        realPlugins = RealClusters.available(added);
        options = PluginChoice.choose(profile.options(), profile.given(), clusterOption.plugins(), realPlugins.names());
      } else {
        chosen = clusterOption.clusters(clusters);
        options = PluginChoice.choose(profile.options(), profile.given(), clusterOption.plugins(),
            DemoRuns.offered(added).stream().map(UpdatePluginProvider::name).toList());
      }
      runStore = store == null ? null : Stores.existing(store);
    } catch (InputRefused e) {
      return e.report(command, "Nothing was read.");
    } catch (InvalidOptionsException e) {
      return new InputRefused("invalid option: " + e.getMessage()).report(command, "Nothing was read.");
    } catch (PluginRegistrationException e) {
      return new InputRefused(String.valueOf(e.getMessage())).report(command, "Nothing was read.");
    }
    SimulatedCluster cluster = null;
    ReadinessReport report;
    if (real != null) {
      // In real time; a cluster that cannot be read fails rule CAU-01, with the reason.
      try (UpdateCoordinator coordinator = RealClusters.coordinator(real, Objects.requireNonNull(realPlugins), runStore,
          RunListener.NONE)) {
        report = coordinator.testSetup(options);
      }
    } else {
      cluster = DemoRuns.cluster(chosen, runStore);
      report = DemoRuns.coordinator(cluster, runStore, added).coordinator().testSetup(options);
    }
    if (json) {
      try {
        PreviewJson.readiness(report, out);
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
    return report.isReady() ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private static void print(ReadinessReport report, PrintWriter out) {
    out.println("Readiness of cluster " + report.cluster() + ": "
        + (report.isReady() ? "ready" : "NOT ready, " + Counts.of(report.blocking().size(), "error") + " failed"));
    out.println();
    TextTable table = new TextTable(List.of("Rule", "Severity", "State", "Title"), Set.of());
    for (Finding finding : report.findings()) {
      table.add(finding.ruleId(), pascal(finding.severity().name()), pascal(finding.state().name()), finding.title());
    }
    table.print(out);
    for (Finding finding : report.findings()) {
      if (finding.state() == FindingState.FAILED) {
        out.println();
        out.println(finding.ruleId() + " failed: " + finding.detail());
        out.println("  Resolution: " + finding.resolution());
      }
    }
  }

  /**
   * Writes a constant's name in Pascal case, as CAU shows values: {@code NOT_APPLICABLE} is
   * {@code NotApplicable}.
   *
   * @param constant the name
   * @return the text
   */
  static String pascal(String constant) {
    StringBuilder text = new StringBuilder();
    for (String word : constant.split("_")) {
      text.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return text.toString();
  }
}
