package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The cluster's single-coordinator lock as one coordinator holds it: CAU's cluster
 * synchronization object ({@code MSFT_CAURun}). While a live lease exists, no other coordinator
 * may act on the cluster.
 *
 * <p>The engine decides what a lease means: it renews {@link #renewedAt} while its run makes
 * progress, treats a lease as expired after a period without renewal (CAU: one hour), and gives
 * every newly taken lease a {@link #token} greater than the one before, so that a coordinator that
 * lost its lease sees it changed and stops (fencing). A {@link RunLock} only stores leases.
 *
 * @param owner the coordinator holding the lease, as it names itself (CAU's OrchestratorGuid)
 * @param host where that coordinator runs: a cluster node in self-updating mode, otherwise the
 *     machine outside the cluster
 * @param role the clustered role the coordinator runs as in self-updating mode, or {@code null}
 *     for a coordinator outside the cluster; another instance of the same role, on the node that
 *     now owns it, may take the lease over
 * @param runId the run the lease protects
 * @param token the fencing token: greater than the token of every lease held before
 * @param acquiredAt when the lease was taken
 * @param renewedAt when the holder last showed it was making progress
 */
@API(status = STABLE, since = "0.1.0")
public record CoordinatorLease(
    String owner,
    String host,
    @Nullable String role,
    RunId runId,
    long token,
    Instant acquiredAt,
    Instant renewedAt) {
  /**
   * Checks the components.
   *
   * @param owner the holder
   * @param host where the holder runs
   * @param role the clustered role of a self-updating coordinator, or {@code null}
   * @param runId the run
   * @param token the fencing token
   * @param acquiredAt when it was taken
   * @param renewedAt when it was last renewed
   */
  public CoordinatorLease {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(renewedAt, "renewedAt");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("A lease owner must not be blank");
    }
    if (token < 1) {
      throw new IllegalArgumentException("A fencing token starts at 1, but was " + token);
    }
    if (renewedAt.isBefore(acquiredAt)) {
      throw new IllegalArgumentException(
          "A lease cannot be renewed (" + renewedAt + ") before it was taken (" + acquiredAt + ")");
    }
  }

  /**
   * Returns this lease renewed at the given instant.
   *
   * @param now when the holder renews it
   * @return the renewed lease
   */
  public CoordinatorLease renewedAt(Instant now) {
    return new CoordinatorLease(owner, host, role, runId, token, acquiredAt, now);
  }
}
