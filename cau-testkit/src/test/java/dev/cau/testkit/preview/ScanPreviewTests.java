package dev.cau.testkit.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.plugin.Update;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.scan.NodeScan;
import dev.cau.core.scan.ScanReport;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Invoke-CauScan: every node scanned, a bounded number at a time, nothing changed. */
class ScanPreviewTests {
  private static final Duration SCAN = Duration.ofMinutes(2); // the simulator's default scan time

  private static SimulatedCluster cluster(int nodes) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("c" + nodes);
    for (int i = 1; i <= nodes; i++) {
      builder.node("n" + i, n -> n.updates(
          SimulatedUpdate.of("KB5001", "Cumulative Update").requiringRestart(),
          SimulatedUpdate.of("KB5002", "Second-order update").appearingAfter("KB5001")));
    }
    return builder.role("vm1", "n1").role("vm2", "n2").build();
  }

  private static ScanReport scan(SimulatedCluster cluster, SimulatedCoordinator coordinator, int parallelism,
      RunOptions options) {
    CompletableFuture<ScanReport> report = coordinator.coordinator().scan(options, parallelism);
    cluster.simulator().runUntil(report::isDone);
    return report.join();
  }

  private static SimulatedCoordinator coordinator(SimulatedCluster cluster) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1")).build();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3, 4, 8, 16, 20})
  void sixteenNodesTakeTheCeilingOfNodesOverParallelismRoundsOfTwoMinutes(int parallelism) {
    SimulatedCluster cluster = cluster(16);
    ScanReport report = scan(cluster, coordinator(cluster), parallelism, RunOptions.builder()
        .plugin(InMemoryUpdatePluginProvider.NAME).build());

    long rounds = (16 + parallelism - 1) / parallelism;
    assertThat(Duration.between(report.startedAt(), report.finishedAt())).isEqualTo(SCAN.multipliedBy(rounds));
    assertThat(report.nodes()).hasSize(16).allMatch(NodeScan::succeeded);
    assertThat(report.node("n7").updates()).extracting(Update::id).containsExactly("KB5001");
  }

  @Test
  void theDefaultScansEightNodesAtOnce() {
    SimulatedCluster cluster = cluster(16);
    CompletableFuture<ScanReport> future = coordinator(cluster).coordinator().scan(RunOptions.builder()
        .plugin(InMemoryUpdatePluginProvider.NAME).build());
    cluster.simulator().runUntil(future::isDone);
    ScanReport report = future.join();

    assertThat(UpdateCoordinator.DEFAULT_SCAN_PARALLELISM).isEqualTo(8);
    assertThat(report.parallelism()).isEqualTo(8);
    assertThat(Duration.between(report.startedAt(), report.finishedAt())).isEqualTo(SCAN.multipliedBy(2));
  }

  @Test
  void aPreviewChangesNoNode() {
    SimulatedCluster cluster = cluster(4);
    scan(cluster, coordinator(cluster), 2, RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME).build());

    assertThat(cluster.steps()).extracting(StepRecord::step).containsOnly("scan");
    assertThat(cluster.steps()).hasSize(4);
    for (String node : List.of("n1", "n2", "n3", "n4")) {
      assertThat(cluster.node(node).installedUpdates()).isEmpty();
      assertThat(cluster.node(node).restarts()).isZero();
      assertThat(cluster.node(node).state()).isEqualTo(NodeState.UP);
    }
  }

  @Test
  void aFailingNodeReportsItsErrorAndTheOthersTheirUpdates() {
    SimulatedCluster cluster = cluster(6);
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(new FlakyScanPlugin(Set.of("n3")))).build();
    ScanReport report = scan(cluster, coordinator, 4, RunOptions.builder().plugin(FlakyScanPlugin.NAME).build());

    assertThat(report.node("n3").succeeded()).isFalse();
    assertThat(report.node("n3").plugins().get(0).error())
        .isEqualTo("Plug-in \"" + FlakyScanPlugin.NAME + "\" could not scan node \"n3\": the update agent on n3 did not answer");
    assertThat(report.nodes()).filteredOn(n -> !n.node().equals("n3")).hasSize(5)
        .allSatisfy(n -> assertThat(n.updates()).extracting(Update::id).containsExactly("KB5001"));
  }

  @Test
  void aNodeThatIsDownIsReportedWithoutBeingCalled() {
    SimulatedCluster cluster = SimulatedCluster.builder("c3")
        .node("n1", n -> n.updates(SimulatedUpdate.of("KB1", "One")))
        .node("n2", n -> n.state(NodeState.DOWN).updates(SimulatedUpdate.of("KB1", "One")))
        .node("n3", n -> n.updates(SimulatedUpdate.of("KB1", "One")))
        .build();
    ScanReport report = scan(cluster, coordinator(cluster), 8, RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME).build());

    assertThat(report.node("n2").plugins().get(0).error()).isEqualTo("Node \"n2\" was down when the preview began; it was not scanned");
    assertThat(cluster.steps()).extracting(StepRecord::node).containsOnly("n1", "n3");
  }

  @Test
  void aPreviewWhileARunHoldsTheLockGoesOnAndNamesTheRun() {
    SimulatedCluster cluster = cluster(3);
    SimulatedCoordinator runner = coordinator(cluster);
    RunOptions options = RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME).build();
    var run = runner.coordinator().start(options);
    cluster.simulator().runUntil(() -> cluster.steps().stream().anyMatch(s -> s.step().equals("suspend")));

    SimulatedCoordinator viewer = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("viewer", "ws-2")).build();
    ScanReport report = scan(cluster, viewer, 8, options);

    assertThat(report.runHoldingLock()).contains(run.runId());
    assertThat(report.nodes()).hasSize(3);
  }

  @Test
  void parallelismBelowOneIsRefused() {
    SimulatedCluster cluster = cluster(2);
    assertThatThrownBy(() -> coordinator(cluster).coordinator().scan(RunOptions.defaults(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("parallelism must be at least 1, not 0");
  }

  @Test
  void anUnknownPluginIsRefusedBeforeAnyNodeIsScanned() {
    SimulatedCluster cluster = cluster(2);
    assertThatThrownBy(() -> coordinator(cluster).coordinator().scan(RunOptions.builder().plugin("No.Such").build()))
        .isInstanceOf(dev.cau.api.PluginNotFoundException.class);
    assertThat(cluster.steps()).isEmpty();
  }
}
