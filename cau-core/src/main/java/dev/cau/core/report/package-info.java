/**
 * Reports of finished updating runs, like CAU's {@code Export-CauReport}: {@link
 * dev.cau.core.report.ReportExporter} renders {@link dev.cau.api.result.RunResult} values as CSV
 * (one row per update install result, and one per node without any), as a standalone HTML page
 * (a cluster summary, every node result and each node's update results) or as JSON with every
 * field. Times are stored in UTC; CSV and HTML show them in a zone the caller chooses, JSON always
 * in UTC. Nothing here reads the clock or any external resource.
 */
@NullMarked
package dev.cau.core.report;

import org.jspecify.annotations.NullMarked;
