package dev.cau.api.result;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an updating run did, like CAU's {@code ClusterResult}.
 *
 * @param runId the run's id
 * @param cluster the cluster's name
 * @param status the run's summary status
 * @param startedAt when the run started, in UTC
 * @param finishedAt when the run ended, in UTC
 * @param nodeResults one result for every node of the cluster, in update order
 * @param reason why the run did not succeed, or {@code null} when it did
 * @param coordinators the coordinators that carried the run, in the order they took it: one,
 *     unless a coordinator took over from another (self-updating mode, or after a crash)
 */
@API(status = STABLE, since = "0.1.0")
public record RunResult(
    RunId runId,
    String cluster,
    SummaryStatus status,
    Instant startedAt,
    Instant finishedAt,
    List<NodeResult> nodeResults,
    @Nullable String reason,
    List<String> coordinators) {
  /**
   * Checks the components and copies the list.
   *
   * @param runId the run's id
   * @param cluster the cluster's name
   * @param status the run's summary status
   * @param startedAt when the run started
   * @param finishedAt when the run ended
   * @param nodeResults the per-node results
   * @param reason why the run did not succeed, or {@code null}
   * @param coordinators the coordinators that carried the run
   */
  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    nodeResults = List.copyOf(nodeResults);
    coordinators = List.copyOf(coordinators);
  }

  /**
   * Creates the result of a run carried by one coordinator whose name is not recorded.
   *
   * @param runId the run's id
   * @param cluster the cluster's name
   * @param status the run's summary status
   * @param startedAt when the run started
   * @param finishedAt when the run ended
   * @param nodeResults the per-node results
   * @param reason why the run did not succeed, or {@code null}
   */
  public RunResult(
      RunId runId,
      String cluster,
      SummaryStatus status,
      Instant startedAt,
      Instant finishedAt,
      List<NodeResult> nodeResults,
      @Nullable String reason) {
    this(runId, cluster, status, startedAt, finishedAt, nodeResults, reason, List.of());
  }

  /**
   * Returns how long the run took.
   *
   * @return the time from start to end
   */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /**
   * Finds the result of one node.
   *
   * @param node the node's name
   * @return its result, or empty if the cluster has no such node
   */
  public Optional<NodeResult> nodeResult(String node) {
    return nodeResults.stream().filter(r -> r.node().equals(node)).findFirst();
  }
}
