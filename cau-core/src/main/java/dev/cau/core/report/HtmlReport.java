package dev.cau.core.report;

import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes runs as one standalone, well-formed XHTML page: per run a cluster summary, a table of
 * every node result and each node's update results. No scripts and no external resources; every
 * text is escaped.
 */
final class HtmlReport {
  private static final String STYLE =
      """
      body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
      table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
      td { vertical-align: top; }
      thead th, tbody th { background: #f2f2f2; }
      td.number { text-align: right; }
      td.reason { white-space: pre-wrap; }
      .status-succeeded { background: #e3f4e1; color: #1d6b1a; }
      .status-partially-failed { background: #fff4d6; color: #8a5a00; }
      .status-failed { background: #fbe2e2; color: #a11d1d; }
      .status-canceled { background: #ececec; color: #555; }
      .result-succeeded { color: #1d6b1a; }
      .result-failed { color: #a11d1d; font-weight: bold; }
      .result-canceled, .result-already-installed, .result-not-applicable { color: #555; }
      .zone { color: #555; }
      """;

  private HtmlReport() {}

  static void write(List<RunResult> runs, ZoneId zone, Appendable out) throws IOException {
    out.append("<!DOCTYPE html>\n");
    out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n");
    out.append("<head>\n<meta charset=\"UTF-8\"/>\n");
    out.append("<title>Cluster-Aware Updating report</title>\n");
    out.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1>Cluster-Aware Updating report</h1>\n");
    out.append("<p class=\"zone\">Times are shown in time zone ")
        .append(escape(zone.getId()))
        .append(".</p>\n");
    if (runs.isEmpty()) {
      out.append("<p>No updating runs to report.</p>\n");
    }
    for (RunResult run : runs) {
      run(run, zone, out);
    }
    out.append("</body>\n</html>\n");
  }

  private static void run(RunResult run, ZoneId zone, Appendable out) throws IOException {
    out.append("<section class=\"run\">\n<h2>Updating run on ")
        .append(escape(run.cluster()))
        .append("</h2>\n");
    out.append("<table class=\"summary\">\n<tbody>\n");
    summaryRow(out, "Cluster", "", run.cluster());
    summaryRow(out, "Run id", "", run.runId().toString());
    summaryRow(out, "Status", statusClass(run.status()), ReportText.status(run.status()));
    summaryRow(out, "Started", "", time(run.startedAt(), zone));
    summaryRow(out, "Finished", "", time(run.finishedAt(), zone));
    summaryRow(out, "Duration", "", ReportText.duration(run.duration()));
    summaryRow(out, "Reason", "reason", orEmpty(run.reason()));
    if (!run.coordinators().isEmpty()) {
      // More than one when a coordinator took the run over (self-updating mode, or a crash).
      summaryRow(out, "Coordinators", "", String.join(", ", run.coordinators()));
    }
    MixedOsStatus mixedOs = MixedOsTracker.of(run);
    if (!mixedOs.upgraded().isEmpty()) {
      Instant since = mixedOs.since();
      summaryRow(out, "Mixed OS since", "", since == null ? "Not mixed" : time(since, zone));
      summaryRow(out, "Operating system", "", mixedOs.describe());
    }
    out.append("</tbody>\n</table>\n");

    out.append("<h3>Node results</h3>\n");
    if (run.nodeResults().isEmpty()) {
      out.append("<p>No node results.</p>\n");
    } else {
      nodeTable(run.nodeResults(), out);
    }
    for (NodeResult node : run.nodeResults()) {
      updates(node, zone, out);
    }
    out.append("</section>\n");
  }

  private static void nodeTable(List<NodeResult> nodes, Appendable out) throws IOException {
    out.append("<table class=\"nodes\">\n<thead>\n");
    headerRow(
        out,
        "Node",
        "Status",
        "Succeeded",
        "Failed",
        "Restarts",
        "Boot type",
        "Restart pending",
        "Reason");
    out.append("</thead>\n<tbody>\n");
    for (NodeResult node : nodes) {
      RebootMode bootType = node.bootType();
      out.append("<tr>");
      cell(out, "", node.node());
      cell(out, statusClass(node.status()), ReportText.status(node.status()));
      cell(out, "number", Integer.toString(node.succeededUpdates()));
      cell(out, "number", Integer.toString(node.failedUpdates()));
      cell(out, "number", Integer.toString(node.restarts()));
      cell(out, "", bootType == null ? "" : ReportText.pascalCase(bootType));
      cell(out, "", node.restartPending() ? "Yes" : "No");
      cell(out, "reason", orEmpty(node.reason()));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void updates(NodeResult node, ZoneId zone, Appendable out) throws IOException {
    out.append("<h4>Updates on ").append(escape(node.node())).append("</h4>\n");
    if (node.installResults().isEmpty()) {
      out.append("<p>No updates were installed on this node.</p>\n");
      return;
    }
    out.append("<table class=\"updates\">\n<thead>\n");
    headerRow(out, "Update id", "Title", "Result", "Error code", "Reboot required", "Finished");
    out.append("</thead>\n<tbody>\n");
    for (InstallResult result : node.installResults()) {
      out.append("<tr>");
      cell(out, "", result.update().id());
      cell(out, "", result.update().title());
      String code = ReportText.pascalCase(result.code());
      cell(out, "result-" + ReportText.cssWord(result.code()), code);
      cell(
          out,
          "number",
          ReportText.hexErrorCode(result.errorCode()) + " (" + result.errorCode() + ")");
      cell(out, "", result.rebootRequired() ? "Yes" : "No");
      cell(out, "", ReportText.timestamp(result.timestamp(), zone));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void summaryRow(Appendable out, String label, String cssClass, String value)
      throws IOException {
    out.append("<tr><th scope=\"row\">").append(escape(label)).append("</th>");
    cell(out, cssClass, value);
    out.append("</tr>\n");
  }

  private static void headerRow(Appendable out, String... labels) throws IOException {
    out.append("<tr>");
    for (String label : labels) {
      out.append("<th scope=\"col\">").append(escape(label)).append("</th>");
    }
    out.append("</tr>\n");
  }

  private static void cell(Appendable out, String cssClass, String text) throws IOException {
    out.append("<td");
    if (!cssClass.isEmpty()) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append('>').append(escape(text)).append("</td>");
  }

  private static String time(Instant instant, ZoneId zone) {
    return ReportText.timestamp(instant, zone) + " (" + zone.getId() + ")";
  }

  private static String statusClass(SummaryStatus status) {
    return "status-" + ReportText.cssWord(status);
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /**
   * Escapes text for XHTML content and attribute values: {@code & < > " '} become references and
   * characters XML 1.0 does not allow (most control characters, unpaired surrogates) become
   * U+FFFD, so that the page stays well-formed whatever the text holds.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(allowedInXml(c) ? c : 0xFFFD);
              }
            });
    return escaped.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
