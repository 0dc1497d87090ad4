package dev.cau.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The formats {@link ReportExporter} writes, like {@code Export-CauReport -Format}. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum ReportFormat {
  /** RFC 4180 CSV: one row per update install result, and one per node without any. */
  CSV,
  /** A standalone UTF-8 XHTML page without scripts or external resources. */
  HTML,
  /** An RFC 8259 JSON array of runs, with times in UTC. */
  JSON
}
