package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.RunEvent;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.lock.CoordinatorLock;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A coordinator that dies while a plug-in that restarts its node itself is installing leaves the
 * node restarting, here for longer than the run's lease. The coordinator that takes the run over
 * waits for the node within PluginRestartTimeoutMinutes before it repeats the install, as the first
 * one would have waited once the install returned; it neither fails the node nor restarts it.
 */
class SelfRestartingInstallTakeoverTests {
  private static final String UPGRADE = "Vendor.OsUpgrade";
  private static final String UPDATE = "OS23H2";
  private static final List<UpdatePluginProvider> PLUGINS = List.of(InMemoryUpdatePluginProvider.restartingNodes(UPGRADE, "OS"));
  /** Three restarts of an hour each: the node is still down when the dead coordinator's lease expires. */
  private static final Duration REBOOT = Duration.ofHours(1);
  private static final Duration LEASE = CoordinatorLock.DEFAULT_EXPIRY;
  private static final RunOptions OPTIONS = RunOptions.builder().plugin(UPGRADE).maxFailedNodes(1).build();

  private record Outcome(RunResult result, SimulatedCluster cluster, List<StepRecord> steps, Instant takeover,
      List<RunEvent> lastEvents) {}

  @Test
  void aTakeoverWaitsForTheNodeTheInterruptedInstallIsRestartingThenFinishesItOnce() {
    Outcome reference = run(0, false);
    Outcome resumed = run(1, false);

    assertThat(reference.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(reference.cluster().nodes()).allSatisfy(n -> assertThat(n.restarts()).as(n.name()).isEqualTo(3));
    assertThat(resumed.result().coordinators()).containsExactly("first", "second");
    assertThat(resumed.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcomes(resumed.result())).isEqualTo(outcomes(reference.result()));
    for (SimulatedNode node : resumed.cluster().nodes()) {
      SimulatedNode same = reference.cluster().node(node.name());
      assertThat(node.restarts()).as("restarts of %s", node.name()).isEqualTo(same.restarts());
      assertThat(resumed.result().nodeResult(node.name()).orElseThrow().restarts()).as("reported restarts of %s", node.name())
          .isEqualTo(reference.result().nodeResult(node.name()).orElseThrow().restarts());
      assertThat(node.installedUpdates()).as(node.name()).containsExactly(UPDATE);
      assertThat(node.installCount(UPDATE)).as("installs on %s", node.name()).isEqualTo(1);
    }
    assertThat(resumed.steps()).as("restarts the engine asked for").noneMatch(s -> s.step().startsWith("restart "));
    assertThat(resumed.lastEvents()).noneMatch(e -> e instanceof NodeStepStarted s && s.step() == NodeStep.RESTARTING);
    // The second coordinator waited for n1 before it touched it again.
    assertThat(resumed.lastEvents()).filteredOn(e -> e instanceof NodeStepStarted s && s.node().equals("n1"))
        .extracting(e -> ((NodeStepStarted) e).step())
        .startsWith(NodeStep.WAITING_FOR_NODE, NodeStep.INSTALLING, NodeStep.WAITING_FOR_NODE, NodeStep.RESCANNING);
    assertThat(resumed.cluster().snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
  }

  @Test
  void aNodeThatNeverReturnsAfterTheTakeoverFailsAtThePluginRestartTimeoutAndTheRunGoesOn() {
    Outcome reference = run(0, true);
    Outcome resumed = run(1, true);

    NodeResult n1 = resumed.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n1.reason()).isEqualTo(reference.result().nodeResult("n1").orElseThrow().reason())
        .contains("did not come back within PluginRestartTimeoutMinutes (240 minutes)")
        .contains("\"" + UPGRADE + "\"");
    Instant n1Finished = resumed.lastEvents().stream()
        .filter(e -> e instanceof NodeFinished f && f.result().node().equals("n1")).findFirst().orElseThrow().at();
    assertThat(n1Finished)
        .isEqualTo(resumed.takeover().plus(RunOptions.DEFAULT_PLUGIN_RESTART_TIMEOUT));
    assertThat(resumed.result().status()).isEqualTo(reference.result().status());
    assertThat(resumed.result().nodeResults()).extracting(NodeResult::status)
        .isEqualTo(reference.result().nodeResults().stream().map(NodeResult::status).toList());
    // n1's install results were lost with the first coordinator and the node never answered again.
    assertThat(outcomes(resumed.result())).containsEntry("n1", "FAILED 0 succeeded 0 failed")
        .containsEntry("n2", outcomes(reference.result()).get("n2"))
        .containsEntry("n3", outcomes(reference.result()).get("n3"));
    assertThat(resumed.cluster().node("n1").installCount(UPDATE)).isEqualTo(1);
    assertThat(resumed.cluster().node("n2").installCount(UPDATE)).isEqualTo(1);
  }

  @Test
  void aThirdCoordinatorReplaysTheWaitItsPredecessorBeganAndFinishesTheInstallOnce() {
    Outcome reference = run(0, false);
    Outcome resumed = run(2, false);

    assertThat(resumed.result().coordinators()).containsExactly("first", "second", "third");
    assertThat(resumed.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcomes(resumed.result())).isEqualTo(outcomes(reference.result()));
    for (SimulatedNode node : resumed.cluster().nodes()) {
      assertThat(node.restarts()).as("restarts of %s", node.name()).isEqualTo(3);
      assertThat(node.installCount(UPDATE)).as("installs on %s", node.name()).isEqualTo(1);
    }
    assertThat(resumed.steps()).noneMatch(s -> s.step().startsWith("restart "));
    // The third coordinator waits on for n1 (the wait its predecessor began), then repeats the install.
    assertThat(resumed.lastEvents()).filteredOn(e -> e instanceof NodeStepStarted s && s.node().equals("n1"))
        .extracting(e -> ((NodeStepStarted) e).step())
        .startsWith(NodeStep.INSTALLING, NodeStep.WAITING_FOR_NODE, NodeStep.RESCANNING);
  }

  @Test
  void aRunCanceledWhileTheTakeoverWaitsForTheNodeRepeatsNoInstallAndBringsTheNodeBack() {
    Outcome canceled = run(1, false, Duration.ofMinutes(30));

    assertThat(canceled.result().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(canceled.result().nodeResult("n1").orElseThrow().reason())
        .startsWith("The run was canceled while the node was being updated");
    // The second coordinator waited for n1, then brought it back without installing again.
    assertThat(canceled.lastEvents()).filteredOn(e -> e instanceof NodeStepStarted s && s.node().equals("n1"))
        .extracting(e -> ((NodeStepStarted) e).step())
        .startsWith(NodeStep.WAITING_FOR_NODE)
        .doesNotContain(NodeStep.INSTALLING, NodeStep.RESCANNING, NodeStep.RESTARTING);
    assertThat(canceled.cluster().node("n1").installCount(UPDATE)).isEqualTo(1);
    assertThat(canceled.cluster().snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).as(n.name()).isEqualTo(NodeState.UP));
  }

  /**
   * Runs three nodes through the upgrade. With {@code crashes} of 1, the first coordinator dies as
   * soon as n1's install has started, and a second one takes the run over once its lease has
   * expired; with 2, the second one dies too, half an hour after it took over, and a third one
   * takes over from it.
   */
  private static Outcome run(int crashes, boolean n1NeverReturns) {
    return run(crashes, n1NeverReturns, null);
  }

  /** As {@link #run(int, boolean)}; with {@code cancelAfterTakeover}, the run is canceled that long after the takeover. */
  private static Outcome run(int crashes, boolean n1NeverReturns, @Nullable Duration cancelAfterTakeover) {
    SimulatedCluster cluster = Clusters.selfUpgrading(REBOOT, n -> {
      if (n1NeverReturns) {
        n.neverReturnsFromRestart();
      }
    });
    SimulatedCoordinator first = coordinator(cluster, "first");
    UpdatingRun started = first.coordinator().start(OPTIONS);
    if (crashes == 0) {
      cluster.simulator().runUntil(() -> started.completion().isDone());
      return new Outcome(started.completion().join(), cluster, cluster.steps(), Instant.MAX, first.events());
    }
    cluster.simulator().runUntil(() -> cluster.steps().stream().anyMatch(s -> s.node().equals("n1") && s.step().equals("install " + UPDATE)));
    first.crash(); // the install goes on on the node; its answer is lost
    Instant takeover = cluster.simulator().now().plus(LEASE).plusSeconds(1);
    SimulatedCoordinator second = coordinator(cluster, "second");
    UpdatingRun[] resumed = new UpdatingRun[1];
    NodeState[] n1AtTakeover = new NodeState[1];
    cluster.simulator().schedule(takeover, () -> {
      n1AtTakeover[0] = cluster.snapshot().node("n1").orElseThrow().state();
      resumed[0] = second.coordinator().resume(OPTIONS);
    });
    if (cancelAfterTakeover != null) {
      cluster.simulator().schedule(takeover.plus(cancelAfterTakeover), () -> resumed[0].cancel());
    }
    SimulatedCoordinator last = second;
    if (crashes == 2) {
      SimulatedCoordinator third = coordinator(cluster, "third");
      Instant secondDies = takeover.plus(Duration.ofMinutes(30));
      cluster.simulator().schedule(secondDies, second::crash);
      cluster.simulator().schedule(secondDies.plus(LEASE).plusSeconds(1), () -> resumed[0] = third.coordinator().resume(OPTIONS));
      last = third;
    }
    SimulatedCoordinator finishing = last;
    cluster.simulator().runUntil(() -> resumed[0] != null && finishing.isAlive() && resumed[0].completion().isDone());
    assertThat(n1AtTakeover[0]).as("n1 when the run was taken over: the upgrade still restarts it").isEqualTo(NodeState.DOWN);
    return new Outcome(resumed[0].completion().join(), cluster, cluster.steps(), takeover, finishing.events());
  }

  private static SimulatedCoordinator coordinator(SimulatedCluster cluster, String name) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, name + "-host"))
        .plugins(PLUGINS).leaseExpiry(LEASE).build();
  }

  private static Map<String, String> outcomes(RunResult result) {
    return result.nodeResults().stream().collect(Collectors.toMap(NodeResult::node,
        n -> n.status() + " " + n.succeededUpdates() + " succeeded " + n.failedUpdates() + " failed"));
  }
}
