package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.UpgradeNodes.FEATURE_23H2;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.NEW_BUILD;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.NEW_LEVEL;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.OLD_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.StoragePoolVersion;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.event.NodeFinished;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.featureupdate.FeatureUpdateFlow;
import dev.cau.core.featureupdate.FlowStep;
import dev.cau.core.featureupdate.FlowStep.Outcome;
import dev.cau.core.featureupdate.FlowStep.Step;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import dev.cau.core.featureupdate.PostUpgradeRequest;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.status.RunStatus;
import dev.cau.plugin.windowsupdate.WindowsUpdatePluginProvider;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The seed's feature update, Azure Stack HCI 22H2 to 23H2 on a 4-node cluster, walked through
 * core's feature-update flow with the real plug-in (Windows Update connected, as the seed runs it)
 * on the simulator in virtual time; and the conditions of the irreversible functional-level raise.
 */
class FeatureUpdateFlowTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");
  private static final CatalogueUpdate CUMULATIVE = CatalogueUpdate.important("5034129",
      "2024-01 Cumulative Update for Azure Stack HCI (KB5034129)");
  private static final ConformanceContext CONTEXT = ConformanceContext.on(ConformanceNode.empty());

  private SimulatedCluster cluster;
  private UpgradeNodes nodes;
  private final MixedOsTracker tracker = new MixedOsTracker();
  private final List<MixedOsStatus> seenAfterEachNode = new ArrayList<>();
  private final List<RunStatus> statusAfterEachNode = new ArrayList<>();
  private final AtomicReference<UpdateCoordinator> coordinatorRef = new AtomicReference<>();
  private FeatureUpdateFlow flow;

  private void build(String... downNodes) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("hci-cluster1");
    List<String> down = List.of(downNodes);
    NODES.forEach(n -> builder.node(n, spec -> spec.state(down.contains(n) ? NodeState.DOWN : NodeState.UP)));
    NODES.stream().filter(n -> !down.contains(n)).forEach(n -> builder.role("vm-" + n, n));
    cluster = builder.build();
    nodes = new UpgradeNodes(cluster);
    NODES.forEach(n -> nodes.withWindowsUpdate(n, CUMULATIVE, FEATURE_23H2));
    cluster.storagePool("S2D on hci-cluster1", "10", true);
    AtomicLong ids = new AtomicLong();
    UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
        .plugins(PluginRegistry.builder().register(new RollingUpgradePluginProvider())
            .register(new WindowsUpdatePluginProvider()).build())
        .execution(cluster.simulator().execution())
        .runIds(() -> new RunId(new UUID(ids.incrementAndGet(), 16)))
        .identity(CoordinatorIdentity.remote("coordinator", "outside-the-cluster"))
        .listener(tracker)
        .listener(event -> {
          if (event instanceof NodeFinished) {
            seenAfterEachNode.add(tracker.status());
            statusAfterEachNode.add(coordinatorRef.get().status());
          }
        })
        .build();
    coordinatorRef.set(coordinator);
    RunOptions upgrade = RunOptions.builder().plugin(new PluginSelection(RollingUpgradePluginProvider.NAME,
        Map.of(RollingUpgradePluginProvider.WU_CONNECTED, "true",
            RollingUpgradePluginProvider.UPDATE_CLUSTER_FUNCTIONAL_LEVEL, "true"))).build();
    RunOptions further = RunOptions.builder().plugin(new PluginSelection(WindowsUpdatePluginProvider.NAME, Map.of()))
        .build();
    flow = FeatureUpdateFlow.builder(coordinator, cluster, upgrade, cluster.simulator().clock())
        .furtherUpdates(further)
        .tracker(tracker)
        .driver(future -> cluster.simulator().runUntil(future::isDone))
        .build();
  }

  private int level() {
    return cluster.functionalLevel(CONTEXT).current();
  }

  private long raises() {
    return cluster.steps().stream().filter(s -> s.step().equals("raise functional level")).count();
  }

  @Test
  void theSeeds22H2To23H2UpgradeOfAFourNodeClusterGoesStepByStep() {
    build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    FlowStep readiness = flow.readiness();
    FlowStep scan = flow.scan();
    FlowStep run = flow.run();
    FlowStep further = flow.checkForFurtherUpdates();

    assertThat(readiness.outcome()).as(readiness.toString()).isEqualTo(Outcome.DONE);
    assertThat(scan.outcome()).as(scan.toString()).isEqualTo(Outcome.DONE);
    assertThat(scan.summary()).contains("23H2 (build 25398.469)");
    assertThat(scan.details()).containsExactly("node \"n1\" is offered 23H2 (build 25398.469)",
        "node \"n2\" is offered 23H2 (build 25398.469)", "node \"n3\" is offered 23H2 (build 25398.469)",
        "node \"n4\" is offered 23H2 (build 25398.469)");
    assertThat(run.outcome()).as(run.toString()).isEqualTo(Outcome.DONE);
    NODES.forEach(n -> assertThat(nodes.system(n).build()).as(n).isEqualTo(NEW_BUILD));
    assertThat(monitor.violations()).isEmpty();
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(1);

    // Mixed-OS mode while some nodes ran 23H2 and some 22H2, dated from the first upgrade.
    assertThat(seenAfterEachNode).hasSize(4);
    assertThat(seenAfterEachNode.subList(0, 3)).allSatisfy(s -> assertThat(s.mixed()).isTrue());
    assertThat(seenAfterEachNode.get(0).upgraded()).containsExactly("n1");
    assertThat(seenAfterEachNode.get(2).notUpgraded()).containsExactly("n4");
    assertThat(seenAfterEachNode.subList(0, 3)).extracting(MixedOsStatus::since).containsOnly(seenAfterEachNode.get(0).since());
    assertThat(seenAfterEachNode.get(1).describe()).startsWith("Mixed-OS mode since " + seenAfterEachNode.get(0).since()
        + ": n1, n2 run 23H2 (build 25398.469), n3, n4 still run the old version");
    assertThat(seenAfterEachNode.get(3).mixed()).isFalse();
    assertThat(run.details()).last().asString().contains("no longer mixed");

    assertThat(further.outcome()).isEqualTo(Outcome.DONE);
    assertThat(further.details()).allSatisfy(d -> assertThat(d).contains(CUMULATIVE.title()));

    // The irreversible step: refused without the confirmation, done once with it, then the pool.
    List<FlowStep> unconfirmed = flow.finish(PostUpgradeRequest.UNCONFIRMED);
    assertThat(unconfirmed).singleElement().satisfies(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.STOPPED);
      assertThat(s.summary()).contains("without confirmation: it is irreversible");
    });
    assertThat(level()).isEqualTo(OLD_LEVEL);

    List<FlowStep> finished = flow.finish(PostUpgradeRequest.CONFIRMED);
    assertThat(finished).extracting(FlowStep::step, FlowStep::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Step.RAISE_FUNCTIONAL_LEVEL, Outcome.DONE),
        org.assertj.core.groups.Tuple.tuple(Step.UPGRADE_STORAGE_POOL, Outcome.DONE),
        org.assertj.core.groups.Tuple.tuple(Step.UPGRADE_VM_VERSIONS, Outcome.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Step.VERIFY_FAILOVER, Outcome.DONE),
        org.assertj.core.groups.Tuple.tuple(Step.VALIDATE, Outcome.DONE));
    assertThat(finished.get(0).summary()).isEqualTo("Raised the functional level from 11 to 12");
    assertThat(level()).isEqualTo(NEW_LEVEL);
    assertThat(cluster.storagePoolVersion(CONTEXT)).isEqualTo(new StoragePoolVersion("S2D on hci-cluster1", "11", false));
    List<String> order = cluster.steps().stream().map(StepRecord::step)
        .filter(s -> s.equals("raise functional level") || s.equals("upgrade storage pool") || s.equals("validate")
            || s.equals("verify failover"))
        .toList();
    assertThat(order).endsWith("raise functional level", "upgrade storage pool", "verify failover", "verify failover",
        "verify failover", "verify failover", "validate");

    List<FlowStep> again = flow.finish(PostUpgradeRequest.CONFIRMED);
    assertThat(again.get(0).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(raises()).isEqualTo(1);
  }

  @Test
  void raisingWithAPausedNodeIsRefusedNamingIt() {
    build();
    flow.run();
    cluster.node("n2").suspend(SuspendRequest.DEFAULT, CONTEXT);

    List<FlowStep> steps = flow.finish(PostUpgradeRequest.CONFIRMED);

    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.STOPPED);
      assertThat(s.details()).contains("node \"n2\" is PAUSED: every node must be up and not paused");
    });
    assertThat(raises()).isZero();
    assertThat(level()).isEqualTo(OLD_LEVEL);
  }

  @Test
  void raisingWithADownNodeIsRefusedNamingIt() {
    build("n4");
    FlowStep run = flow.run();
    assertThat(run.outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(run.summary()).contains("refused before any node was touched").contains("n4");

    List<FlowStep> steps = flow.finish(PostUpgradeRequest.CONFIRMED);

    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.STOPPED);
      assertThat(s.details()).contains("node \"n4\" is DOWN: every node must be up and not paused");
    });
    assertThat(raises()).isZero();
  }

  @Test
  void raisingWithANodeNotUpgradedIsRefusedNamingIt() {
    build();
    nodes.system("n3").rollsBack();
    flow.run();

    List<FlowStep> steps = flow.finish(PostUpgradeRequest.CONFIRMED);

    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.STOPPED);
      assertThat(s.details()).anySatisfy(d -> assertThat(d).startsWith("node \"n3\" did not succeed in the run"));
    });
    assertThat(raises()).isZero();
    assertThat(level()).isEqualTo(OLD_LEVEL);
  }

  @Test
  void withoutBeingAskedTheLevelIsLeftAloneAndTheNodesCanStillGoBack() {
    build();
    flow.run();

    List<FlowStep> steps = flow.finish(new PostUpgradeRequest(false, false, true, false));

    assertThat(steps).extracting(FlowStep::outcome).containsOnly(Outcome.SKIPPED).hasSize(5);
    assertThat(steps.get(1).summary()).contains("upgraded after the functional level is raised");
    assertThat(raises()).isZero();
  }

  @Test
  void theEnginesStatusSaysTheClusterIsMixedAndSinceWhenWhileTheRunGoesOn() {
    build();

    flow.run();

    assertThat(statusAfterEachNode).hasSize(4);
    Instant since = seenAfterEachNode.get(0).since();
    assertThat(since).isNotNull();
    assertThat(statusAfterEachNode.subList(0, 3)).allSatisfy(s -> {
      assertThat(s.mixedOs().mixed()).isTrue();
      assertThat(s.mixedOs().since()).isEqualTo(since);
    });
    assertThat(statusAfterEachNode.get(1).mixedOs().upgraded()).containsExactly("n1", "n2");
    assertThat(statusAfterEachNode.get(1).mixedOs().notUpgraded()).containsExactly("n3", "n4");
    assertThat(statusAfterEachNode.get(3).mixedOs().mixed()).isFalse();
  }
}
