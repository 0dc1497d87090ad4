package dev.cau.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One finished run in short, like CAU's {@code CauReportSummary}.
 *
 * @param runId the run
 * @param cluster the cluster's name
 * @param status how the run ended
 * @param startedAt when it started, in UTC
 * @param finishedAt when it ended, in UTC
 * @param nodes how many nodes it reported on
 * @param succeededUpdates updates installed, over every node
 * @param failedUpdates updates that failed, over every node
 * @param coordinators the coordinators that carried it
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ReportSummary(
    RunId runId,
    String cluster,
    SummaryStatus status,
    Instant startedAt,
    Instant finishedAt,
    int nodes,
    int succeededUpdates,
    int failedUpdates,
    List<String> coordinators) {
  /**
   * Checks the components and copies the list.
   *
   * @param runId the run
   * @param cluster the cluster
   * @param status the status
   * @param startedAt the start
   * @param finishedAt the end
   * @param nodes the node count
   * @param succeededUpdates updates installed
   * @param failedUpdates updates failed
   * @param coordinators the coordinators
   */
  public ReportSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    coordinators = List.copyOf(coordinators);
  }

  /**
   * Summarizes a run's result.
   *
   * @param result the result
   * @return the summary
   */
  public static ReportSummary of(RunResult result) {
    return new ReportSummary(result.runId(), result.cluster(), result.status(), result.startedAt(),
        result.finishedAt(), result.nodeResults().size(),
        result.nodeResults().stream().mapToInt(NodeResult::succeededUpdates).sum(),
        result.nodeResults().stream().mapToInt(NodeResult::failedUpdates).sum(),
        result.coordinators());
  }
}
