package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.RunStarted;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EightNodeRunTests {
  private SimulatedCluster cluster;
  private InvariantMonitor monitor;
  private Map<String, String> ownersBefore;
  private SimulationResult outcome;

  @BeforeEach
  void runEightNodes() {
    cluster = Clusters.cluster(8, true).build();
    monitor = InvariantMonitor.attach(cluster);
    ownersBefore = cluster.roleOwners();
    outcome = Simulation.run(cluster, Simulation.options().failbackMode(FailbackMode.IMMEDIATE).build());
  }

  @Test
  void everyNodeSucceedsWithEveryUpdateIncludingTheSecondOrderOne() {
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().nodeResults())
        .hasSize(8)
        .allSatisfy(r -> {
          assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED);
          assertThat(r.succeededUpdates()).isEqualTo(4);
          assertThat(r.failedUpdates()).isZero();
          assertThat(r.restarts()).isEqualTo(1);
        });
  }

  @Test
  void everyNodeIsUpdatedExactlyOnce() {
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.installedUpdates()).containsExactly("KB5001", "KB5002", "KB5003", "KB5004");
      for (String update : node.installedUpdates()) {
        assertThat(node.installCount(update)).as("%s on %s", update, node.name()).isEqualTo(1);
      }
      assertThat(node.restarts()).as("restarts of %s", node.name()).isEqualTo(1);
      long suspends = outcome.steps().stream()
          .filter(s -> s.node().equals(node.name()) && s.step().equals("suspend")).count();
      // Twice: the second-order update is staged with the node back in service, then installed in a
      // second drained pass (SecondOrderStaging.OUTSIDE_DRAINED_WINDOW).
      assertThat(suspends).as("suspends of %s", node.name()).isEqualTo(2);
    }
  }

  @Test
  void neverMoreThanOneNodeIsDownAndEveryRoleAlwaysHasAnOwnerThatIsUp() {
    assertThat(monitor.violations()).isEmpty();
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(1);
  }

  @Test
  void immediateFailbackReturnsEveryRoleToItsOriginalOwner() {
    assertThat(outcome.history()).anySatisfy(c -> assertThat(c.description()).contains("moved from"));
    assertThat(cluster.roleOwners()).isEqualTo(ownersBefore);
  }

  @Test
  void nodesAreUpdatedFewestRolesFirst() {
    RunStarted started = (RunStarted) outcome.events().get(0);
    // Roles per node: n1 0, n2 1, n3 2, n4 0, n5 1, n6 2, n7 0, n8 1.
    assertThat(started.nodeOrder()).containsExactly("n1", "n4", "n7", "n2", "n5", "n8", "n3", "n6");
    List<String> suspended = outcome.events().stream()
        .filter(e -> e instanceof NodeStepStarted s && s.step() == NodeStep.SUSPENDING)
        .map(e -> ((NodeStepStarted) e).node())
        .distinct() // a node is suspended again for its second-order pass, before the next node
        .toList();
    assertThat(suspended).isEqualTo(started.nodeOrder());
  }

  @Test
  void theEngineAddsNoVirtualTimeOfItsOwn() {
    // Scans of all nodes overlap at the start; after that every step follows the previous one.
    List<StepRecord> steps = outcome.steps();
    List<StepRecord> initialScans = steps.subList(0, 8);
    assertThat(initialScans).allSatisfy(s -> assertThat(s.step()).isEqualTo("scan"));
    Duration scanPhase = initialScans.stream().map(StepRecord::duration).max(Duration::compareTo).orElseThrow();
    Duration sequential = steps.subList(8, steps.size()).stream()
        .map(StepRecord::duration).reduce(Duration.ZERO, Duration::plus);

    assertThat(outcome.virtualDuration()).isEqualTo(scanPhase.plus(sequential));
    // 8 nodes x (stage 1 + suspend 1 + installs 17 + reboot 6 + rescan 2 + resume 1 + stage 1 + suspend 1
    // + install 3 + rescan 2 + resume 1) + scan 2: the update the first re-scan finds is staged with the
    // node back in service, then installed in a second drained pass (one more suspend and resume than
    // staging it while drained).
    assertThat(outcome.virtualDuration()).isEqualTo(Duration.ofMinutes(8 * 36 + 2));
  }

  @Test
  void theSameScenarioGivesTheSameJournalAndEvents() {
    SimulationResult again = Simulation.run(Clusters.cluster(8, true).build(),
        Simulation.options().failbackMode(FailbackMode.IMMEDIATE).build());
    assertThat(again.journal()).isEqualTo(outcome.journal());
    assertThat(again.events()).isEqualTo(outcome.events());
  }

  @Test
  void nodeResultsFollowTheUpdateOrder() {
    assertThat(outcome.result().nodeResults()).extracting(NodeResult::node)
        .containsExactly("n1", "n4", "n7", "n2", "n5", "n8", "n3", "n6");
  }
}
