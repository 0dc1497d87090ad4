package dev.cau.cli;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Prints a run's result the way {@code Get-CauRun} shows its node results: one row per node with
 * its status and update counts, then the run's status, duration and, when it did not succeed,
 * the reason.
 */
final class RunReport {
  private static final List<String> HEADERS = List.of("Node", "Status", "Succeeded", "Failed", "Restarts");
  /** The update and restart counts are right-aligned. */
  private static final Set<Integer> NUMBER_COLUMNS = Set.of(2, 3, 4);

  private RunReport() {}

  /**
   * Prints the report.
   *
   * @param result the run's result
   * @param out where to print; flushed at the end
   */
  static void print(RunResult result, PrintWriter out) {
    print(result, out, "virtual time");
  }

  /**
   * Prints the report of a run whose times are of a given clock.
   *
   * @param result the run's result
   * @param out where to print; flushed at the end
   * @param clock what the duration was measured in: {@code "virtual time"} or {@code "real time"}
   */
  static void print(RunResult result, PrintWriter out, String clock) {
    printNodes(result.nodeResults(), out);
    out.println();
    out.println("Cluster:  " + result.cluster());
    out.println("Status:   " + result.status().displayName());
    out.println("Duration: " + ProgressPrinter.hms(result.duration()) + " (" + clock + ")");
    String reason = result.reason();
    if (result.status() != SummaryStatus.SUCCEEDED && reason != null) {
      out.println("Reason:   " + reason);
    }
    out.flush();
  }

  /**
   * Prints the node results table, then, after a blank line, the reason of every node that has
   * one.
   *
   * @param nodes the node results, in the order to list them
   * @param out where to print
   */
  static void printNodes(List<NodeResult> nodes, PrintWriter out) {
    TextTable table = new TextTable(HEADERS, NUMBER_COLUMNS);
    for (NodeResult node : nodes) {
      table.add(
          node.node(),
          node.status().displayName(),
          String.valueOf(node.succeededUpdates()),
          String.valueOf(node.failedUpdates()),
          String.valueOf(node.restarts()));
    }
    table.print(out);

    List<NodeResult> explained = nodes.stream().filter(n -> n.reason() != null).toList();
    if (!explained.isEmpty()) {
      out.println();
      explained.forEach(n -> out.println(n.node() + ": " + n.reason()));
    }
  }
}
