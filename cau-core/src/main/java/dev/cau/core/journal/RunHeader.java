package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.core.quorum.QuorumPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The first record of a stored run journal: what a coordinator that takes the run over, or that
 * reports on it, must know besides the inputs.
 *
 * @param runId the run
 * @param cluster the cluster's name
 * @param kind a rolling run or an offline update
 * @param profile the run's options as a readable profile ({@link dev.cau.core.profile.RunProfile}),
 *     without secret plug-in arguments
 * @param nodeOrder the run's {@code NodeOrder}, which a profile does not hold
 * @param quorumPolicy the run's quorum policy, which a profile does not hold
 * @param rollout the run's rollout policy: which waiting nodes may be taken out of service when
 * @param startedAt when the run started
 * @param scanReviewers the plug-ins that review every node's first scan before any node is
 *     touched ({@link dev.cau.api.plugin.InitialScanReview}); empty for most runs
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RunHeader(
    RunId runId,
    String cluster,
    RunKind kind,
    String profile,
    List<String> nodeOrder,
    QuorumPolicy quorumPolicy,
    RolloutDescriptor rollout,
    Instant startedAt,
    List<String> scanReviewers) {
  /**
   * Checks the components and copies the list.
   *
   * @param runId the run
   * @param cluster the cluster's name
   * @param kind the kind of run
   * @param profile the options as a profile
   * @param nodeOrder the node order
   * @param quorumPolicy the quorum policy
   * @param rollout the rollout policy
   * @param startedAt when the run started
   * @param scanReviewers the plug-ins that review the first scans
   */
  public RunHeader {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(quorumPolicy, "quorumPolicy");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(startedAt, "startedAt");
    nodeOrder = List.copyOf(nodeOrder);
    scanReviewers = List.copyOf(scanReviewers);
  }

  /**
   * Creates the header of a run whose plug-ins do not review the first scans.
   *
   * @param runId the run
   * @param cluster the cluster's name
   * @param kind the kind of run
   * @param profile the options as a profile
   * @param nodeOrder the node order
   * @param quorumPolicy the quorum policy
   * @param rollout the rollout policy
   * @param startedAt when the run started
   */
  public RunHeader(RunId runId, String cluster, RunKind kind, String profile, List<String> nodeOrder,
      QuorumPolicy quorumPolicy, RolloutDescriptor rollout, Instant startedAt) {
    this(runId, cluster, kind, profile, nodeOrder, quorumPolicy, rollout, startedAt, List.of());
  }

  /** The kind of run a journal records. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum RunKind {
    /** A rolling updating run, one node at a time, with the workloads running. */
    ROLLING,
    /** An offline update: the whole cluster stopped. */
    OFFLINE
  }
}
