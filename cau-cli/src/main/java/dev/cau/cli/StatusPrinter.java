package dev.cau.cli;

import dev.cau.core.status.NodeStatusNotification;
import dev.cau.core.status.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Prints a cluster's run status the way {@code Get-CauRun} shows it: in full once, or, while
 * watching a run, one line for each change.
 *
 * <p>A printer for watching keeps the last status it printed, so it is not meant to be shared
 * between runs; statuses are passed to it one at a time.
 */
final class StatusPrinter {
  private static final List<String> HEADERS = List.of("Node", "Status", "Since");

  private final PrintWriter out;
  private final Supplier<Instant> now;
  private final Instant start;
  private final String cluster;
  private final int subjectWidth;
  private @Nullable RunStatus last;

  /**
   * Creates a printer for watching a run.
   *
   * @param out where the lines go; flushed after each status
   * @param now the time now, from the run's clock (in a simulation, virtual time)
   * @param start when the run started: lines show the time since then, as {@code cau run} does
   * @param cluster the cluster's name
   * @param nodes the cluster's nodes, to align the lines
   */
  StatusPrinter(PrintWriter out, Supplier<Instant> now, Instant start, String cluster, List<String> nodes) {
    this.out = Objects.requireNonNull(out, "out");
    this.now = Objects.requireNonNull(now, "now");
    this.start = Objects.requireNonNull(start, "start");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.subjectWidth = Math.max(cluster.length(), nodes.stream().mapToInt(String::length).max().orElse(0));
  }

  /**
   * Prints a status in full: the state with CAU's name, the run, its start and coordinator, why the
   * state is what it is, each node's latest status and the results of the nodes it finished.
   *
   * @param status the status
   * @param zone the time zone to show times in
   * @param out where to print
   */
  static void print(RunStatus status, ZoneId zone, PrintWriter out) {
    out.println("Cluster:      " + status.cluster());
    out.println("State:        " + status.state().cauName());
    if (status.runId() != null) {
      out.println("Run:          " + status.runId());
    }
    Instant startedAt = status.startedAt();
    if (startedAt != null) {
      out.println("Started:      " + Timestamps.format(startedAt, zone));
    }
    if (status.coordinator() != null) {
      out.println("Coordinator:  " + status.coordinator());
    }
    if (status.detail() != null) {
      out.println("Detail:       " + status.detail());
    }
    if (!status.mixedOs().upgraded().isEmpty()) {
      out.println("Mixed OS:     " + status.mixedOs().describe());
    }
    if (!status.notifications().isEmpty()) {
      out.println();
      TextTable table = new TextTable(HEADERS, Set.of());
      for (NodeStatusNotification notification : status.notifications()) {
        table.add(notification.node(), notification.status(), Timestamps.format(notification.timestamp(), zone));
      }
      table.print(out);
    }
    if (!status.nodeResults().isEmpty()) {
      out.println();
      out.println("Finished nodes:");
      RunReport.printNodes(status.nodeResults(), out);
    }
    out.flush();
  }

  /**
   * Prints what changed since the last status this printer printed: the state, the run or its
   * coordinator in a line about the cluster, and a line for each node whose status changed, with
   * the time since the run started when the node took it. A status in which nothing of that
   * changed (only the lease's renewal in its detail, say) prints nothing.
   *
   * @param status the new status
   */
  void printChanges(RunStatus status) {
    RunStatus previous = last;
    last = status;
    if (previous == null || previous.state() != status.state() || !Objects.equals(previous.runId(), status.runId())
        || !Objects.equals(previous.coordinator(), status.coordinator())) {
      String coordinator = status.coordinator();
      line(now.get(), cluster, status.state().cauName() + (coordinator == null ? "" : " (coordinator " + coordinator + ")"));
    }
    Map<String, NodeStatusNotification> before = new HashMap<>();
    if (previous != null) {
      previous.notifications().forEach(n -> before.put(n.node(), n));
    }
    for (NodeStatusNotification notification : status.notifications()) {
      if (!notification.equals(before.get(notification.node()))) {
        line(now.get(), notification.node(), notification.status() + " since +" + elapsed(notification.timestamp()));
      }
    }
    out.flush();
  }

  private void line(Instant at, String subject, String text) {
    out.println("+" + elapsed(at) + "  " + pad(subject) + "  " + text);
  }

  private String elapsed(Instant at) {
    return ProgressPrinter.hms(Duration.between(start, at));
  }

  private String pad(String subject) {
    return subject + " ".repeat(Math.max(0, subjectWidth - subject.length()));
  }
}
