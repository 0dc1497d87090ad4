package dev.cau.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Renders finished runs as CSV, HTML or JSON, like CAU's {@code Export-CauReport}.
 *
 * <p>Times are stored in UTC. CSV and HTML show them in the zone the caller passes, as {@code
 * yyyy-MM-dd HH:mm:ss xxx} (for example {@code 2026-03-01 10:15:00 +01:00}); JSON always writes
 * ISO-8601 instants in UTC. No method reads the clock. The methods are stateless and safe to call
 * from any thread; no argument may be null.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ReportExporter {
  private ReportExporter() {}

  /**
   * Renders runs as RFC 4180 CSV with CRLF line ends: a header, one row per update install result
   * with the run and node columns repeated, and one row with empty update columns for every node
   * without install results, so that every node appears.
   *
   * @param runs the runs, in the order to list them
   * @param zone the zone to show times in
   * @return the CSV text
   */
  public static String toCsv(List<RunResult> runs, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    write(ReportFormat.CSV, runs, zone, out);
    return out.toString();
  }

  /**
   * Renders runs as a standalone UTF-8 XHTML page: per run a cluster summary, a table of every
   * node result and each node's update results. The page has no scripts and loads nothing.
   *
   * @param runs the runs, in the order to show them
   * @param zone the zone to show times in; its id is shown on the page
   * @return the page's text
   */
  public static String toHtml(List<RunResult> runs, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    write(ReportFormat.HTML, runs, zone, out);
    return out.toString();
  }

  /**
   * Renders runs as an RFC 8259 JSON array with every field, node results and install results
   * nested, and instants as ISO-8601 in UTC.
   *
   * @param runs the runs, in the order to list them
   * @return the JSON text, ending with a line break
   */
  public static String toJson(List<RunResult> runs) {
    StringBuilder out = new StringBuilder();
    write(ReportFormat.JSON, runs, ZoneOffset.UTC, out);
    return out.toString();
  }

  /**
   * Writes runs in a format to a writer, which is neither flushed nor closed.
   *
   * @param format the format
   * @param runs the runs, in the order to list them
   * @param zone the zone to show times in; ignored for {@link ReportFormat#JSON}, which is UTC
   * @param writer where to write the report
   * @throws IOException if the writer fails
   */
  public static void write(ReportFormat format, List<RunResult> runs, ZoneId zone, Writer writer)
      throws IOException {
    render(format, runs, zone, Objects.requireNonNull(writer, "writer"));
  }

  private static void write(
      ReportFormat format, List<RunResult> runs, ZoneId zone, StringBuilder out) {
    try {
      render(format, runs, zone, out);
    } catch (IOException e) {
      throw new UncheckedIOException("A StringBuilder does not throw IOException", e);
    }
  }

  private static void render(ReportFormat format, List<RunResult> runs, ZoneId zone, Appendable out)
      throws IOException {
    Objects.requireNonNull(format, "format");
    List<RunResult> copy = List.copyOf(runs);
    Objects.requireNonNull(zone, "zone");
    switch (format) {
      case CSV -> CsvReport.write(copy, zone, out);
      case HTML -> HtmlReport.write(copy, zone, out);
      case JSON -> JsonReport.write(copy, out);
    }
  }
}
