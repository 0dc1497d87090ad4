package dev.cau.cli;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.report.PreviewJson;
import dev.cau.core.text.Counts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cau plugins}: the update plug-ins this coordinator finds, like {@code Get-CauPlugin}. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the update plug-ins found on the class and module path, like Get-CauPlugin: each one's name,"
          + " module or jar, and arguments with their types, defaults and whether they are secret.",
      "Providers that could not be loaded are listed after them, with the reason."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the plug-ins were listed and every provider found could be loaded",
      "1:a provider found on the path could not be loaded",
      "2:bad usage"
    })
final class PluginsCommand implements Callable<Integer> {
  @Spec
  private @Nullable CommandSpec spec;

  @Option(names = "--json", description = "Print the plug-ins as JSON (its shape is in docs/scan-and-readiness.md).")
  private boolean json;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    PluginRegistry registry = PluginRegistry.discover(PluginsCommand.class.getClassLoader());
    List<PreviewJson.PluginEntry> entries = registry.names().stream()
        .map(name -> PreviewJson.PluginEntry.of(registry.require(name))).toList();
    if (json) {
      try {
        PreviewJson.plugins(entries, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      print(entries, out);
    }
    registry.problems().forEach(problem -> err.println("cau plugins: " + problem));
    out.flush();
    err.flush();
    return registry.problems().isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private static void print(List<PreviewJson.PluginEntry> entries, PrintWriter out) {
    out.println(Counts.of(entries.size(), "plug-in") + " found");
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
