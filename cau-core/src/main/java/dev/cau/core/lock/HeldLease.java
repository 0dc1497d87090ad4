package dev.cau.core.lock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.LeaseLostException;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import java.time.Clock;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The lease one coordinator holds. Every renewal is a compare-and-set against the lease as this
 * coordinator last wrote it, so a coordinator whose lease another took over finds out at its next
 * step and stops: it is fenced.
 *
 * <p>Thread-safe; a coordinator renews from its event thread and from its heartbeat.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class HeldLease {
  private final RunLock lock;
  private final String cluster;
  private final Clock clock;
  private CoordinatorLease lease;
  private boolean released;

  HeldLease(RunLock lock, String cluster, Clock clock, CoordinatorLease lease) {
    this.lock = lock;
    this.cluster = cluster;
    this.clock = clock;
    this.lease = lease;
  }

  /**
   * Returns the lease as this coordinator last wrote it.
   *
   * @return the lease
   */
  public synchronized CoordinatorLease lease() {
    return lease;
  }

  /**
   * Shows progress: renews the lease, or finds that it is gone.
   *
   * @throws LeaseLostException if another coordinator took the lease over or it was cleared;
   *     the caller must not touch the cluster again
   */
  public synchronized void renew() {
    if (released) {
      throw new LeaseLostException("The run lock of cluster \"" + cluster + "\" was already given up by "
          + lease.owner() + " when run " + lease.runId() + " ended");
    }
    CoordinatorLease renewed = lease.renewedAt(clock.instant());
    if (!lock.compareAndSet(lease, renewed)) {
      throw new LeaseLostException(lost());
    }
    lease = renewed;
  }

  /**
   * Gives the lease up when the run has ended. Does nothing if the lease was lost meanwhile: the
   * lock is then another coordinator's.
   *
   * @return {@code true} if this coordinator still held the lease and has released it
   */
  public synchronized boolean release() {
    if (released) {
      return false;
    }
    released = true;
    return lock.compareAndSet(lease, null);
  }

  private String lost() {
    String now = lock.read()
        .map(l -> "it is held by coordinator " + l.owner() + " on " + l.host() + " for run " + l.runId())
        .orElse("the cluster is not locked any more (a forced recovery cleared the lock)");
    return "Coordinator " + lease.owner() + " lost the run lock of cluster \"" + cluster + "\" for run "
        + lease.runId() + ": " + now + ". It stops without touching the cluster again";
  }

  @Override
  public String toString() {
    return "HeldLease[" + lease().owner() + ", run " + lease().runId() + "]";
  }

  static HeldLease of(RunLock lock, String cluster, Clock clock, CoordinatorLease lease) {
    return new HeldLease(Objects.requireNonNull(lock), cluster, clock, lease);
  }
}
