package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.report.ReportFormat;
import dev.cau.core.report.RunHistory;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.JournalFormatException;
import dev.cau.core.text.Counts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cau export}: writes the report of one finished run kept in a run store to a file, as
 * HTML, CSV or JSON, like {@code Export-CauReport}.
 *
 * <p>The run is the one {@code --run} names, or by default the one that started last. Everything
 * is checked before the file is written: the store, the run, the format and the time zone; a
 * refusal exits with 2 and leaves the file alone. The report is rendered in full before the file
 * is opened, so a file is either written whole or not touched.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a finished run's report from a run store to a file, like Export-CauReport.",
      "HTML, CSV or JSON; by default the report of the run that started last. With --path -, the"
          + " report goes to standard output, in the --format given."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written",
      "1:the file could not be written",
      "2:bad usage, an invalid option value, no run store, or no such finished run; nothing was written"
    })
final class ExportCommand implements Callable<Integer> {
  /** How many run ids a refusal lists at most, the latest ones. */
  private static final int LISTED_RUNS = 5;

  @Spec
  private @Nullable CommandSpec spec;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "<dir>",
      description = "The run store to read, a directory that 'cau run --store' wrote.")
  private @Nullable Path store;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      converter = Converters.ReportFormatConverter.class,
      description = "html, csv or json; by default from the extension of --path.")
  private @Nullable ReportFormat format;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "<file>",
      description = "The file to write, replacing it if it exists; its directory must exist."
          + " - writes to standard output (then --format is needed).")
  private @Nullable Path path;

  @Option(
      names = "--run",
      paramLabel = "<id>",
      converter = Converters.RunIdConverter.class,
      description = "The run whose report to write, by its id as 'cau report' lists it.")
  private @Nullable RunId run;

  @Option(
      names = "--last",
      description = "The run that started last; the default.")
  private boolean last;

  @Option(
      names = "--time-zone",
      paramLabel = "<zone>",
      converter = Converters.ZoneIdConverter.class,
      description = "The time zone of the report's timestamps, such as Europe/Berlin; UTC by default."
          + " JSON is always UTC.")
  private @Nullable ZoneId timeZone;

  ExportCommand() {}

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Path directory = Objects.requireNonNull(store, "--store is required");
    Path file = Objects.requireNonNull(path, "--path is required");
    ZoneId zone = timeZone == null ? Converters.UTC : timeZone;
    ReportFormat chosen;
    RunResult report;
    try {
      if (run != null && last) {
        throw new InputRefused("\"--run\" and \"--last\" cannot be combined: give the id of one run, or"
            + " --last (the default) for the run that started last");
      }
      chosen = format != null ? format : Converters.formatOf(file).orElseThrow(() -> new InputRefused(
          OutputPath.isStandardOutput(file)
              ? "\"--format\" is needed with \"--path -\" (standard output): it must be html, csv or json"
              : "\"--format\" is needed: it must be html, csv or json, and \"--path\" \"" + file
                  + "\" does not end in .html, .csv or .json to tell"));
      OutputPath.check("--path", file);
      report = find(Stores.existing(directory), directory);
    } catch (InputRefused e) {
      return e.report(command, "Nothing was written.");
    }

    StringWriter text = new StringWriter();
    try {
      ReportExporter.write(chosen, List.of(report), zone, text);
      OutputPath.write(file, text.toString(), out);
    } catch (IOException e) {
      err.println("cau export: cannot write the report to \"" + file + "\": " + IoProblems.describe(e));
      err.flush();
      return ExitCode.SOFTWARE;
    }
    if (OutputPath.isStandardOutput(file)) {
      return ExitCode.OK; // standard output holds the report alone
    }
    out.println("Exported run " + report.runId() + " of " + report.cluster() + " ("
        + report.status().displayName() + ", started " + Timestamps.format(report.startedAt(), zone) + ") as "
        + chosen.name().toLowerCase(Locale.ROOT) + " to " + file);
    out.flush();
    return ExitCode.OK;
  }

  /** The report to write: the run --run names, or the one that started last. */
  private RunResult find(FileRunStore runStore, Path directory) {
    RunHistory history = new RunHistory(runStore);
    RunId wanted = run;
    if (wanted == null) {
      return history.last().orElseThrow(() -> new InputRefused("run store \"" + directory
          + "\" holds no finished run to export" + unreadableNote(history)));
    }
    Optional<RunResult> found;
    try {
      found = history.report(wanted);
    } catch (JournalFormatException e) {
      throw new InputRefused("the report of run \"" + wanted + "\" in run store \"" + directory
          + "\" cannot be read: " + e.getMessage());
    }
    if (found.isPresent()) {
      return found.get();
    }
    if (runStore.runs().contains(wanted)) {
      throw new InputRefused("run \"" + wanted + "\" in run store \"" + directory + "\" has not finished, so it has"
          + " no report yet; see 'cau status --store " + directory + "'");
    }
    List<RunResult> reports = history.reports();
    List<String> latest = reports.subList(Math.max(0, reports.size() - LISTED_RUNS), reports.size()).stream()
        .map(r -> r.runId().toString())
        .toList();
    throw new InputRefused("\"--run\" must name a finished run of run store \"" + directory + "\", but was \""
        + wanted + "\"; " + (latest.isEmpty()
            ? "the store holds no finished run"
            : (reports.size() > LISTED_RUNS ? "its latest are " : "its runs are ") + String.join(", ", latest)
                + " (see 'cau report --store " + directory + "')"));
  }

  private static String unreadableNote(RunHistory history) {
    int unreadable = history.unreadable().size();
    return unreadable == 0 ? "" : " it can read (" + Counts.of(unreadable, "report") + " "
        + Counts.inNumber(unreadable, "is", "are") + " unreadable; see 'cau report')";
  }
}
