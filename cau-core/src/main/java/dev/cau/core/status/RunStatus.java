package dev.cau.core.status;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.result.NodeResult;
import dev.cau.core.featureupdate.MixedOsStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's updating run as it stands, like CAU's {@code Get-CauRun}: its state, and for a run
 * in progress or interrupted, its id, start, current coordinator, the latest status of every node
 * and the results of the nodes it has finished.
 *
 * @param cluster the cluster's name
 * @param state whether a run is in progress, interrupted, or neither
 * @param runId the run, or {@code null} when none is in progress or interrupted
 * @param startedAt when it started, or {@code null}
 * @param coordinator the coordinator carrying it now, or, for an interrupted run, the last one; or
 *     {@code null}
 * @param notifications per node, the latest status, in the run's node order
 * @param nodeResults the results of the nodes the run has finished, in the order it finished them
 * @param detail why the state is what it is, for people: who holds the lock and until when, or
 *     why the run needs recovery; {@code null} when no run is in progress
 * @param mixedOs whether the run has left some nodes on a new operating-system version and some
 *     on the old, and since when; {@link MixedOsStatus#NONE} when it moves no node to a new version
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RunStatus(
    String cluster,
    RunState state,
    @Nullable RunId runId,
    @Nullable Instant startedAt,
    @Nullable String coordinator,
    List<NodeStatusNotification> notifications,
    List<NodeResult> nodeResults,
    @Nullable String detail,
    MixedOsStatus mixedOs) {
  /**
   * Checks the components and copies the lists.
   *
   * @param cluster the cluster
   * @param state the state
   * @param runId the run, or {@code null}
   * @param startedAt when it started, or {@code null}
   * @param coordinator its coordinator, or {@code null}
   * @param notifications the latest status per node
   * @param nodeResults the finished nodes' results
   * @param detail why, or {@code null}
   * @param mixedOs the mixed-OS state
   */
  public RunStatus {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(mixedOs, "mixedOs");
    notifications = List.copyOf(notifications);
    nodeResults = List.copyOf(nodeResults);
  }

  /**
   * A status of a run that moves no node to a new operating-system version.
   *
   * @param cluster the cluster
   * @param state the state
   * @param runId the run, or {@code null}
   * @param startedAt when it started, or {@code null}
   * @param coordinator its coordinator, or {@code null}
   * @param notifications the latest status per node
   * @param nodeResults the finished nodes' results
   * @param detail why, or {@code null}
   */
  public RunStatus(String cluster, RunState state, @Nullable RunId runId, @Nullable Instant startedAt,
      @Nullable String coordinator, List<NodeStatusNotification> notifications, List<NodeResult> nodeResults,
      @Nullable String detail) {
    this(cluster, state, runId, startedAt, coordinator, notifications, nodeResults, detail, MixedOsStatus.NONE);
  }

  /**
   * The status of a cluster with no run in progress.
   *
   * @param cluster the cluster
   * @return the status
   */
  public static RunStatus notInProgress(String cluster) {
    return new RunStatus(cluster, RunState.RUN_NOT_IN_PROGRESS, null, null, null, List.of(), List.of(), null);
  }
}
