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
        .containsExactly(Outcome.DONE, Outcome.DONE, Outcome.DONE);
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
}
