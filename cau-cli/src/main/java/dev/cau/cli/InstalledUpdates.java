package dev.cau.cli;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints what a run installed on each node, one row per update: on a real cluster the package
 * names and versions the plug-in reported, and when each installation ended.
 */
final class InstalledUpdates {
  private static final List<String> HEADERS = List.of("Node", "Update", "Result", "Restart", "Ended");

  private InstalledUpdates() {}

  /**
   * Prints the table and a blank line; nothing if the run installed nothing.
   *
   * @param result the run's result
   * @param zone the zone of the times
   * @param out where to print
   */
  static void print(RunResult result, ZoneId zone, PrintWriter out) {
    TextTable table = new TextTable(HEADERS, Set.of());
    int rows = 0;
    for (NodeResult node : result.nodeResults()) {
      for (InstallResult install : node.installResults()) {
        table.add(node.node(), install.update().title(), name(install), install.rebootRequired() ? "required" : "no",
            Timestamps.format(install.timestamp(), zone));
        rows++;
      }
    }
    if (rows > 0) {
      table.print(out);
      out.println();
    }
  }

  /** CAU's names of the result codes: Succeeded, Failed, AlreadyInstalled, NotApplicable, Canceled. */
  private static String name(InstallResult install) {
    StringBuilder name = new StringBuilder();
    for (String word : install.code().name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }
}
