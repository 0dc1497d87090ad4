package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageOptionTests {

  private static SimulatedCluster.Builder fourNodes() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("s2d").witness(WitnessKind.CLOUD, WitnessState.ONLINE);
    for (int i = 1; i <= 4; i++) {
      builder.node("n" + i, n -> n.updates(Clusters.monthlyUpdates()));
    }
    return builder;
  }

  @Test
  void aSuspendRefusedForDegradedStorageIsRetriedWithoutUsingMaxRetriesPerNode() {
    SimulatedCluster cluster = fourNodes().storageDegradedFor(Duration.ofMinutes(10)).build();

    SimulationResult outcome = Simulation.run(cluster,
        Simulation.options().maxRetriesPerNode(1).suspendClusterNodeTimeout(Duration.ofMinutes(30)).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    NodeResult first = outcome.result().nodeResults().get(0);
    assertThat(first.attempts()).isEqualTo(1);
    List<StepRecord> refusals = outcome.steps().stream().filter(s -> s.step().equals("suspend refused")).toList();
    assertThat(refusals).hasSizeGreaterThan(3).allSatisfy(s -> assertThat(s.node()).isEqualTo(first.node()));
  }

  @Test
  void suspendClusterNodeTimeoutBoundsTheRetries() {
    SimulatedCluster cluster = fourNodes().storageDegradedFor(Duration.ofMinutes(30)).build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options()
        .maxRetriesPerNode(1).maxFailedNodes(0).suspendClusterNodeTimeout(Duration.ofMinutes(5)).build());

    NodeResult first = outcome.result().nodeResults().get(0);
    assertThat(first.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(first.reason()).contains("storage stayed degraded").contains("SuspendClusterNodeTimeoutMinutes 5 minutes");
    assertThat(outcome.steps()).filteredOn(s -> s.step().equals("suspend refused")).hasSizeLessThanOrEqualTo(6);
    assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
  }

  @Test
  void suspendRetriesPerNodeBoundsTheRetriesToo() {
    SimulatedCluster cluster = fourNodes().storageDegradedFor(Duration.ofMinutes(30)).build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options()
        .maxRetriesPerNode(1).maxFailedNodes(0).suspendRetriesPerNode(2).build());

    assertThat(outcome.steps()).filteredOn(s -> s.step().equals("suspend refused")).hasSize(3);
    assertThat(outcome.result().nodeResults().get(0).reason()).contains("refused 3 times");
  }

  @Test
  void theNextNodeGoesDownOnlyAfterStorageHasFinishedRepairing() {
    SimulatedCluster cluster = fourNodes().timings(Timings.defaults().withStorageResync(Duration.ofMinutes(20))).build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend refused"));
    List<Instant> healthy = outcome.history().stream()
        .filter(c -> c.description().equals("storage is healthy")).map(ClusterChange::at).toList();
    List<Instant> resyncs = outcome.history().stream()
        .filter(c -> c.description().startsWith("storage resyncs")).map(ClusterChange::at).toList();
    List<Instant> suspends = outcome.steps().stream().filter(s -> s.step().equals("suspend")).map(StepRecord::start).toList();
    assertThat(healthy).hasSizeGreaterThanOrEqualTo(3);
    // Two drains per node: the second, for the second-order update staged with the node back in
    // service, waits for the repair after the node's own restart, as the next node's drain does.
    assertThat(suspends).hasSize(8);
    for (Instant suspend : suspends) {
      long repairsStarted = resyncs.stream().filter(at -> !at.isAfter(suspend)).count();
      long repairsDone = healthy.stream().filter(at -> !at.isAfter(suspend)).count();
      assertThat(repairsDone).as("storage repaired before the suspend at %s", suspend).isEqualTo(repairsStarted);
    }
  }

  @Test
  void waitForStorageRepairTimeoutStopsTheRunWhenRepairTakesLonger() {
    SimulatedCluster cluster = fourNodes().timings(Timings.defaults().withStorageResync(Duration.ofMinutes(90))).build();

    SimulationResult outcome = Simulation.run(cluster,
        Simulation.options().waitForStorageRepairTimeout(Duration.ofMinutes(30)).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("WaitForStorageRepairTimeoutMinutes (30 minutes)").contains("DEGRADED");
    assertThat(outcome.steps()).filteredOn(s -> s.step().equals("suspend")).hasSize(1);
  }

  @Test
  void regressionAQuorumCheckIsNotReusedAfterWaitingForDegradedStorage() {
    // Found by a million-scenario run: the guard cleared n2, its suspend was refused for storage
    // for half an hour, n1 crashed meanwhile, and the suspend went through on the old answer.
    SimulatedCluster cluster = SimulatedCluster.builder("stale")
        .node("n1").node("n2", n -> n.updates(Clusters.monthlyUpdates())).node("n3").node("n4")
        .storageDegradedFor(Duration.ofMinutes(30))
        .crash("n1", Duration.ofMinutes(20).plusSeconds(7))
        .crash("n3", Duration.ofMinutes(21).plusSeconds(7))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxFailedNodes(3).build());

    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend"));
    assertThat(outcome.result().reason()).contains("quorum guard refused to take node \"n2\" down");
  }

  @Test
  void regressionTheNextNodeWaitsForStorageAfterANodeInMaintenanceRestarted() {
    SimulatedCluster cluster = SimulatedCluster.builder("maint")
        .witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.state(NodeState.PAUSED).updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .timings(Timings.defaults().withStorageResync(Duration.ofMinutes(20)))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().bypassMaintenanceModeCheck(true).build());

    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend refused"));
    assertThat(outcome.result().status()).as(outcome.result().toString()).isEqualTo(SummaryStatus.SUCCEEDED);
  }
}
