package dev.cau.testkit.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.MissingCapabilityException;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.readiness.FindingState;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.readiness.ClusterNotReadyException;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plug-in refuses a run before any node is touched: by a readiness rule, a missing capability, or after the first scan. */
class PluginChecksTests {
  private static final RunOptions OPTIONS = RunOptions.builder().plugin(CheckingPlugin.NAME).build();

  private static SimulatedCluster cluster(SimulatedUpdate n3Update) {
    SimulatedUpdate common = SimulatedUpdate.of("FU-23H2", "Feature update to 23H2").requiringRestart();
    return SimulatedCluster.builder("hci")
        .node("n1", n -> n.updates(common))
        .node("n2", n -> n.updates(common))
        .node("n3", n -> n.updates(n3Update))
        .role("vm1", "n1").role("vm2", "n2")
        .build();
  }

  private static SimulatedCoordinator coordinator(SimulatedCluster cluster, CheckingPlugin plugin) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1")).plugins(List.of(plugin)).build();
  }

  private static RunResult run(SimulatedCluster cluster, SimulatedCoordinator coordinator) {
    UpdatingRun run = coordinator.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(run.completion()::isDone);
    return run.completion().join();
  }

  @Test
  void aFailingErrorRuleRefusesTheRunWithTheClusterUntouched() {
    SimulatedCluster cluster = cluster(SimulatedUpdate.of("FU-23H2", "Feature update to 23H2"));
    ReadinessRule media = ReadinessRule.of("Test.Checking.media", "The setup media must be reachable", Severity.ERROR,
        "Copy the media to every node.", c -> RuleOutcome.failed("n2 cannot read D:\\media\\setup.exe"));
    SimulatedCoordinator coordinator = coordinator(cluster, new CheckingPlugin(List.of(media), List.of(), false));

    assertThatThrownBy(() -> coordinator.coordinator().start(OPTIONS))
        .isInstanceOf(ClusterNotReadyException.class)
        .hasMessageContaining("Test.Checking.media (The setup media must be reachable): n2 cannot read D:\\media\\setup.exe")
        .hasMessageContaining("Resolution: Copy the media to every node.")
        .satisfies(e -> assertThat(((ClusterNotReadyException) e).findings()).singleElement()
            .satisfies(f -> assertThat(f.state()).isEqualTo(FindingState.FAILED)));
    assertThat(cluster.steps()).isEmpty();
    assertThat(cluster.store().runs()).isEmpty();
  }

  @Test
  void aFailingWarningRuleDoesNotRefuseTheRun() {
    SimulatedCluster cluster = cluster(SimulatedUpdate.of("FU-23H2", "Feature update to 23H2").requiringRestart());
    ReadinessRule advice = ReadinessRule.of("Test.Checking.advice", "Backups should be recent", Severity.WARNING,
        "Take a backup.", c -> RuleOutcome.failed("the last backup is 9 days old"));
    RunResult result = run(cluster, coordinator(cluster, new CheckingPlugin(List.of(advice), List.of(), false)));

    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void aCapabilityTheNodesDoNotOfferRefusesTheRunNamingNodeAndCapability() {
    SimulatedCluster cluster = cluster(SimulatedUpdate.of("FU-23H2", "Feature update to 23H2"));
    interface VendorAgent {}
    SimulatedCoordinator coordinator = coordinator(cluster, new CheckingPlugin(List.of(), List.of(VendorAgent.class), false));

    assertThatThrownBy(() -> coordinator.coordinator().start(OPTIONS))
        .isInstanceOf(ClusterNotReadyException.class)
        .hasMessageContaining("Test.Checking.capabilities")
        .hasMessageContaining("Node \"n1\" does not offer VendorAgent (" + VendorAgent.class.getName() + ")")
        .hasMessageContaining("node \"n3\" does not offer VendorAgent");
    assertThat(cluster.steps()).isEmpty();
  }

  @Test
  void requireNamesTheNodeAndTheCapability() {
    MissingCapabilityException missing = new MissingCapabilityException("n2", ProgramRunner.class);
    assertThat(missing).hasMessage("Node \"n2\" does not offer the ProgramRunner capability"
        + " (dev.cau.api.capability.ProgramRunner) that the plug-in needs; its node controller must offer it"
        + " through NodeController.capability");
    assertThat(missing.node()).isEqualTo("n2");
    assertThat(missing.capability()).isEqualTo(ProgramRunner.class.getName());
    assertThat(missing.errorId()).isEqualTo("MissingCapability");
  }

  @Test
  void aReviewThatRefusesAfterTheFirstScanLeavesEveryNodeUntouched() {
    SimulatedCluster cluster = cluster(SimulatedUpdate.of("FU-22H2", "Feature update to 22H2").requiringRestart());
    RunResult result = run(cluster, coordinator(cluster, new CheckingPlugin(List.of(), List.of(), true)));

    assertThat(result.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(result.reason()).contains("Plug-in \"Test.Checking\" refused the run after the first scan of every node,"
        + " before any node was touched: the nodes were not all offered the same updates: [n3=[FU-22H2], n1=[FU-23H2],"
        + " n2=[FU-23H2]]");
    assertThat(cluster.steps()).extracting(StepRecord::step).containsOnly("scan");
    assertThat(result.nodeResults()).extracting(NodeResult::status).containsOnly(SummaryStatus.CANCELED);
    for (String node : List.of("n1", "n2", "n3")) {
      assertThat(cluster.node(node).installedUpdates()).isEmpty();
    }
  }

  @Test
  void aReviewThatAcceptsLetsTheRunGoOn() {
    SimulatedCluster cluster = cluster(SimulatedUpdate.of("FU-23H2", "Feature update to 23H2").requiringRestart());
    RunResult result = run(cluster, coordinator(cluster, new CheckingPlugin(List.of(), List.of(), true)));

    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : List.of("n1", "n2", "n3")) {
      assertThat(cluster.node(node).installedUpdates()).containsExactly("FU-23H2");
    }
  }
}
