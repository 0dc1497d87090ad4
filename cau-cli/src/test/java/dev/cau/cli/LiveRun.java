package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.store.FileRunStore;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A run in progress in a real run store, as a {@code cau run} in another process leaves it for a
 * {@code cau status --watch} to read: the real engine drives a simulated cluster named
 * {@value #CLUSTER} (nodes ha1 to ha3) in virtual time and writes its journal to a
 * {@link FileRunStore}, whose write lock it holds until the run has written its report, as that
 * process would. The test moves it on, in virtual time, between the watch's readings.
 */
final class LiveRun {
  /** The cluster's name, as the cluster file of the watch names it. */
  static final String CLUSTER = "web";

  /** The coordinator that carries the run, as the journal and the status name it. */
  static final String COORDINATOR = "cau-run-elsewhere";

  private final SimulatedCluster cluster;
  private final SimulatedCoordinator coordinator;
  private final FileRunStore store;
  private final UpdatingRun run;
  private boolean storeOpen = true;

  private LiveRun(SimulatedCluster cluster, FileRunStore store) {
    this.cluster = cluster;
    this.store = store;
    this.coordinator = SimulatedCoordinator
        .builder(cluster, CoordinatorIdentity.remote(COORDINATOR, "coordinator-host"))
        .runStore(store)
        .build();
    this.run = coordinator.coordinator().start(RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME).build());
    assertThat(cluster.simulator().runUntil(
        () -> coordinator.events().stream().anyMatch(NodeStepStarted.class::isInstance)))
        .as("the run took its first node out").isTrue();
  }

  /**
   * Starts a run whose every node installs its updates.
   *
   * @param store the store's directory
   * @return the run, in progress, its first node in a step
   */
  static LiveRun succeeding(Path store) {
    return new LiveRun(cluster(false), new FileRunStore(store));
  }

  /**
   * Starts a run one of whose nodes (ha2) fails to install an update, so that the run does not
   * succeed.
   *
   * @param store the store's directory
   * @return the run, in progress, its first node in a step
   */
  static LiveRun failing(Path store) {
    return new LiveRun(cluster(true), new FileRunStore(store));
  }

  private static SimulatedCluster cluster(boolean broken) {
    SimulatedUpdate cumulative = SimulatedUpdate.of("KB1", "Cumulative update").installTaking(Duration.ofMinutes(6))
        .requiringRestart();
    SimulatedUpdate driver = SimulatedUpdate.of("KB2", "Driver update").installTaking(Duration.ofMinutes(2));
    return SimulatedCluster.builder(CLUSTER)
        .startingAt(Instant.parse("2026-03-03T02:00:00Z"))
        .node("ha1", n -> n.updates(cumulative))
        .node("ha2", n -> n.updates(cumulative, broken ? driver.failingWith(0x80240022) : driver))
        .node("ha3", n -> n.updates(cumulative))
        .witness(WitnessKind.DISK, WitnessState.ONLINE)
        .role("web-01", "ha1")
        .build();
  }

  /** The run's id. */
  RunId runId() {
    return run.runId();
  }

  /** The time now, in the simulation. */
  Instant now() {
    return cluster.simulator().now();
  }

  /**
   * Lets the run go on for a while; once it has written its report, its process ends and lets the
   * store go.
   *
   * @param duration how long, in virtual time
   */
  void advance(Duration duration) {
    Instant until = now().plus(duration);
    boolean[] reached = {false};
    cluster.simulator().schedule(until, () -> reached[0] = true);
    cluster.simulator().runUntil(() -> reached[0]);
    if (store.report(run.runId()).isPresent()) {
      releaseStore();
    }
  }

  /** Tells whether the run has written its report. */
  boolean ended() {
    return store.report(run.runId()).isPresent();
  }

  /** Kills the run's process: its coordinator stops where it is, and the store's lock goes with it. */
  void crash() {
    coordinator.crash();
    releaseStore();
  }

  private void releaseStore() {
    if (storeOpen) {
      store.close();
      storeOpen = false;
    }
  }
}
