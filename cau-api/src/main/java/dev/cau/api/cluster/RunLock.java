package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a cluster keeps its single-coordinator lock: one lease or none, persistent across node
 * restarts and visible to every coordinator that can reach the cluster.
 *
 * <p>This is a compare-and-set register and nothing more; taking, renewing, expiring, fencing and
 * clearing the lock are the engine's, built on {@link #compareAndSet}. Implementations are
 * thread-safe and make {@link #compareAndSet} atomic across every coordinator of the cluster (a
 * cluster database entry, a lease object, a compare-and-swap in a key-value store).
 */
@API(status = STABLE, since = "0.1.0")
public interface RunLock {
  /**
   * Reads the lease held now.
   *
   * @return the lease, or empty if the cluster is not locked
   */
  Optional<CoordinatorLease> read();

  /**
   * Replaces the lease if, and only if, the one held now equals {@code expected}.
   *
   * @param expected the lease the caller believes is held, or {@code null} for none
   * @param replacement the new lease, or {@code null} to unlock the cluster
   * @return {@code true} if the lease was replaced, {@code false} if another coordinator changed
   *     it first
   */
  boolean compareAndSet(@Nullable CoordinatorLease expected, @Nullable CoordinatorLease replacement);
}
