package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import dev.cau.core.report.ReportSummary;
import dev.cau.core.report.RunHistory;
import dev.cau.core.store.FileRunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cau report}: the reports of finished runs kept in a run store, like {@code Get-CauReport}.
 *
 * <p>By default one line per run, oldest first: its id, start, end, status, node count, updates
 * installed and failed, and coordinators. {@code --detailed} prints each run's node results
 * instead; {@code --last} only the run that started last; {@code --from} and {@code --to} the runs
 * that started in a range. A report that cannot be read is named in a warning on the error output,
 * never skipped silently. The store is only read.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the reports of finished runs kept in a run store, like Get-CauReport.",
      "One line per run, oldest first, or each run's node results with --detailed. Reports that"
          + " cannot be read are named in warnings on the error output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the reports were listed, also when there are none",
      "2:bad usage, an invalid option value, or no run store in the directory"
    })
final class ReportCommand implements Callable<Integer> {
  private static final List<String> HEADERS =
      List.of("Run", "Start", "End", "Status", "Nodes", "Succeeded", "Failed", "Coordinators");
  /** The node count and the update counts are right-aligned. */
  private static final Set<Integer> NUMBER_COLUMNS = Set.of(4, 5, 6);

  @Spec
  private @Nullable CommandSpec spec;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "<dir>",
      description = "The run store to read, a directory that 'cau run --store' wrote.")
  private @Nullable Path store;

  @Option(
      names = "--last",
      description = "Only the report of the run that started last, as Get-CauReport -Last.")
  private boolean last;

  @Option(
      names = "--from",
      paramLabel = "<date>",
      converter = Converters.DateBoundConverter.class,
      description = "Only runs that started at or after this ISO-8601 date or date-time, such as"
          + " 2026-01-20 (from the start of that day) or 2026-01-20T03:00 (in the chosen time zone)"
          + " or 2026-01-20T03:00:00Z, as -StartDate.")
  private @Nullable DateBound from;

  @Option(
      names = "--to",
      paramLabel = "<date>",
      converter = Converters.DateBoundConverter.class,
      description = "Only runs that started at or before this ISO-8601 date or date-time; a date"
          + " takes in the whole day, as -EndDate.")
  private @Nullable DateBound to;

  @Option(
      names = "--detailed",
      description = "Print each run's node results, like 'cau run' does, instead of one line per run.")
  private boolean detailed;

  @Option(
      names = "--time-zone",
      paramLabel = "<zone>",
      converter = Converters.ZoneIdConverter.class,
      description = "The time zone to show times in and to read dates without an offset in, such as"
          + " Europe/Berlin; UTC by default.")
  private @Nullable ZoneId timeZone;

  ReportCommand() {}

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Path directory = Objects.requireNonNull(store, "--store is required");
    ZoneId zone = timeZone == null ? Converters.UTC : timeZone;
    FileRunStore runStore;
    Instant earliest;
    Instant latest;
    try {
      if (last && (from != null || to != null)) {
        throw new InputRefused("\"--last\" cannot be combined with \"--from\" or \"--to\": it shows the"
            + " report of the run that started last of all; leave it out to list a range");
      }
      earliest = from == null ? Instant.MIN : from.earliest(zone);
      latest = to == null ? Instant.MAX : to.latest(zone);
      if (latest.isBefore(earliest)) {
        throw new InputRefused("\"--to\" must not be before \"--from\", but \"" + to + "\" is before \"" + from
            + "\" (in " + zone + ")");
      }
      runStore = Stores.existing(directory);
    } catch (InputRefused e) {
      return e.report(command, "");
    }

    RunHistory history = new RunHistory(runStore);
    history.unreadable().forEach(line -> err.println("cau report: warning: unreadable report: " + line));
    err.flush();
    List<RunResult> reports = last ? history.last().stream().toList() : history.between(earliest, latest);
    if (reports.isEmpty()) {
      out.println(from == null && to == null
          ? "No finished runs in run store \"" + directory + "\"."
          : "No run in run store \"" + directory + "\" started " + range(zone) + ".");
    } else if (detailed) {
      for (int i = 0; i < reports.size(); i++) {
        if (i > 0) {
          out.println();
        }
        printDetailed(reports.get(i), zone, out);
      }
    } else {
      printSummaries(reports, zone, out);
    }
    printUnfinished(runStore, directory, out);
    out.flush();
    return ExitCode.OK;
  }

  private String range(ZoneId zone) {
    if (from != null && to != null) {
      return "between " + from + " and " + to + " (" + zone + ")";
    }
    return from != null ? "at or after " + from + " (" + zone + ")" : "at or before " + to + " (" + zone + ")";
  }

  private static void printSummaries(List<RunResult> reports, ZoneId zone, PrintWriter out) {
    TextTable table = new TextTable(HEADERS, NUMBER_COLUMNS);
    for (RunResult report : reports) {
      ReportSummary summary = ReportSummary.of(report);
      table.add(
          summary.runId().toString(),
          Timestamps.format(summary.startedAt(), zone),
          Timestamps.format(summary.finishedAt(), zone),
          summary.status().displayName(),
          String.valueOf(summary.nodes()),
          String.valueOf(summary.succeededUpdates()),
          String.valueOf(summary.failedUpdates()),
          String.join(", ", summary.coordinators()));
    }
    table.print(out);
  }

  private static void printDetailed(RunResult report, ZoneId zone, PrintWriter out) {
    out.println("Run:          " + report.runId());
    out.println("Cluster:      " + report.cluster());
    out.println("Status:       " + report.status().displayName());
    out.println("Started:      " + Timestamps.format(report.startedAt(), zone));
    out.println("Finished:     " + Timestamps.format(report.finishedAt(), zone));
    out.println("Coordinators: " + String.join(", ", report.coordinators()));
    String reason = report.reason();
    if (reason != null) {
      out.println("Reason:       " + reason);
    }
    out.println();
    RunReport.printNodes(report.nodeResults(), out);
  }

  /** Names the runs that have a journal but no report: they have not finished. */
  private static void printUnfinished(FileRunStore runStore, Path directory, PrintWriter out) {
    List<RunId> unfinished = runStore.runs().stream()
        .filter(id -> runStore.report(id).isEmpty())
        .sorted((a, b) -> a.toString().compareTo(b.toString()))
        .toList();
    if (!unfinished.isEmpty()) {
      out.println();
      unfinished.forEach(id -> out.println("Run " + id + " has no report: it has not finished;"
          + " see 'cau status --store " + directory + "'."));
    }
  }
}
