package dev.cau.cli;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a run's result the way {@code Get-CauRun} shows its node results: one row per node with
 * its status and update counts, then the run's status, duration and, when it did not succeed,
 * the reason.
 */
final class RunReport {
  private static final String[] HEADERS = {"Node", "Status", "Succeeded", "Failed", "Restarts"};
  /** Columns after the first two hold numbers and are right-aligned. */
  private static final int FIRST_NUMBER_COLUMN = 2;

  private RunReport() {}

  /**
   * Prints the report.
   *
   * @param result the run's result
   * @param out where to print; flushed at the end
   */
  static void print(RunResult result, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    for (NodeResult node : result.nodeResults()) {
      rows.add(new String[] {
          node.node(),
          node.status().displayName(),
          String.valueOf(node.succeededUpdates()),
          String.valueOf(node.failedUpdates()),
          String.valueOf(node.restarts())});
    }
    int[] widths = new int[HEADERS.length];
    for (int c = 0; c < HEADERS.length; c++) {
      widths[c] = HEADERS[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    String[] rules = new String[HEADERS.length];
    for (int c = 0; c < HEADERS.length; c++) {
      rules[c] = "-".repeat(widths[c]);
    }
    out.println(line(HEADERS, widths));
    out.println(line(rules, widths));
    rows.forEach(row -> out.println(line(row, widths)));

    List<NodeResult> explained = result.nodeResults().stream().filter(n -> n.reason() != null).toList();
    if (!explained.isEmpty()) {
      out.println();
      explained.forEach(n -> out.println(n.node() + ": " + n.reason()));
    }

    out.println();
    out.println("Cluster:  " + result.cluster());
    out.println("Status:   " + result.status().displayName());
    out.println("Duration: " + ProgressPrinter.hms(result.duration()) + " (virtual time)");
    String reason = result.reason();
    if (result.status() != SummaryStatus.SUCCEEDED && reason != null) {
      out.println("Reason:   " + reason);
    }
    out.flush();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String gap = " ".repeat(widths[c] - cells[c].length());
      line.append(c >= FIRST_NUMBER_COLUMN ? gap + cells[c] : cells[c] + gap);
    }
    return line.toString();
  }
}
