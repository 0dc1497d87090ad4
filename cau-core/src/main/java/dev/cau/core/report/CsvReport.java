package dev.cau.core.report;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes runs as RFC 4180 CSV: one row per update install result with the run and node columns
 * repeated, and one row with empty update columns for every node without install results. The
 * last two columns are empty unless the run moved nodes to a new OS version: whether the row's
 * node runs it, and when the cluster entered mixed-OS mode.
 */
final class CsvReport {
  /** The header row's column names, in order. */
  static final List<String> COLUMNS =
      List.of(
          "RunId",
          "Cluster",
          "RunStatus",
          "RunStart",
          "Node",
          "NodeStatus",
          "UpdateId",
          "UpdateTitle",
          "Result",
          "ErrorCode",
          "ErrorCodeDecimal",
          "RebootRequired",
          "Timestamp",
          "NodeOs",
          "MixedOsSince");

  private static final List<String> EMPTY_UPDATE = List.of("", "", "", "", "", "", "");

  private static final String CRLF = "\r\n";

  private CsvReport() {}

  static void write(List<RunResult> runs, ZoneId zone, Appendable out) throws IOException {
    row(out, COLUMNS);
    for (RunResult run : runs) {
      MixedOsStatus mixedOs = MixedOsTracker.of(run);
      for (NodeResult node : run.nodeResults()) {
        List<String> os = os(mixedOs, node.node(), zone);
        if (node.installResults().isEmpty()) {
          row(out, runAndNode(run, node, zone), EMPTY_UPDATE, os);
          continue;
        }
        for (InstallResult result : node.installResults()) {
          row(out, runAndNode(run, node, zone), update(result, zone), os);
        }
      }
    }
  }

  /** Whether the node runs the run's new OS version, and when the cluster entered mixed-OS mode. */
  private static List<String> os(MixedOsStatus mixedOs, String node, ZoneId zone) {
    Instant since = mixedOs.since();
    String state = mixedOs.upgraded().contains(node) ? "Upgraded"
        : mixedOs.notUpgraded().contains(node) ? "NotUpgraded" : "";
    return List.of(state, since == null ? "" : ReportText.timestamp(since, zone));
  }

  private static List<String> runAndNode(RunResult run, NodeResult node, ZoneId zone) {
    return List.of(
        run.runId().toString(),
        run.cluster(),
        ReportText.status(run.status()),
        ReportText.timestamp(run.startedAt(), zone),
        node.node(),
        ReportText.status(node.status()));
  }

  private static List<String> update(InstallResult result, ZoneId zone) {
    return List.of(
        result.update().id(),
        result.update().title(),
        ReportText.pascalCase(result.code()),
        ReportText.hexErrorCode(result.errorCode()),
        Integer.toString(result.errorCode()),
        ReportText.yesNo(result.rebootRequired()),
        ReportText.timestamp(result.timestamp(), zone));
  }

  private static void row(Appendable out, List<String> fields) throws IOException {
    row(out, fields, List.of());
  }

  private static void row(Appendable out, List<String> head, List<String> tail) throws IOException {
    row(out, head, tail, List.of());
  }

  private static void row(Appendable out, List<String> head, List<String> middle, List<String> tail)
      throws IOException {
    boolean first = true;
    for (List<String> part : List.of(head, middle, tail)) {
      for (String field : part) {
        if (!first) {
          out.append(',');
        }
        first = false;
        field(out, field);
      }
    }
    out.append(CRLF);
  }

  /**
   * Writes one field, quoted when it holds a comma, a quote or a line break. A field that a
   * spreadsheet would run as a formula (one that starts with {@code =}, {@code +}, {@code -},
   * {@code @}, a tab or a carriage return, and is not a plain number such as an error code's
   * {@code -2145124329}) is neutralised as OWASP recommends: written quoted, after a single quote,
   * so that it shows as the text it is.
   */
  static void field(Appendable out, String field) throws IOException {
    if (startsFormula(field)) {
      out.append("\"'").append(field.replace("\"", "\"\"")).append('"');
      return;
    }
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\r') < 0
        && field.indexOf('\n') < 0) {
      out.append(field);
      return;
    }
    out.append('"').append(field.replace("\"", "\"\"")).append('"');
  }

  private static boolean startsFormula(String field) {
    if (field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0) {
      return false;
    }
    return !PLAIN_NUMBER.matcher(field).matches();
  }

  /** A signed decimal number, which no spreadsheet runs as a formula. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
}
