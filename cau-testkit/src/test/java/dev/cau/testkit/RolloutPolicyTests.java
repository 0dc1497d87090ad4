package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.UpdatingRun;
import dev.cau.core.journal.RolloutDescriptor;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.core.policy.RolloutView;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rollout policy decides which waiting nodes a run takes; it is written in the journal, and a
 * run resumes only with the policy it started with.
 */
class RolloutPolicyTests {
  private static final RunOptions OPTIONS = Simulation.options().build();

  /** Two nodes at a time, in node order: a policy of the kind that will follow CAU's. */
  private static final RolloutPolicy TWO_AT_A_TIME = new RolloutPolicy() {
    @Override
    public RolloutDescriptor descriptor() {
      return new RolloutDescriptor("test.waves", Map.of("size", "2"));
    }

    @Override
    public List<String> admit(RolloutView view) {
      if (view.scanning() > 0) {
        return List.of();
      }
      int room = 2 - view.inFlight().size();
      return view.waiting().subList(0, Math.max(0, Math.min(room, view.waiting().size())));
    }
  };

  /** Thrown by the store hook to stop the first coordinator dead. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated coordinator crash", null, false, false);
    }
  }

  @Test
  void aPolicyThatTakesTwoNodesAtATimeNeverHasMoreThanTwoDown() {
    SimulatedCluster cluster = Clusters.cluster(6, true).build();
    int[] mostDown = new int[1];
    cluster.observe(c -> mostDown[0] = Math.max(mostDown[0],
        (int) c.snapshot().nodes().stream().filter(n -> n.state() != NodeState.UP).count()));
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("waves", "admin"))
        .rollout(TWO_AT_A_TIME).build();

    UpdatingRun run = coordinator.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> run.completion().isDone());

    RunResult result = run.completion().join();
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(mostDown[0]).isEqualTo(2);
    assertThat(cluster.store().journal(result.runId()).records().get(0)).contains("\"test.waves\"").contains("\"size\":\"2\"");
  }

  @Test
  void resumingWithAnotherRolloutPolicyIsRefusedNamingBothAndTouchesNothing() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();
    SimulatedCoordinator first = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("first", "admin-1")).build();
    SimulatedCoordinator second = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("second", "admin-2"))
        .rollout(TWO_AT_A_TIME).build();
    cluster.store().afterAppend((run, record) -> {
      if (record == 20 && first.isAlive()) {
        first.crash();
        throw new Crash();
      }
    });
    UpdatingRun started = first.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> !first.isAlive());
    boolean[] expired = {false}; // the first coordinator's lease expires
    cluster.simulator().schedule(cluster.simulator().now().plus(Duration.ofHours(2)), () -> expired[0] = true);
    cluster.simulator().runUntil(() -> expired[0]);
    int steps = cluster.steps().size();
    int records = cluster.store().journal(started.runId()).records().size();
    var lease = cluster.lock().read();

    assertThatThrownBy(() -> second.coordinator().resume(OPTIONS))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("RolloutPolicy")
        .hasMessageContaining("test.waves")
        .hasMessageContaining("cau.one-node-at-a-time");

    assertThat(cluster.steps()).hasSize(steps);
    assertThat(cluster.store().journal(started.runId()).records()).hasSize(records);
    assertThat(cluster.lock().read()).isEqualTo(lease);
  }

  @Test
  void statusIsReadWithThePolicyTheRunStartedWith() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();
    SimulatedCoordinator first = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("first", "admin-1"))
        .rollout(TWO_AT_A_TIME).build();
    SimulatedCoordinator reader = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("reader", "admin-2")).build();
    UpdatingRun run = first.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> cluster.steps().stream().filter(s -> s.step().equals("suspend")).count() == 2);

    // The reader is configured with CAU's policy and knows nothing of "test.waves".
    assertThatThrownBy(reader.coordinator()::status).isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("test.waves");
    assertThat(first.coordinator().status().notifications()).filteredOn(n -> n.status().equals("Suspending")).hasSize(2);
    cluster.simulator().runUntil(() -> run.completion().isDone());
  }
}
