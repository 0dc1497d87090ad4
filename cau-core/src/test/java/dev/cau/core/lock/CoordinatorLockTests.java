package dev.cau.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.CoordinatorLockedException;
import dev.cau.api.LeaseLostException;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.RunLock;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.Witness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CoordinatorLockTests {
  private static final Instant T0 = Instant.parse("2026-11-17T03:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final RunId RUN = new RunId(new UUID(1, 1));
  private static final RunId OTHER_RUN = new RunId(new UUID(1, 2));
  private static final CoordinatorIdentity ALICE = CoordinatorIdentity.remote("alice", "admin-1");
  private static final CoordinatorIdentity BOB = CoordinatorIdentity.remote("bob", "admin-2");

  private final Register register = new Register();
  private final MovableClock clock = new MovableClock();
  private final CoordinatorLock lock = new CoordinatorLock(register, "CLUSTER1", clock, HOUR);

  @Test
  void theFirstCoordinatorTakesTheLockAndTheSecondIsRefusedWithTheHolderNamed() {
    HeldLease held = lock.acquire(ALICE, RUN);

    assertThat(held.lease().owner()).isEqualTo("alice");
    assertThat(held.lease().token()).isEqualTo(1);
    assertThatThrownBy(() -> lock.acquire(BOB, OTHER_RUN))
        .isInstanceOf(CoordinatorLockedException.class)
        .hasMessageContaining("Cluster \"CLUSTER1\" is locked by coordinator alice on admin-1 for run " + RUN)
        .hasMessageContaining("expires at 2026-11-17T04:00:00Z")
        .hasMessageContaining("ForceRecovery")
        .satisfies(e -> assertThat(((CoordinatorLockedException) e).holder()).isEqualTo(held.lease()));
    assertThat(register.value).isEqualTo(held.lease());
  }

  @Test
  void renewingKeepsTheLeaseAliveAndAnExpiredLeaseCanBeTakenWithTheNextToken() {
    HeldLease held = lock.acquire(ALICE, RUN);
    clock.advance(Duration.ofMinutes(50));
    held.renew();
    clock.advance(Duration.ofMinutes(50));
    assertThatThrownBy(() -> lock.acquire(BOB, OTHER_RUN)).isInstanceOf(CoordinatorLockedException.class);

    clock.advance(Duration.ofMinutes(10)); // an hour since the renewal
    HeldLease taken = lock.takeOver(BOB, RUN, snapshot("n1"));

    assertThat(taken.lease().owner()).isEqualTo("bob");
    assertThat(taken.lease().token()).isEqualTo(2);
  }

  @Test
  void aCoordinatorWhoseLeaseWasTakenOverIsFencedAndCannotReleaseTheNewHoldersLease() {
    HeldLease alice = lock.acquire(ALICE, RUN);
    clock.advance(HOUR.plusMinutes(1));
    HeldLease bob = lock.takeOver(BOB, RUN, snapshot("n1"));

    assertThatThrownBy(alice::renew)
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("Coordinator alice lost the run lock of cluster \"CLUSTER1\"")
        .hasMessageContaining("held by coordinator bob on admin-2");
    assertThat(alice.release()).isFalse();
    assertThat(register.value).isEqualTo(bob.lease());
  }

  @Test
  void aLiveLeaseIsNotTakenOverByAnotherCoordinatorOutsideTheCluster() {
    lock.acquire(ALICE, RUN);

    assertThatThrownBy(() -> lock.takeOver(BOB, RUN, snapshot("n1")))
        .isInstanceOf(CoordinatorLockedException.class);
  }

  @Test
  void aSelfUpdatingCoordinatorTakesTheLiveLeaseOverOnlyOnTheNodeThatNowOwnsItsRole() {
    CoordinatorIdentity onN1 = CoordinatorIdentity.selfUpdating("cau-n1", "n1", "CAU-role");
    CoordinatorIdentity onN2 = CoordinatorIdentity.selfUpdating("cau-n2", "n2", "CAU-role");
    CoordinatorIdentity onN3 = CoordinatorIdentity.selfUpdating("cau-n3", "n3", "CAU-role");
    lock.acquire(onN1, RUN);

    assertThatThrownBy(() -> lock.takeOver(onN3, RUN, snapshot("n2")))
        .isInstanceOf(CoordinatorLockedException.class)
        .hasMessageContaining("(self-updating role CAU-role)");
    assertThatThrownBy(() -> lock.takeOver(CoordinatorIdentity.selfUpdating("x", "n2", "Other-role"), RUN, snapshot("n2")))
        .isInstanceOf(CoordinatorLockedException.class);
    HeldLease moved = lock.takeOver(onN2, RUN, snapshot("n2"));

    assertThat(moved.lease().host()).isEqualTo("n2");
    assertThat(moved.lease().role()).isEqualTo("CAU-role");
  }

  @Test
  void releasingUnlocksAndForceRecoveryClearsAnyLease() {
    HeldLease held = lock.acquire(ALICE, RUN);
    assertThat(held.release()).isTrue();
    assertThat(lock.holder()).isEmpty();
    assertThatThrownBy(held::renew).isInstanceOf(LeaseLostException.class).hasMessageContaining("already given up");

    HeldLease bob = lock.acquire(BOB, OTHER_RUN);
    assertThat(lock.forceClear()).contains(bob.lease());
    assertThat(lock.holder()).isEmpty();
    assertThatThrownBy(bob::renew).isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("a forced recovery cleared the lock");
    assertThat(lock.forceClear()).isEmpty();
  }

  @Test
  void aZeroExpiryIsRefused() {
    assertThatThrownBy(() -> new CoordinatorLock(register, "c", clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  private static ClusterSnapshot snapshot(String roleOwner) {
    return new ClusterSnapshot("CLUSTER1",
        List.of("n1", "n2", "n3").stream().map(n -> new NodeSnapshot(n, NodeState.UP, 1, FaultDomain.NONE)).toList(),
        Witness.NONE,
        List.of(new ClusteredRole("CAU-role", roleOwner, List.of(), RoleState.ONLINE)),
        StorageHealth.HEALTHY);
  }

  private static final class Register implements RunLock {
    @Nullable CoordinatorLease value;

    @Override
    public Optional<CoordinatorLease> read() {
      return Optional.ofNullable(value);
    }

    @Override
    public boolean compareAndSet(@Nullable CoordinatorLease expected, @Nullable CoordinatorLease replacement) {
      if (!Objects.equals(value, expected)) {
        return false;
      }
      value = replacement;
      return true;
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = T0;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
