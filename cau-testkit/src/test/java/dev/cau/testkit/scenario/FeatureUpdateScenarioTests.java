package dev.cau.testkit.scenario;

import static dev.cau.testkit.scenario.FeatureUpdateScenario.NEW_BUILD;
import static dev.cau.testkit.scenario.FeatureUpdateScenario.NEW_LEVEL;
import static dev.cau.testkit.scenario.FeatureUpdateScenario.NODES;
import static dev.cau.testkit.scenario.FeatureUpdateScenario.OLD_BUILD;
import static dev.cau.testkit.scenario.FeatureUpdateScenario.OLD_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.event.NodeFinished;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.featureupdate.FeatureUpdateFlow;
import dev.cau.core.featureupdate.FlowStep;
import dev.cau.core.featureupdate.FlowStep.Outcome;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import dev.cau.core.featureupdate.PostUpgradeRequest;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.cluster.SetupExitCodes;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The seed's 22H2 to 23H2 upgrade of a 4-node cluster, as a testkit scenario walked through core's flow. */
class FeatureUpdateScenarioTests {
  private static final String PLUGIN = "Simulated.FeatureUpdate";
  private static final ConformanceContext CONTEXT = ConformanceContext.on(ConformanceNode.empty());

  private final SimulatedCluster cluster = FeatureUpdateScenario.hci22H2To23H2();
  private final MixedOsTracker tracker = new MixedOsTracker();
  private final List<MixedOsStatus> afterEachNode = new ArrayList<>();

  private FeatureUpdateFlow flow() {
    AtomicLong ids = new AtomicLong();
    UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
        .plugins(PluginRegistry.builder().register(InMemoryUpdatePluginProvider.restartingNodes(PLUGIN, "feature-"))
            .build())
        .execution(cluster.simulator().execution())
        .runIds(() -> new RunId(new UUID(ids.incrementAndGet(), 22)))
        .identity(CoordinatorIdentity.remote("coordinator", "outside-the-cluster"))
        .listener(tracker)
        .listener(event -> {
          if (event instanceof NodeFinished) {
            afterEachNode.add(tracker.status());
          }
        })
        .build();
    RunOptions upgrade = RunOptions.builder().plugin(new PluginSelection(PLUGIN, Map.of())).build();
    return FeatureUpdateFlow.builder(coordinator, cluster, upgrade, cluster.simulator().clock()).tracker(tracker)
        .driver(future -> cluster.simulator().runUntil(future::isDone)).build();
  }

  @Test
  void everyNodeStartsOn22H2OfferedTheSameFeatureUpdate() {
    assertThat(cluster.nodes()).extracting(SimulatedNode::osVersion, SimulatedNode::osBuild)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("22H2", OLD_BUILD));

    FlowStep scan = flow().scan();

    assertThat(scan.outcome()).as(scan.toString()).isEqualTo(Outcome.DONE);
    assertThat(scan.summary()).contains("23H2 (build 25398.469)");
  }

  @Test
  void theUpgradeMovesEveryNodeInTurnThroughMixedOsModeAndTheLevelRisesOnlyWhenConfirmed() {
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);
    FeatureUpdateFlow flow = flow();

    FlowStep run = flow.run();

    assertThat(run.outcome()).as(run.toString()).isEqualTo(Outcome.DONE);
    assertThat(cluster.nodes()).extracting(SimulatedNode::osBuild).containsOnly(NEW_BUILD);
    NODES.forEach(n -> assertThat(cluster.node(n).restarts()).as(n).isEqualTo(SetupExitCodes.SETUP_RESTARTS));
    assertThat(monitor.violations()).isEmpty();
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(1);
    assertThat(afterEachNode).extracting(MixedOsStatus::mixed).containsExactly(true, true, true, false);
    assertThat(cluster.functionalLevel(CONTEXT).highestSupported()).isEqualTo(NEW_LEVEL);

    assertThat(flow.finish(PostUpgradeRequest.UNCONFIRMED).get(0).outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(cluster.functionalLevel(CONTEXT).current()).isEqualTo(OLD_LEVEL);
    assertThat(flow.finish(PostUpgradeRequest.CONFIRMED)).extracting(FlowStep::outcome)
        .containsExactly(Outcome.DONE, Outcome.DONE, Outcome.SKIPPED, Outcome.DONE, Outcome.DONE);
    assertThat(cluster.functionalLevel(CONTEXT).current()).isEqualTo(NEW_LEVEL);
  }

  @Test
  void aFeatureUpdateThatSetupBlocksLeavesTheNodeOnItsOldBuild() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("c");
    builder.node("a", spec -> spec.updates(FeatureUpdateScenario.featureUpdate()
        .failingWith(SetupExitCodes.COMPAT_INSTALLREQ_BLOCK)));
    SimulatedCluster blocked = builder.build();
    blocked.node("a").operatingSystem("22H2", OLD_BUILD);

    assertThat(blocked.node("a").scan()).singleElement()
        .satisfies(u -> assertThat(u.facts().targetBuild()).isEqualTo(NEW_BUILD));
    assertThat(blocked.node("a").install(blocked.node("a").scan(), dev.cau.api.CancellationSignal.NEVER,
        blocked.simulator().clock())).singleElement().satisfies(r -> assertThat(r.errorCode())
            .isEqualTo(SetupExitCodes.COMPAT_INSTALLREQ_BLOCK));
    assertThat(blocked.node("a").osBuild()).isEqualTo(OLD_BUILD);
  }

  @Test
  void theOptInVmVersionUpgradeNamesEachRunningVmAndUpgradesTheOnesShutDown() {
    cluster.vmConfigurationVersion("vm-n1", "9.0", "12.0");
    cluster.vmConfigurationVersion("vm-n2", "9.0", "12.0");
    FeatureUpdateFlow flow = flow();
    flow.run();
    PostUpgradeRequest request = PostUpgradeRequest.CONFIRMED.withVmVersionUpgrade();

    List<FlowStep> running = flow.finish(request);

    FlowStep vms = running.get(2);
    assertThat(vms.step()).isEqualTo(FlowStep.Step.UPGRADE_VM_VERSIONS);
    assertThat(vms.outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(vms.summary()).contains("node \"n1\": VM \"vm-n1\" is running: shut it down");
    assertThat(vms.details()).contains("node \"n2\": blocked: VM \"vm-n2\" is running: shut it down to upgrade its"
        + " configuration version from 9.0 to 12.0", "node \"n3\": nothing to do");
    assertThat(running).hasSize(3);
    assertThat(cluster.vmConfigurationVersion("vm-n1")).isEqualTo("9.0");

    cluster.shutDownRole("vm-n1");
    cluster.shutDownRole("vm-n2");
    List<FlowStep> shutDown = flow.finish(request);

    assertThat(shutDown.get(2).outcome()).as(shutDown.get(2).toString()).isEqualTo(Outcome.DONE);
    assertThat(shutDown.get(2).details()).contains("node \"n1\": VM \"vm-n1\" from 9.0 to 12.0");
    assertThat(cluster.vmConfigurationVersion("vm-n2")).isEqualTo("12.0");
  }

  @Test
  void theVmVersionUpgradeIsRefusedBeforeTheFunctionalLevelIsRaised() {
    cluster.vmConfigurationVersion("vm-n1", "9.0", "12.0");
    FeatureUpdateFlow flow = flow();
    flow.run();

    List<FlowStep> steps = flow.finish(new PostUpgradeRequest(false, false, false, false, true, false));

    assertThat(steps.get(2).outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(steps.get(2).summary()).contains("the functional level is still 11; raise it first");
    assertThat(cluster.vmConfigurationVersion("vm-n1")).isEqualTo("9.0");
  }

  @Test
  void failoverVerificationNamesTheNodeAndTheRoleWithNowhereToGo() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("c");
    List.of("a", "b").forEach(builder::node);
    builder.role("pinned", "a", List.of("a"));
    builder.role("free", "b");
    SimulatedCluster pinned = builder.build();
    UpdateCoordinator coordinator = UpdateCoordinator.builder(pinned)
        .plugins(PluginRegistry.builder().register(InMemoryUpdatePluginProvider.restartingNodes(PLUGIN, "")).build())
        .execution(pinned.simulator().execution()).build();
    FeatureUpdateFlow flow = FeatureUpdateFlow.builder(coordinator, pinned,
        RunOptions.builder().plugin(new PluginSelection(PLUGIN, Map.of())).build(), pinned.simulator().clock())
        .driver(future -> pinned.simulator().runUntil(future::isDone)).build();

    List<FlowStep> steps = flow.finish(new PostUpgradeRequest(false, false, false, true, false, true));

    FlowStep failover = steps.get(3);
    assertThat(failover.step()).isEqualTo(FlowStep.Step.VERIFY_FAILOVER);
    assertThat(failover.outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(failover.summary()).contains("node \"a\": role \"pinned\" has no other node up to fail over to");
    assertThat(failover.details()).contains("node \"b\": role \"free\" can fail over to \"a\"");
    assertThat(steps).hasSize(4);
  }
}
