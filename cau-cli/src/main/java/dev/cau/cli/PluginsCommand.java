package dev.cau.cli;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.report.PreviewJson;
import dev.cau.core.text.Counts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import dev.cau.testkit.cluster.SimulatedCluster;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cau plugins}: the update plug-ins this coordinator finds, like {@code Get-CauPlugin}. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the update plug-ins found on the class and module path and in the jars of --plugin-path, like"
          + " Get-CauPlugin: each one's name,"
          + " module or jar, and arguments with their types, defaults and whether they are secret.",
      "With --cluster FILE, lists only the plug-ins a run on that cluster can use, after checking the file"
          + " (and the plug-ins it names): on a simulated cluster those its coordinator offers, on a real one"
          + " (backend pacemaker) every plug-in installed or added.",
      "Providers that could not be loaded are listed after them, with the reason."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the plug-ins were listed and every provider found could be loaded",
      "1:a provider found on the path could not be loaded",
      "2:bad usage, a cluster file that is refused, or a --plugin-path that is not a readable directory of jars"
    })
final class PluginsCommand implements Callable<Integer> {
  @Spec
  private @Nullable CommandSpec spec;

  private final Function<Instant, SimulatedCluster> clusters;

  @Mixin
  private ClusterOption clusterOption = new ClusterOption();

  @Mixin
  private PluginPathOption pluginPath = new PluginPathOption();

  @Option(names = "--json", description = "Print the plug-ins as JSON (its shape is in docs/scan-and-readiness.md).")
  private boolean json;

  /**
   * Creates the command.
   *
   * @param clusters builds the demo cluster, whose virtual time starts at the instant given
   */
  PluginsCommand(Function<Instant, SimulatedCluster> clusters) {
    this.clusters = Objects.requireNonNull(clusters, "clusters");
  }

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    PluginRegistry registry = PluginRegistry.discover(PluginsCommand.class.getClassLoader());
    List<UpdatePluginProvider> added;
    try {
      added = pluginPath.providers();
    } catch (InputRefused e) {
      return e.report(command, "");
    }
    List<UpdatePluginProvider> providers = new ArrayList<>(registry.names().stream().map(registry::require).toList());
    providers.addAll(added);
    String heading = " found";
    if (clusterOption.given()) {
      String name;
      try {
        ClusterController real = clusterOption.real().orElse(null);
        if (real != null) {
          // What a run on a real cluster can use: every plug-in installed or added.
          name = real.name();
        } else {
          name = DemoRuns.cluster(clusterOption.clusters(clusters), (RunStore) null).name();
          // What a run on a simulated cluster can use: the plug-ins its coordinator offers, never replaced.
          providers = DemoRuns.offered(added);
        }
        PluginChoice.check(clusterOption.plugins(), providers.stream().map(UpdatePluginProvider::name).toList());
      } catch (InputRefused e) {
        return e.report(command, "");
      } catch (InvalidOptionsException e) {
        return new InputRefused("invalid option: " + e.getMessage()).report(command, "");
      }
      heading = " a run on cluster \"" + name + "\" can use";
    }
    List<PreviewJson.PluginEntry> entries = providers.stream().map(PreviewJson.PluginEntry::of).toList();
    if (json) {
      try {
        PreviewJson.plugins(entries, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      print(entries, heading, out);
    }
    List<String> problems = Stream.concat(registry.problems().stream(), pluginPath.problems().stream())
        .distinct().toList();
    problems.forEach(problem -> err.println("cau plugins: " + problem));
    out.flush();
    err.flush();
    return problems.isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private static void print(List<PreviewJson.PluginEntry> entries, String heading, PrintWriter out) {
    out.println(Counts.of(entries.size(), "plug-in") + heading);
    for (PreviewJson.PluginEntry entry : entries) {
      UpdatePluginProvider provider = entry.provider();
      out.println();
      out.println(provider.name());
      out.println("  Module:   " + (entry.module() == null ? "(class path)" : entry.module()));
      if (entry.location() != null) {
        out.println("  Location: " + entry.location());
      }
      if (provider.arguments().isEmpty()) {
        out.println("  Arguments: none");
        continue;
      }
      TextTable table = new TextTable(List.of("Argument", "Type", "Required", "Default", "Secret"), Set.of());
      for (PluginArgument argument : provider.arguments()) {
        table.add(argument.name(), argument.type().name().toLowerCase(Locale.ROOT), argument.required() ? "yes" : "no",
            argument.defaultValue() == null ? "" : argument.defaultValue(), argument.secret() ? "yes" : "no");
      }
      table.print(out);
    }
  }
}
