package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.UpgradeNodes.MEDIA;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.NEW_BUILD;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.OLD_BUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A coordinator that takes a rolling upgrade over judges each node by the run's target, as the
 * journal holds it from the run's start, and not by what is offered after the takeover.
 */
class CoordinatorTakeoverTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final String NEWER_MEDIA = "10.0.25398.512";

  private final SimulatedCluster cluster;
  private final UpgradeNodes nodes;
  private final InvariantMonitor monitor;

  CoordinatorTakeoverTests() {
    cluster = UpgradeNodes.hciWithOneVmPerNode(NODES);
    nodes = new UpgradeNodes(cluster);
    NODES.forEach(nodes::withMedia);
    monitor = InvariantMonitor.attach(cluster);
  }

  @Test
  void aRunKilledWhileNodeTwoUpgradesVerifiesItAgainstTheJournaledTargetAndRefusesNodesOfferedAnotherBuild() {
    RunResult result = killedWhileNodeTwoUpgradesThenResumedWithNewerMedia();

    assertThat(nodes.system("n1").revision()).isEqualTo(469);
    NodeResult n2 = result.nodeResult("n2").orElseThrow();
    assertThat(n2.status()).as(String.valueOf(n2.reason())).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(nodes.system("n2").build()).isEqualTo(NEW_BUILD);
    assertThat(nodes.system("n2").revision()).isEqualTo(469);
    NodeResult n3 = result.nodeResult("n3").orElseThrow();
    assertThat(n3.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(String.valueOf(n3.reason())).contains("Node \"n3\" runs 22H2 (build 20349.2322) and is now offered"
        + " 23H2 (build 25398.512), but this run's target, journaled when the run started").contains("is 23H2 (build"
        + " 25398.469): the node was not touched");
    for (String untouched : List.of("n3", "n4")) {
      assertThat(nodes.system(untouched).build()).as(untouched).isEqualTo(OLD_BUILD);
      assertThat(nodes.calls()).as(untouched).doesNotContain(untouched + " upgrade");
      assertThat(cluster.steps()).filteredOn(s -> s.node().equals(untouched)).extracting(StepRecord::step)
          .as(untouched).doesNotContain("suspend");
    }
    assertThat(monitor.violations()).isEmpty();
  }

  @Test
  void aNodeThatRolledBackWhileTheCoordinatorWasDeadFailsAgainstTheJournaledTargetAndIsNotUpgradedToTheNewOffer() {
    nodes.system("n2").rollsBack();

    RunResult result = killedWhileNodeTwoUpgradesThenResumedWithNewerMedia();

    NodeResult n2 = result.nodeResult("n2").orElseThrow();
    assertThat(n2.status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(String.valueOf(n2.reason())).contains("Node \"n2\" runs 22H2 (build 20349.2322) after its upgrade to"
        + " build 25398.469: setup did not finish or rolled back");
    assertThat(nodes.system("n2").build()).isEqualTo(OLD_BUILD);
    assertThat(nodes.calls()).filteredOn(c -> c.equals("n2 upgrade")).hasSize(1);
    assertThat(monitor.violations()).isEmpty();
  }

  /**
   * Starts a run from the 23H2 media (build 25398.469), kills its coordinator once n2's install
   * result is in the journal (setup upgraded n2 and restarts it), replaces the media on every node
   * by a newer build, and lets a second coordinator take the run over.
   */
  private RunResult killedWhileNodeTwoUpgradesThenResumedWithNewerMedia() {
    SimulatedCoordinator first = coordinator("first");
    SimulatedCoordinator second = coordinator("second");
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RollingUpgradePluginProvider.NAME,
            Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, MEDIA)))
        .build();
    UpdatingRun[] resumed = new UpdatingRun[1];
    cluster.store().afterAppend((run, record) -> {
      // The first record durable after setup upgraded n2 and started its restarts: n2's install result.
      if (!first.isAlive() || !nodes.calls().contains("n2 restart")) {
        return;
      }
      NODES.forEach(n -> nodes.system(n).media(NEWER_MEDIA));
      cluster.simulator().schedule(cluster.simulator().now().plus(LEASE).plusSeconds(1),
          () -> resumed[0] = second.coordinator().resume(options));
      first.crash();
      throw new CoordinatorKilled();
    });

    first.coordinator().start(options);
    cluster.simulator().runUntil(() -> resumed[0] != null && resumed[0].completion().isDone());
    assertThat(resumed[0]).as("the second coordinator took the run over").isNotNull();
    return resumed[0].completion().join();
  }

  private SimulatedCoordinator coordinator(String name) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, name + "-host"))
        .plugins(List.of(new RollingUpgradePluginProvider())).leaseExpiry(LEASE).build();
  }

  /** Stops the first coordinator dead, before it acts on the record just written. */
  private static final class CoordinatorKilled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CoordinatorKilled() {
      super("coordinator killed", null, false, false);
    }
  }
}
