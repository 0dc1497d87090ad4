package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.CoordinatorLockedException;
import dev.cau.api.LeaseLostException;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.status.RunState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.scenario.InvariantChecker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Invariant 7: at most one coordinator acts on a cluster at a time. */
class SingleCoordinatorTests {
  private static final RunOptions OPTIONS = Simulation.options().build();

  private final SimulatedCluster cluster = Clusters.cluster(4, true).build();
  private final List<SimulatedCoordinator.CallRecord> calls = new ArrayList<>();
  private final SimulatedCoordinator alice = coordinator("alice", "admin-1");
  private final SimulatedCoordinator bob = coordinator("bob", "admin-2");

  @Test
  void aSecondCoordinatorIsRefusedWithTheHolderNamedAndTouchesNothing() {
    UpdatingRun run = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> !cluster.steps().isEmpty());
    int stepsBefore = cluster.steps().size();

    assertThatThrownBy(() -> bob.coordinator().start(OPTIONS))
        .isInstanceOf(CoordinatorLockedException.class)
        .hasMessageContaining("Cluster \"c4\" is locked by coordinator alice on admin-1 for run " + run.runId())
        .hasMessageContaining("ForceRecovery");
    assertThat(cluster.steps()).hasSize(stepsBefore);
    assertThat(calls).allSatisfy(c -> assertThat(c.coordinator()).isEqualTo("alice"));

    cluster.simulator().runUntil(run.completion()::isDone);
    assertThat(run.completion().join().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(cluster.lock().read()).isEmpty();
    assertThat(bob.coordinator().start(OPTIONS)).isNotNull(); // the lock is free again
  }

  @Test
  void aCoordinatorThatStallsPastItsLeaseIsFencedAndNeverActsAgain() {
    UpdatingRun first = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> cluster.snapshot().nodes().stream().anyMatch(n -> n.state() == NodeState.PAUSED));
    Instant stalledAt = cluster.simulator().now();
    alice.stall(Duration.ofHours(3));
    UpdatingRun[] second = new UpdatingRun[1];
    cluster.simulator().schedule(stalledAt.plus(Duration.ofHours(1)).plusSeconds(1),
        () -> second[0] = bob.coordinator().resume(OPTIONS));

    cluster.simulator().runUntil(() -> first.completion().isDone() && second[0] != null && second[0].completion().isDone());

    assertThatThrownBy(first.completion()::join)
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("Coordinator alice lost the run lock of cluster \"c4\"")
        .hasMessageContaining("held by coordinator bob on admin-2");
    assertThat(calls).filteredOn(c -> c.coordinator().equals("alice"))
        .allSatisfy(c -> assertThat(c.at()).isBeforeOrEqualTo(stalledAt));
    assertThat(InvariantChecker.checkSingleCoordinator(cluster.lock().history(), calls)).isEmpty();
    RunResult result = second[0].completion().join();
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(result.coordinators()).containsExactly("alice", "bob");
    everyNodeUpdatedOnceAndUp();
  }

  @Test
  void theCheckerCatchesACoordinatorThatActsWithoutTheLease() {
    UpdatingRun first = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(first.completion()::isDone);
    List<SimulatedCoordinator.CallRecord> forged = new ArrayList<>(calls);
    forged.add(new SimulatedCoordinator.CallRecord("mallory", cluster.simulator().now()));

    assertThat(InvariantChecker.checkSingleCoordinator(cluster.lock().history(), forged))
        .singleElement()
        .satisfies(v -> assertThat(v.toString()).contains("single-coordinator").contains("mallory called into the cluster while alice held the lease"));
  }

  @Test
  void aFailedCoordinatorLeavesTheRunNeedingRecoveryAndForceRecoveryBringsItsNodeBack() {
    alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> cluster.snapshot().nodes().stream().anyMatch(n -> n.state() == NodeState.PAUSED));
    alice.crash();

    assertThatThrownBy(() -> bob.coordinator().start(OPTIONS))
        .isInstanceOf(CoordinatorLockedException.class);
    cluster.simulator().schedule(cluster.simulator().now().plus(Duration.ofHours(2)), () -> { });
    cluster.simulator().runUntil(() -> false);
    assertThat(bob.coordinator().status().state()).isEqualTo(RunState.RUN_FAILED);
    assertThat(bob.coordinator().status().detail()).contains("Its coordinator alice on admin-1 stopped")
        .contains("resume the run, or end it with ForceRecovery");
    assertThatThrownBy(() -> bob.coordinator().start(OPTIONS))
        .isInstanceOf(RunNeedsRecoveryException.class)
        .hasMessageContaining("has an interrupted run")
        .hasMessageContaining("ForceRecovery");

    UpdatingRun recovery = bob.coordinator().forceRecovery(OPTIONS).orElseThrow();
    cluster.simulator().runUntil(recovery.completion()::isDone);

    RunResult recovered = recovery.completion().join();
    assertThat(recovered.status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(recovered.reason()).contains("ForceRecovery");
    assertThat(cluster.snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
    assertThat(bob.coordinator().status().state()).isEqualTo(RunState.RUN_NOT_IN_PROGRESS);
    UpdatingRun next = bob.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(next.completion()::isDone);
    assertThat(next.completion().join().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    everyNodeUpdatedOnceAndUp();
  }

  @Test
  void resumingWithOtherOptionsIsRefusedNamingTheDifferenceAndTouchesNothing() {
    alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> cluster.snapshot().nodes().stream().anyMatch(n -> n.state() == NodeState.PAUSED));
    alice.crash();
    cluster.simulator().schedule(cluster.simulator().now().plus(Duration.ofHours(2)), () -> { });
    cluster.simulator().runUntil(() -> false);
    int steps = cluster.steps().size();
    RunOptions other = OPTIONS.toBuilder().maxRetriesPerNode(5).build();

    assertThatThrownBy(() -> bob.coordinator().resume(other))
        .isInstanceOf(dev.cau.api.InvalidOptionsException.class)
        .hasMessageContaining("MaxRetriesPerNode = 5")
        .hasMessageContaining("the options run");
    assertThat(cluster.steps()).hasSize(steps);
    assertThat(cluster.lock().read().map(l -> l.owner())).contains("alice");
    assertThat(bob.coordinator().status().state()).isEqualTo(RunState.RUN_FAILED);
  }

  private void everyNodeUpdatedOnceAndUp() {
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.installedUpdates()).isNotEmpty();
      node.installedUpdates().forEach(u -> assertThat(node.installCount(u)).as("%s on %s", u, node.name()).isEqualTo(1));
    }
    assertThat(cluster.snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
  }

  private SimulatedCoordinator coordinator(String name, String host) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, host)).callLog(calls).build();
  }
}
