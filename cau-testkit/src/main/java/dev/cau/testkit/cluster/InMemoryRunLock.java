package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A run lock kept in memory, as a simulated cluster keeps it: a compare-and-set register that
 * also records every lease it held, so that tests can check that at most one coordinator held the
 * cluster at a time.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InMemoryRunLock implements RunLock {
  private @Nullable CoordinatorLease lease;
  private final List<CoordinatorLease> taken = new ArrayList<>();

  /** Creates an unlocked lock. */
  public InMemoryRunLock() {}

  @Override
  public synchronized Optional<CoordinatorLease> read() {
    return Optional.ofNullable(lease);
  }

  @Override
  public synchronized boolean compareAndSet(@Nullable CoordinatorLease expected, @Nullable CoordinatorLease replacement) {
    if (!Objects.equals(lease, expected)) {
      return false;
    }
    if (replacement != null && (lease == null || lease.token() != replacement.token())) {
      taken.add(replacement);
    }
    lease = replacement;
    return true;
  }

  /**
   * Returns every lease as it was taken, in order: one entry per coordinator that took the lock.
   *
   * @return the leases, as first written
   */
  public synchronized List<CoordinatorLease> history() {
    return List.copyOf(taken);
  }
}
