package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunFinished;
import dev.cau.api.event.RunStarted;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.Simulation.SimulatedRun;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.cluster.Timings;
import dev.cau.testkit.plugin.InMemoryUpdatePlugin;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OfflineUpdateTests {
  private static final OfflineUpdate ACK = OfflineUpdate.WORKLOADS_GO_OFFLINE;
  private static final RunOptions OPTIONS = Simulation.options().build();
  /** Install time of node n1..n4 of {@link #fourNodes}: apart, so that the longest one counts. */
  private static final int[] INSTALL_MINUTES = {15, 16, 17, 18};
  private static final Duration LONGEST_INSTALL = Duration.ofMinutes(18);

  /**
   * Four nodes, each with one restart-requiring update of its own length and one role; {@code
   * special} gets {@code extra} as well.
   */
  private static SimulatedCluster.Builder fourNodes(String special, Consumer<SimulatedCluster.NodeSpec> extra) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("offline4").witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE);
    for (int i = 1; i <= 4; i++) {
      String name = "n" + i;
      Duration install = Duration.ofMinutes(INSTALL_MINUTES[i - 1]);
      builder.node(name, n -> {
        n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart().installTaking(install));
        if (name.equals(special)) {
          extra.accept(n);
        }
      });
      builder.role("vm-" + i, name);
    }
    return builder;
  }

  private static SimulatedCluster.Builder fourNodes() {
    return fourNodes("", n -> {});
  }

  /**
   * The length of an offline update of {@link #fourNodes}: scan and stage with the cluster
   * running, stop, the slowest node's install, restart and re-scan (all nodes at once), start,
   * and the wait for storage.
   */
  private static Duration offlineDuration(Timings t, Duration storageWait) {
    return t.scan().plus(t.stage())
        .plus(t.clusterStop())
        .plus(LONGEST_INSTALL).plus(t.reboot()).plus(t.scan())
        .plus(t.clusterStart())
        .plus(storageWait);
  }

  private static List<StepRecord> steps(SimulationResult outcome, String step) {
    return outcome.steps().stream().filter(s -> s.step().equals(step)).toList();
  }

  private static StepRecord only(SimulationResult outcome, String step) {
    List<StepRecord> found = steps(outcome, step);
    assertThat(found).as("steps \"%s\"", step).hasSize(1);
    return found.get(0);
  }

  private static Instant end(StepRecord step) {
    return step.start().plus(step.duration());
  }

  private static void assertRunningWithEveryRoleOnline(SimulatedCluster cluster) {
    assertThat(cluster.isRunning()).isTrue();
    assertThat(cluster.roleStates()).isNotEmpty().allSatisfy((role, state) -> assertThat(state).as(role).isEqualTo(RoleState.ONLINE));
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void refusesToStartWithoutTheAcknowledgementAndTouchesNothing() {
    SimulatedCluster cluster = fourNodes().build();

    assertThatThrownBy(() -> Simulation.runOffline(cluster, OPTIONS, null))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo("OfflineUpdate");
          assertThat(e.value()).isEqualTo("null");
        })
        .hasMessageContaining("\"OfflineUpdate\" must be OfflineUpdate.WORKLOADS_GO_OFFLINE")
        .hasMessageContaining("every clustered role of cluster \"offline4\" goes offline")
        .hasMessageEndingWith("but was null");
    assertThat(cluster.steps()).isEmpty();
    assertThat(cluster.history()).isEmpty();
    assertRunningWithEveryRoleOnline(cluster);
  }

  @Test
  void checksTheOptionsAgainstTheClusterBeforeAnythingIsTouched() {
    SimulatedCluster cluster = fourNodes().build();

    assertThatThrownBy(() -> Simulation.runOffline(cluster, Simulation.options().maxFailedNodes(4).build(), ACK))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"MaxFailedNodes\"");
    assertThat(cluster.steps()).isEmpty();
    assertThat(cluster.history()).isEmpty();
  }

  @Test
  void aControllerWithoutOfflineSupportFailsTheRunAndNoNodeIsUpdated() {
    SimulatedCluster cluster = fourNodes().build();
    ClusterController rollingOnly = new ClusterController() {
      @Override
      public String name() {
        return cluster.name();
      }

      @Override
      public ClusterSnapshot snapshot() {
        return cluster.snapshot();
      }

      @Override
      public NodeController node(String name) {
        return cluster.node(name);
      }
    };
    OfflineRunner driver = new OfflineRunner(cluster, rollingOnly);

    RunResult result = driver.runOffline(OPTIONS);

    assertThat(result.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(result.reason())
        .contains("Cluster \"offline4\" could not be stopped for the offline update")
        .contains("The controller of cluster \"offline4\" does not support offline updating: it cannot stop the cluster")
        .contains("Starting it again, in case part of it had stopped, failed too");
    assertThat(result.nodeResults()).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(SummaryStatus.CANCELED);
      assertThat(r.reason()).startsWith("Not updated: Cluster \"offline4\" could not be stopped");
    });
    assertThat(cluster.steps()).allSatisfy(s -> assertThat(s.step()).isIn("scan", "stage"));
    assertRunningWithEveryRoleOnline(cluster);
  }

  // ---------------------------------------------------------------- a four-node offline update

  @Test
  void everyNodeGetsEveryUpdateIncludingTheOneThatAppearsAfterTheRestart() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().reason()).isNull();
    assertThat(outcome.result().nodeResults()).hasSize(4).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED);
      assertThat(r.succeededUpdates()).isEqualTo(4);
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.restarts()).isEqualTo(1);
      assertThat(r.restartPending()).isFalse();
    });
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.installedUpdates()).containsExactly("KB5001", "KB5002", "KB5003", "KB5004");
      node.installedUpdates().forEach(u -> assertThat(node.installCount(u)).isEqualTo(1));
    }
    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend") || s.step().equals("resume"));
  }

  @Test
  void everyNodeIsInstalledAndRestartedAtOnceSoTheRunTakesTheSlowestNodeNotTheSum() {
    SimulatedCluster cluster = fourNodes().build();
    int[] down = {0};
    cluster.observe(c -> down[0] = Math.max(down[0],
        (int) c.nodes().stream().filter(n -> n.state() == NodeState.DOWN).count()));

    SimulationResult offline = Simulation.runOffline(cluster, OPTIONS, ACK);
    SimulationResult rolling = Simulation.run(fourNodes().build(), OPTIONS);

    assertThat(offline.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(rolling.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    Timings t = cluster.timings();
    assertThat(offline.virtualDuration()).isEqualTo(offlineDuration(t, Duration.ZERO)).isEqualTo(Duration.ofMinutes(34));
    // The rolling run takes each node in turn: the sum of the installs (66 min) and four drains,
    // restarts, re-scans and resumes.
    assertThat(offline.virtualDuration().multipliedBy(3)).isLessThan(rolling.virtualDuration());
    assertThat(down[0]).as("nodes down at the same moment").isEqualTo(4);
    List<Instant> installsStart = offline.steps().stream().filter(s -> s.step().startsWith("install")).map(StepRecord::start).distinct().toList();
    assertThat(installsStart).as("every node starts installing at the same moment").hasSize(1);
  }

  @Test
  void rolesAreOfflineWhileNodesAreUpdatedAndOnlineOnTheirOwnersAfterwards() {
    SimulatedCluster cluster = fourNodes().build();
    Map<String, String> ownersBefore = cluster.roleOwners();
    List<String> rolesOnlineWhileANodeWasDown = new ArrayList<>();
    cluster.observe(c -> {
      if (c.nodes().stream().anyMatch(n -> n.state() == NodeState.DOWN)) {
        c.roleStates().forEach((role, state) -> {
          if (state != RoleState.OFFLINE) {
            rolesOnlineWhileANodeWasDown.add(c.simulator().now() + " " + role + " " + state);
          }
        });
      }
    });

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    StepRecord stop = only(outcome, "stop cluster");
    StepRecord start = only(outcome, "start cluster");
    assertThat(stop.node()).isEqualTo("offline4");
    assertThat(start.node()).isEqualTo("offline4");
    List<StepRecord> window = outcome.steps().stream()
        .filter(s -> s.step().startsWith("install") || s.step().startsWith("restart")).toList();
    assertThat(window).hasSize(8).allSatisfy(s -> {
      assertThat(s.start()).isAfterOrEqualTo(end(stop));
      assertThat(s.start()).isBefore(start.start());
    });
    assertThat(outcome.steps().get(outcome.steps().size() - 1)).isEqualTo(start);
    assertThat(outcome.history()).extracting(ClusterChange::description)
        .contains("role \"vm-1\" is offline on \"n1\"", "cluster \"offline4\" is stopped",
            "cluster \"offline4\" is started", "role \"vm-1\" is online on \"n1\"");
    assertThat(rolesOnlineWhileANodeWasDown).isEmpty();
    assertRunningWithEveryRoleOnline(cluster);
    assertThat(cluster.roleOwners()).isEqualTo(ownersBefore);
  }

  @Test
  void theRunReportsTheClusterStopAndStartAndTheUsualNodeEvents() {
    SimulationResult outcome = Simulation.runOffline(fourNodes().build(), OPTIONS, ACK);

    List<RunEvent> events = outcome.events();
    assertThat(events.get(0)).isInstanceOf(RunStarted.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunFinished.class);
    assertThat(events).filteredOn(NodeFinished.class::isInstance).hasSize(4);
    assertThat(events).filteredOn(OperationMessage.class::isInstance)
        .extracting(e -> ((OperationMessage) e).message())
        .anySatisfy(m -> assertThat(m).startsWith("Stopping cluster \"offline4\" for the offline update"))
        .anySatisfy(m -> assertThat(m).startsWith("Starting cluster \"offline4\" again"));
  }

  @Test
  void twoRunsOfTheSameClusterAreIdentical() {
    SimulationResult first = Simulation.runOffline(Clusters.cluster(4, true).build(), OPTIONS, ACK);
    SimulationResult second = Simulation.runOffline(Clusters.cluster(4, true).build(), OPTIONS, ACK);

    assertThat(second.events()).isEqualTo(first.events());
    assertThat(second.steps()).isEqualTo(first.steps());
    assertThat(second.journal()).isEqualTo(first.journal());
  }

  @Test
  void aClusterWithNothingToInstallIsNotStopped() {
    SimulatedCluster cluster = SimulatedCluster.builder("current").node("n1").node("n2").node("n3")
        .role("vm", "n1").build();

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.steps()).extracting(StepRecord::step).containsOnly("scan");
    assertThat(outcome.history()).isEmpty();
    assertRunningWithEveryRoleOnline(cluster);
  }

  // ---------------------------------------------------------------- failures

  @Test
  void aNodeThatNeverReturnsIsFailedAndTheClusterIsStillStartedWithItsRoleElsewhere() {
    SimulatedCluster cluster = fourNodes("n2", SimulatedCluster.NodeSpec::neverReturnsFromRestart).build();

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    NodeResult n2 = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(n2.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n2.reason()).isEqualTo(
        "Node \"n2\" did not come back within the reboot timeout of 15 minutes; it was left not running");
    assertThat(outcome.result().nodeResults()).filteredOn(r -> !r.node().equals("n2"))
        .hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(outcome.result().reason()).isEqualTo("1 of 4 nodes did not succeed");

    StepRecord n2Restart = outcome.steps().stream().filter(s -> s.node().equals("n2") && s.step().startsWith("restart")).findFirst().orElseThrow();
    StepRecord start = only(outcome, "start cluster");
    assertThat(start.start()).isAfterOrEqualTo(n2Restart.start().plus(RunOptions.DEFAULT_REBOOT_TIMEOUT));
    assertThat(cluster.node("n2").state()).isEqualTo(NodeState.DOWN);
    assertRunningWithEveryRoleOnline(cluster);
    assertThat(cluster.roleOwners().get("vm-2")).isNotEqualTo("n2");
    assertThat(outcome.history()).extracting(ClusterChange::description)
        .contains("role \"vm-2\" is online on \"" + cluster.roleOwners().get("vm-2") + "\" because its owner \"n2\" is not up");
  }

  @Test
  void aNodeWhoseInstallFailsIsFailedAndTheOthersAreUpdated() {
    SimulatedCluster cluster = fourNodes().build();

    SimulationResult outcome = Simulation.startOffline(cluster, RunOptions.builder().plugin(Failing.NAME).build(), ACK,
        List.of(new Failing(Set.of(), Set.of("n3")))).complete();

    NodeResult n3 = outcome.result().nodeResult("n3").orElseThrow();
    assertThat(n3.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(n3.reason()).contains("InstallUpdates on node \"n3\" failed").contains("the installer crashed");
    assertThat(n3.restarts()).isZero();
    assertThat(cluster.node("n3").installedUpdates()).isEmpty();
    assertThat(outcome.result().nodeResults()).filteredOn(r -> !r.node().equals("n3"))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertRunningWithEveryRoleOnline(cluster);
  }

  @Test
  void moreThanMaxFailedNodesFailingToScanEndTheRunWithoutStoppingTheCluster() {
    SimulatedCluster cluster = fourNodes().build();

    SimulationResult outcome = Simulation.startOffline(cluster,
        RunOptions.builder().plugin(Failing.NAME).maxFailedNodes(1).build(), ACK,
        List.of(new Failing(Set.of("n1", "n2"), Set.of()))).complete();

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason())
        .isEqualTo("2 nodes failed, more than MaxFailedNodes (1) while the nodes were prepared; the cluster was not stopped");
    assertThat(outcome.result().nodeResult("n1").orElseThrow().reason()).contains("the update source does not answer");
    assertThat(outcome.result().nodeResult("n3").orElseThrow().status()).isEqualTo(SummaryStatus.CANCELED);
    assertThat(outcome.steps()).extracting(StepRecord::step).containsOnly("scan", "stage");
    assertThat(outcome.history()).isEmpty();
  }

  @Test
  void aClusterThatCannotBeStartedAgainFailsTheRunAndSaysItWasLeftStopped() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("lost");
    for (String name : List.of("n1", "n2", "n3")) {
      builder.node(name, n -> n.neverReturnsFromRestart().updates(SimulatedUpdate.of("KB1", "Update").requiringRestart()));
    }
    SimulatedCluster cluster = builder.role("vm", "n1").build();

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason())
        .startsWith("Cluster \"lost\" could not be started again and was left stopped")
        .contains("no node is up");
    assertThat(outcome.result().nodeResults()).allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.FAILED));
    assertThat(steps(outcome, "start cluster")).hasSize(1);
    assertThat(cluster.isRunning()).isFalse();
  }

  // ---------------------------------------------------------------- storage

  @Test
  void theRunEndsOnlyOnceStorageHasResyncedAfterTheStart() {
    Timings timings = Timings.defaults().withStorageResync(Duration.ofMinutes(20));
    SimulatedCluster cluster = fourNodes().timings(timings).build();

    SimulationResult outcome = Simulation.runOffline(cluster, OPTIONS, ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.virtualDuration()).isEqualTo(offlineDuration(timings, Duration.ofMinutes(20)));
    Instant healthy = outcome.history().stream().filter(c -> c.description().equals("storage is healthy"))
        .map(ClusterChange::at).reduce((a, b) -> b).orElseThrow();
    assertThat(healthy).isAfter(end(only(outcome, "start cluster")));
    assertThat(outcome.result().finishedAt()).isAfterOrEqualTo(healthy);
    assertThat(cluster.storage().isSettled()).isTrue();
  }

  @Test
  void storageThatStaysDegradedPastTheTimeoutFailsTheRunWithTheClusterRunning() {
    SimulatedCluster cluster = fourNodes().timings(Timings.defaults().withStorageResync(Duration.ofMinutes(90))).build();

    SimulationResult outcome = Simulation.runOffline(cluster,
        Simulation.options().waitForStorageRepairTimeout(Duration.ofMinutes(30)).build(), ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason())
        .startsWith("Storage did not finish repairing within WaitForStorageRepairTimeoutMinutes (30 minutes)"
            + " after cluster \"offline4\" was started again")
        .contains("DEGRADED");
    assertThat(outcome.result().nodeResults()).allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.SUCCEEDED));
    assertThat(Duration.between(end(only(outcome, "start cluster")), outcome.result().finishedAt()))
        .isLessThanOrEqualTo(Duration.ofMinutes(30));
    assertRunningWithEveryRoleOnline(cluster);
  }

  // ---------------------------------------------------------------- scripts and cancel

  @Test
  void scriptsRunOnEveryNodeAfterTheStopAndAfterTheStart() {
    SimulatedCluster cluster = fourNodes().build();

    SimulationResult outcome = Simulation.runOffline(cluster,
        Simulation.options().preUpdateScript("pre.ps1").postUpdateScript("post.ps1").build(), ACK);

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    Instant stopped = end(only(outcome, "stop cluster"));
    Instant started = end(only(outcome, "start cluster"));
    assertThat(steps(outcome, "script pre.ps1")).hasSize(4).allSatisfy(s -> assertThat(s.start()).isEqualTo(stopped));
    assertThat(steps(outcome, "script post.ps1")).hasSize(4).allSatisfy(s -> assertThat(s.start()).isEqualTo(started));
  }

  @Test
  void aCancelAtAnyEventEndsTheRunWithTheClusterRunningAndUntouchedNodesCanceled() {
    List<RunEvent> baseline = Simulation.runOffline(fourNodes().build(), OPTIONS, ACK).events();
    assertThat(baseline).hasSizeGreaterThan(30);

    for (int cancelAfter = 0; cancelAfter < baseline.size() - 1; cancelAfter++) {
      SimulatedCluster cluster = fourNodes().build();
      int target = cancelAfter;
      int[] seen = {0};
      AtomicReference<SimulatedRun> handle = new AtomicReference<>();
      SimulatedRun started = Simulation.startOffline(cluster, OPTIONS, ACK, List.of(), event -> {
        if (seen[0]++ == target) {
          assertThat(handle.get().run().cancel()).isTrue();
        }
      });
      handle.set(started);
      SimulationResult outcome = started.complete();
      String at = "cancel after event " + cancelAfter + " (" + baseline.get(cancelAfter).getClass().getSimpleName() + ")";

      assertThat(outcome.result().status()).as(at).isIn(SummaryStatus.CANCELED, SummaryStatus.SUCCEEDED);
      assertThat(steps(outcome, "stop cluster")).as(at).hasSizeLessThanOrEqualTo(1);
      assertThat(steps(outcome, "start cluster")).as(at).hasSameSizeAs(steps(outcome, "stop cluster"));
      assertThat(cluster.nodes()).as(at).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
      assertRunningWithEveryRoleOnline(cluster);
      for (NodeResult node : outcome.result().nodeResults()) {
        if (node.installResults().isEmpty()) {
          assertThat(node.status()).as("%s: untouched %s", at, node.node()).isEqualTo(SummaryStatus.CANCELED);
        } else {
          assertThat(node.status()).as("%s: %s", at, node.node()).isNotEqualTo(SummaryStatus.CANCELED);
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Runs an offline update through the engine against any controller, in the cluster's time. */
  private record OfflineRunner(SimulatedCluster simulated, ClusterController controller) {
    RunResult runOffline(RunOptions options) {
      UpdateCoordinator coordinator = UpdateCoordinator.builder(controller)
          .plugins(PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).build())
          .execution(simulated.simulator().execution())
          .runIds(() -> new RunId(new UUID(0L, 1L)))
          .build();
      var run = coordinator.startOfflineUpdate(options, ACK);
      assertThat(simulated.simulator().runUntil(run.completion()::isDone)).isTrue();
      return run.completion().join();
    }
  }

  /** The in-memory plug-in, except that scanning or installing on some nodes throws. */
  record Failing(Set<String> scanFailsOn, Set<String> installFailsOn) implements UpdatePluginProvider {
    static final String NAME = "Vendor.Failing";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      InMemoryUpdatePlugin delegate = new InMemoryUpdatePlugin();
      return new UpdatePlugin() {
        @Override
        public List<Update> scan(PluginContext context) {
          if (scanFailsOn.contains(context.nodeName())) {
            throw new PluginFailureException("SourceUnreachable", "the update source does not answer");
          }
          return delegate.scan(context);
        }

        @Override
        public void stage(PluginContext context, List<Update> updates) {
          delegate.stage(context, updates);
        }

        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          if (installFailsOn.contains(context.nodeName())) {
            throw new PluginFailureException("InstallerCrashed", "the installer crashed");
          }
          return delegate.install(context, updates);
        }
      };
    }
  }
}
