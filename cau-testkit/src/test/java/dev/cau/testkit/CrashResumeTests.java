package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import dev.cau.testkit.scenario.InvariantChecker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kills the coordinator of a 6-node run (rolling, and offline) at every journal position in turn, once just after the
 * entry became durable and once after the coordinator acted on it, lets a second coordinator take
 * the run over when the first one's lease has expired, and compares the outcome with the
 * uninterrupted run.
 */
class CrashResumeTests {
  private static final RunOptions OPTIONS = Simulation.options().build();
  private static final Duration LEASE = Duration.ofHours(1);

  private enum Moment { BEFORE_ACTING, AFTER_ACTING }

  /** Thrown by the store hook to stop the first coordinator dead. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated coordinator crash", null, false, false);
    }
  }

  private record Outcome(RunResult result, SimulatedCluster cluster, List<SimulatedCoordinator.CallRecord> calls) {}

  @Test
  void aRunResumedAfterACrashAtAnyJournalPositionEndsAsTheUninterruptedRunDid() {
    sweep(false);
  }

  @Test
  void anOfflineUpdateResumedAfterACrashAtAnyJournalPositionEndsAsTheUninterruptedOneDid() {
    sweep(true);
  }

  /**
   * A restart whose answer was lost is not repeated: the coordinator that takes over reads the
   * node's boot identity, which changed, and counts the restart as done. Before boot identities,
   * the second coordinator, which only takes over once the lease expired long after the reboot,
   * restarted such a node a second time.
   */
  @Test
  void noNodeRestartsTwiceOrInstallsTwiceWhateverJournalPositionTheCoordinatorDiesAt() {
    Outcome reference = run(8, -1, Moment.BEFORE_ACTING, false);
    int entries = (int) reference.cluster().store().journal(reference.result().runId()).records().size() - 1;
    assertThat(reference.cluster().nodes()).allSatisfy(n -> assertThat(n.restarts()).as(n.name()).isEqualTo(1));

    for (int position = 0; position <= entries; position++) {
      for (Moment moment : Moment.values()) {
        Outcome resumed = run(8, position, moment, false);
        String at = "crash " + moment + " journal entry " + position + " of " + entries;
        assertThat(resumed.result().status()).as(at).isEqualTo(reference.result().status());
        for (SimulatedNode node : resumed.cluster().nodes()) {
          assertThat(node.restarts()).as(at + ", restarts of " + node.name())
              .isEqualTo(reference.cluster().node(node.name()).restarts());
          assertThat(resumed.result().nodeResult(node.name()).orElseThrow().restarts()).as(at + ", reported restarts of " + node.name())
              .isEqualTo(reference.result().nodeResult(node.name()).orElseThrow().restarts());
          node.installedUpdates().forEach(update ->
              assertThat(node.installCount(update)).as(at + ", installs of " + update + " on " + node.name()).isEqualTo(1));
        }
        assertThat(resumed.cluster().snapshot().nodes()).as(at + ": no node left paused")
            .allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
      }
    }
  }

  /**
   * A plug-in that restarts its nodes itself, three times over three hours, longer than the lease:
   * a coordinator that takes over while it installs waits for the node before it repeats the
   * install, and no node is restarted by the engine, installed twice or failed.
   */
  @Test
  void aRunWhosePluginRestartsTheNodesItselfResumedAfterACrashAtAnyJournalPositionEndsAsTheUninterruptedRunDid() {
    String upgrade = "Vendor.OsUpgrade";
    List<UpdatePluginProvider> plugins = List.of(InMemoryUpdatePluginProvider.restartingNodes(upgrade, "OS"));
    RunOptions options = RunOptions.builder().plugin(upgrade).build();
    Outcome reference = run(Clusters.selfUpgrading(Duration.ofHours(1), n -> {}), plugins, options, -1, Moment.BEFORE_ACTING, false);
    int entries = (int) reference.cluster().store().journal(reference.result().runId()).records().size() - 1;
    assertThat(reference.result().status()).isEqualTo(dev.cau.api.result.SummaryStatus.SUCCEEDED);
    assertThat(reference.cluster().nodes()).allSatisfy(n -> assertThat(n.restarts()).as(n.name()).isEqualTo(3));

    for (int position = 0; position <= entries; position++) {
      for (Moment moment : Moment.values()) {
        Outcome resumed = run(Clusters.selfUpgrading(Duration.ofHours(1), n -> {}), plugins, options, position, moment, false);
        String at = "crash " + moment + " journal entry " + position + " of " + entries;
        assertThat(outcomes(resumed.result())).as(at).isEqualTo(outcomes(reference.result()));
        assertThat(resumed.result().status()).as(at).isEqualTo(reference.result().status());
        for (SimulatedNode node : resumed.cluster().nodes()) {
          assertThat(node.restarts()).as(at + ", restarts of " + node.name()).isEqualTo(3);
          assertThat(node.installCount("OS23H2")).as(at + ", installs on " + node.name()).isEqualTo(1);
        }
        assertThat(resumed.cluster().steps()).as(at + ": restarts the engine asked for")
            .noneMatch(step -> step.step().startsWith("restart "));
        assertThat(resumed.cluster().snapshot().nodes()).as(at + ": no node left suspended")
            .allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
        assertThat(InvariantChecker.checkSingleCoordinator(resumed.cluster().lock().history(), resumed.calls()))
            .as(at + ": one coordinator at a time").isEmpty();
      }
    }
  }

  private static void sweep(boolean offline) {
    Outcome reference = run(6, -1, Moment.BEFORE_ACTING, offline);
    int entries = (int) reference.cluster().store().journal(reference.result().runId()).records().size() - 1;
    assertThat(entries).as("journal entries of the uninterrupted run").isGreaterThan(offline ? 30 : 50);
    assertThat(reference.result().nodeResults()).allSatisfy(n -> assertThat(n.restarts()).isPositive());
    if (!offline) {
      // Every node has a second-order pass (resumed, staged in service, drained again), so the
      // sweep kills the coordinator at every position of that pass too.
      assertThat(reference.cluster().steps()).filteredOn(step -> step.step().equals("suspend"))
          .hasSize(2 * reference.cluster().nodes().size());
    }

    for (int position = 0; position <= entries; position++) {
      for (Moment moment : Moment.values()) {
        Outcome resumed = run(6, position, moment, offline);
        String at = "crash " + moment + " journal entry " + position + " of " + entries;
        assertThat(outcomes(resumed.result())).as(at).isEqualTo(outcomes(reference.result()));
        assertThat(resumed.result().status()).as(at).isEqualTo(reference.result().status());
        for (SimulatedNode node : resumed.cluster().nodes()) {
          assertThat(node.installedUpdates()).as(at + ", updates of " + node.name())
              .containsExactlyInAnyOrderElementsOf(reference.cluster().node(node.name()).installedUpdates());
          node.installedUpdates().forEach(update ->
              assertThat(node.installCount(update)).as(at + ", installs of " + update + " on " + node.name()).isEqualTo(1));
        }
        assertThat(resumed.cluster().snapshot().nodes()).as(at + ": no node left suspended")
            .allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
        assertThat(resumed.cluster().lock().read()).as(at + ": the lock is released").isEmpty();
        assertThat(resumed.cluster().store().report(resumed.result().runId())).as(at + ": the report is kept").isPresent();
        assertThat(InvariantChecker.checkSingleCoordinator(resumed.cluster().lock().history(), resumed.calls()))
            .as(at + ": one coordinator at a time").isEmpty();
      }
    }
  }

  @Test
  void aTakeoverAsksTheQuorumGuardAgainBeforeRepeatingASuspendThatMayNotHaveHappened() {
    // Find the journal entry whose processing sends the first suspend: the quorum check's answer.
    SimulatedCluster reference = threeNodesOneCrashingLater();
    SimulatedCoordinator probe = SimulatedCoordinator.builder(reference, CoordinatorIdentity.remote("probe", "admin-0")).build();
    UpdatingRun probed = probe.coordinator().start(OPTIONS);
    reference.simulator().runUntil(() -> reference.steps().stream().anyMatch(s -> s.step().equals("suspend")));
    int suspendSentBy = probed.journal().entries().size();

    SimulatedCluster cluster = threeNodesOneCrashingLater();
    List<SimulatedCoordinator.CallRecord> calls = new ArrayList<>();
    SimulatedCoordinator first = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("first", "admin-1"))
        .callLog(calls).build();
    SimulatedCoordinator second = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("second", "admin-2"))
        .callLog(calls).build();
    UpdatingRun[] resumed = new UpdatingRun[1];
    cluster.store().afterAppend((run, record) -> {
      if (record == suspendSentBy + 1 && first.isAlive()) { // durable, and the suspend never sent
        first.crash();
        cluster.simulator().schedule(cluster.simulator().now().plus(LEASE).plusSeconds(1),
            () -> resumed[0] = second.coordinator().resume(OPTIONS));
        throw new Crash();
      }
    });
    first.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> resumed[0] != null && resumed[0].completion().isDone());

    // n3 crashed while the run had no coordinator: n1 may no longer go down.
    RunResult result = resumed[0].completion().join();
    assertThat(result.status()).isEqualTo(dev.cau.api.result.SummaryStatus.FAILED);
    assertThat(result.reason()).contains("The quorum guard refused to take node \"n1\" down");
    assertThat(cluster.steps()).noneMatch(s -> s.step().equals("suspend"));
    assertThat(cluster.snapshot().node("n1").orElseThrow().state()).isEqualTo(NodeState.UP);
  }

  /** Three nodes without a witness; n1 is updated first, and n3 crashes 40 minutes into the run. */
  private static SimulatedCluster threeNodesOneCrashingLater() {
    return Clusters.cluster(3, false).crash("n3", Duration.ofMinutes(40)).build();
  }

  /** Runs the scenario on {@code nodes} nodes, crashing the first coordinator at the position (or never, if negative). */
  private static Outcome run(int nodes, int position, Moment moment, boolean offline) {
    return run(Clusters.cluster(nodes, true).build(), List.of(), OPTIONS, position, moment, offline);
  }

  /** Runs the cluster with the plug-ins and options, crashing the first coordinator at the position (or never, if negative). */
  private static Outcome run(SimulatedCluster cluster, List<UpdatePluginProvider> plugins, RunOptions options,
      int position, Moment moment, boolean offline) {
    List<SimulatedCoordinator.CallRecord> calls = new ArrayList<>();
    SimulatedCoordinator first = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("first", "admin-1"))
        .plugins(plugins).leaseExpiry(LEASE).callLog(calls).build();
    SimulatedCoordinator second = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("second", "admin-2"))
        .plugins(plugins).leaseExpiry(LEASE).callLog(calls).build();
    UpdatingRun[] resumed = new UpdatingRun[1];
    // Record 1 is the header, so journal entry p is record p + 1.
    int crashRecord = moment == Moment.BEFORE_ACTING ? position + 1 : position + 2;
    BiConsumer<RunId, Integer> crash = (run, record) -> {
      if (record != crashRecord || !first.isAlive() || position < 0) {
        return;
      }
      first.crash();
      Instant takeover = cluster.simulator().now().plus(LEASE).plusSeconds(1);
      cluster.simulator().schedule(takeover, () -> {
        try {
          resumed[0] = second.coordinator().resume(options); // the journal says which kind of run
        } catch (RuntimeException e) {
          throw new AssertionError("Resuming after a crash " + moment + " journal entry " + position + " failed", e);
        }
      });
      throw new Crash();
    };
    if (moment == Moment.BEFORE_ACTING) {
      cluster.store().afterAppend(crash); // the entry is durable, and nothing is done about it
    } else {
      cluster.store().onAppend(crash); // the entry was acted on, the next one is never written
    }
    UpdatingRun started;
    try {
      started = offline
          ? first.coordinator().startOfflineUpdate(options, OfflineUpdate.WORKLOADS_GO_OFFLINE)
          : first.coordinator().start(options);
    } catch (Crash e) {
      started = null; // it died writing the journal's header, inside start()
    }
    UpdatingRun run = started;
    cluster.simulator().runUntil(() -> (first.isAlive() && run != null && run.completion().isDone())
        || (resumed[0] != null && resumed[0].completion().isDone()));
    UpdatingRun finished = first.isAlive() ? run : resumed[0];
    assertThat(finished).as("the run that ended, crash at %s %s", moment, position).isNotNull();
    return new Outcome(finished.completion().join(), cluster, calls);
  }

  private static Map<String, String> outcomes(RunResult result) {
    return result.nodeResults().stream().collect(Collectors.toMap(NodeResult::node,
        n -> n.status() + " " + n.succeededUpdates() + " succeeded " + n.failedUpdates() + " failed"));
  }

}
