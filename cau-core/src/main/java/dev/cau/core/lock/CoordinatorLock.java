package dev.cau.core.lock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CoordinatorLockedException;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import dev.cau.core.text.Counts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * CAU's cluster synchronization object, as the engine uses it: at most one coordinator holds a
 * live lease on a cluster at a time.
 *
 * <p>A lease lives as long as its holder renews it; after {@link #expiry()} without a renewal (CAU:
 * one hour of inactivity) it is expired and another coordinator may take it. Two coordinators may
 * take a live lease: the same coordinator again, and, in self-updating mode, an instance of the
 * same clustered role on the node that owns the role now (the role failed over, so the
 * coordinator before it has stopped). {@link #forceClear} is CAU's {@code -ForceRecovery}.
 *
 * <p>Expiry is judged on the clock of the coordinator that asks, so coordinators' clocks must
 * roughly agree (within a small part of the expiry).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CoordinatorLock {
  /** How long a lease lives without renewal by default: CAU's one hour. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);

  private static final int MAX_RACES = 16;

  private final RunLock lock;
  private final String cluster;
  private final Clock clock;
  private final Duration expiry;

  /**
   * Uses a cluster's lock.
   *
   * @param lock the cluster's lease register
   * @param cluster the cluster's name, for messages
   * @param clock the coordinator's clock
   * @param expiry how long a lease lives without renewal
   */
  public CoordinatorLock(RunLock lock, String cluster, Clock clock, Duration expiry) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiry = Objects.requireNonNull(expiry, "expiry");
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("A lease expiry must be positive, but was " + expiry);
    }
  }

  /**
   * Returns how long a lease lives without renewal.
   *
   * @return the expiry
   */
  public Duration expiry() {
    return expiry;
  }

  /**
   * Reads the lease held now, live or expired.
   *
   * @return the lease, or empty if the cluster is not locked
   */
  public Optional<CoordinatorLease> holder() {
    return lock.read();
  }

  /**
   * Tells whether a lease has gone without renewal for longer than the expiry.
   *
   * @param lease the lease
   * @return {@code true} if another coordinator may take it
   */
  public boolean isExpired(CoordinatorLease lease) {
    return !clock.instant().isBefore(expiresAt(lease));
  }

  /**
   * Returns when a lease expires unless it is renewed.
   *
   * @param lease the lease
   * @return the instant
   */
  public Instant expiresAt(CoordinatorLease lease) {
    return lease.renewedAt().plus(expiry);
  }

  /**
   * Takes the lock for a new run.
   *
   * @param me the coordinator
   * @param runId the run it starts
   * @return the held lease
   * @throws CoordinatorLockedException if another coordinator holds a live lease; the message
   *     names it
   */
  public HeldLease acquire(CoordinatorIdentity me, RunId runId) {
    return take(me, runId, current -> current.owner().equals(me.name()));
  }

  /**
   * Takes the lock to carry on a run whose coordinator stopped.
   *
   * @param me the coordinator that carries the run on
   * @param runId the run
   * @param snapshot the cluster now, to see which node owns the self-updating role
   * @return the held lease
   * @throws CoordinatorLockedException if another coordinator holds a live lease that this one
   *     may not take over; the message names it
   */
  public HeldLease takeOver(CoordinatorIdentity me, RunId runId, ClusterSnapshot snapshot) {
    return take(me, runId, current -> current.owner().equals(me.name())
        || (current.runId().equals(runId) && isRoleSuccessor(me, current, snapshot)));
  }

  /**
   * Clears the lock whoever holds it, as CAU's {@code -ForceRecovery}: for a coordinator that
   * failed and left the cluster locked. A coordinator that still runs loses its lease and stops at
   * its next step.
   *
   * @return the lease that was cleared, or empty if the cluster was not locked
   */
  public Optional<CoordinatorLease> forceClear() {
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<CoordinatorLease> current = lock.read();
      if (current.isEmpty() || lock.compareAndSet(current.get(), null)) {
        return current;
      }
    }
    throw new IllegalStateException(contended());
  }

  private HeldLease take(CoordinatorIdentity me, RunId runId, java.util.function.Predicate<CoordinatorLease> mayTakeLive) {
    for (int race = 0; race < MAX_RACES; race++) {
      CoordinatorLease current = lock.read().orElse(null);
      if (current != null && !isExpired(current) && !mayTakeLive.test(current)) {
        throw locked(current);
      }
      Instant now = clock.instant();
      CoordinatorLease mine = new CoordinatorLease(
          me.name(), me.host(), me.role(), runId, current == null ? 1 : current.token() + 1, now, now);
      if (lock.compareAndSet(current, mine)) {
        return HeldLease.of(lock, cluster, clock, mine);
      }
    }
    throw new IllegalStateException(contended());
  }

  /** A self-updating coordinator takes over from another instance of its role once the role moved to its node. */
  private static boolean isRoleSuccessor(CoordinatorIdentity me, CoordinatorLease current, ClusterSnapshot snapshot) {
    String role = me.role();
    if (role == null || !role.equals(current.role()) || current.host().equals(me.host())) {
      return false;
    }
    return snapshot.roles().stream()
        .filter(r -> r.name().equals(role))
        .map(ClusteredRole::ownerNode)
        .anyMatch(owner -> owner.equals(me.host()));
  }

  private CoordinatorLockedException locked(CoordinatorLease holder) {
    @Nullable String role = holder.role();
    return new CoordinatorLockedException(holder, "Cluster \"" + cluster + "\" is locked by coordinator "
        + holder.owner() + " on " + holder.host() + (role == null ? "" : " (self-updating role " + role + ")")
        + " for run " + holder.runId() + ": it took the run lock at " + holder.acquiredAt()
        + " and last showed progress at " + holder.renewedAt() + "; the lock expires at "
        + expiresAt(holder) + " unless renewed. Wait for that run to end, or, if that coordinator has failed,"
        + " clear the lock with ForceRecovery");
  }

  private String contended() {
    return "The run lock of cluster \"" + cluster + "\" kept changing under "
        + Counts.of(MAX_RACES, "attempt") + " to take it; another coordinator is contending for it";
  }
}
