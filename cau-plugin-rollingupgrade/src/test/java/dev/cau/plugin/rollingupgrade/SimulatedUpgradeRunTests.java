package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.UpgradeNodes.MEDIA;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.NEW_BUILD;
import static dev.cau.plugin.rollingupgrade.UpgradeNodes.OLD_BUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.readiness.ClusterNotReadyException;
import dev.cau.core.options.RunOptions;
import dev.cau.plugin.rollingupgrade.simulated.SimulatedUpgradeNode;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades from setup media of a simulated 4-node cluster, driven by the real engine in
 * virtual time: the plug-in's script requests are answered by a simulated setup with its
 * documented exit codes and its own restarts.
 */
class SimulatedUpgradeRunTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");

  private final SimulatedCluster cluster;
  private final UpgradeNodes nodes;
  private final InvariantMonitor monitor;

  SimulatedUpgradeRunTests() {
    cluster = UpgradeNodes.hciWithOneVmPerNode(NODES);
    nodes = new UpgradeNodes(cluster);
    NODES.forEach(nodes::withMedia);
    monitor = InvariantMonitor.attach(cluster);
  }

  private SimulationResult run(Map<String, String> arguments) {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(RollingUpgradePluginProvider.NAME, arguments))
        .build();
    return Simulation.run(cluster, options, List.of(new RollingUpgradePluginProvider()));
  }

  private SimulationResult runFromMedia() {
    return run(Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, MEDIA));
  }

  private List<String> stepsOf(SimulationResult outcome, String node) {
    return outcome.steps().stream().filter(s -> s.node().equals(node)).map(StepRecord::step).toList();
  }

  @Test
  void everyNodeIsUpgradedInTurnBySetupsOwnRestartsAndItsNewBuildVerified() {
    SimulationResult outcome = runFromMedia();

    assertThat(outcome.result().status()).as(String.valueOf(outcome.result().reason())).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : NODES) {
      assertThat(nodes.system(node).build()).as(node).isEqualTo(NEW_BUILD);
      assertThat(nodes.system(node).displayVersion()).isEqualTo("23H2");
      assertThat(cluster.node(node).osVersion()).isEqualTo("23H2");
      assertThat(cluster.node(node).osBuild()).isEqualTo(NEW_BUILD);
      assertThat(cluster.node(node).restarts()).as(node).isEqualTo(SimulatedUpgradeNode.DEFAULT_SETUP_RESTARTS);
      List<String> steps = stepsOf(outcome, node);
      assertThat(steps).as(node).contains("suspend", "installer restarts the node x3", "resume")
          .noneMatch(step -> step.startsWith("restart "));
      assertThat(nodes.system(node).operations())
          .containsSubsequence("compat", "upgrade", "restart", "booted 25398.469", "osversion");
    }
    assertThat(monitor.violations()).isEmpty();
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(1);
  }

  @Test
  void theNodesAreUpgradedOneAfterAnother() {
    SimulationResult outcome = runFromMedia();

    List<String> upgrades = nodes.calls().stream().filter(c -> c.endsWith(" upgrade")).toList();
    assertThat(upgrades).hasSize(4);
    for (int i = 1; i < NODES.size(); i++) {
      String previous = NODES.get(i - 1);
      String next = NODES.get(i);
      StepRecord resumed = outcome.steps().stream().filter(s -> s.node().equals(previous) && s.step().equals("resume"))
          .findFirst().orElseThrow();
      StepRecord suspended = outcome.steps().stream()
          .filter(s -> s.node().equals(next) && s.step().equals("suspend")).findFirst().orElseThrow();
      assertThat(suspended.start()).isAfterOrEqualTo(resumed.start());
    }
  }

  @Test
  void aNodeWithoutTheMediaRefusesTheRunBeforeAnyNodeIsTouched() {
    cluster.node("n3").files().delete(MEDIA + "\\setup.exe").delete(MEDIA);

    assertThatThrownBy(this::runFromMedia).isInstanceOf(ClusterNotReadyException.class)
        .hasMessageContaining("no node was touched").hasMessageContaining(MediaPathRule.ID)
        .hasMessageContaining("node \"n3\" has nothing at \"" + MEDIA + "\"");
    assertThat(cluster.steps()).extracting(StepRecord::step).doesNotContain("suspend");
    assertThat(nodes.calls()).isEmpty();
  }

  @Test
  void aNodeBlockedByTheCompatibilityScanRefusesTheRunWithSetupsReasonAndNoNodeIsTouched() {
    nodes.system("n3").compatExitCode(SimulatedUpgradeNode.COMPAT_INSTALLREQ_BLOCK);

    SimulationResult outcome = runFromMedia();

    assertThat(outcome.result().status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().reason()).contains("node \"n3\": 0xC1900208 MOSETUP_E_COMPAT_INSTALLREQ_BLOCK: an"
        + " actionable compatibility issue");
    assertThat(outcome.steps()).extracting(StepRecord::step).doesNotContain("suspend");
    assertThat(nodes.calls()).noneMatch(c -> c.endsWith(" upgrade"));
    NODES.forEach(n -> assertThat(nodes.system(n).build()).isEqualTo(OLD_BUILD));
  }

  @Test
  void aNodeBlockedOnlyAtInstallFailsWithSetupsReasonAndIsNotUpgraded() {
    // The scan passed; by the time the node is drained, setup finds the disk full.
    SimulatedUpgradeNode n2 = nodes.system("n2");
    cluster.observe(c -> {
      if (c.node("n1").restarts() > 0) {
        n2.compatExitCode(0xC190020E);
      }
    });

    SimulationResult outcome = run(Map.of(RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, MEDIA));

    NodeResult result = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(result.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(String.valueOf(result.reason())).contains("0xC190020E MOSETUP_E_INSTALLDISKSPACE_BLOCK");
    assertThat(n2.build()).isEqualTo(OLD_BUILD);
    assertThat(nodes.calls()).doesNotContain("n2 upgrade");
  }

  @Test
  void aNodeThatRollsBackFailsItsVerification() {
    nodes.system("n2").rollsBack();

    SimulationResult outcome = runFromMedia();

    NodeResult result = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(result.status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(String.valueOf(result.reason())).contains("runs 22H2 (build 20349.2322) after its upgrade to"
        + " build 25398.469: setup did not finish or rolled back");
  }

  @Test
  void anUpgradedNodeWhoseRestartCannotBeStartedFailsSayingSo() {
    nodes.system("n1").refusesRestart(1190);

    SimulationResult outcome = runFromMedia();

    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isNotEqualTo(SummaryStatus.SUCCEEDED);
    // The first attempt says why; later attempts find the node still on its old build.
    assertThat(outcome.events()).filteredOn(NodeAttemptFailed.class::isInstance).map(NodeAttemptFailed.class::cast)
        .first().extracting(NodeAttemptFailed::node, NodeAttemptFailed::attempt).containsExactly("n1", 1);
    assertThat(outcome.events()).filteredOn(NodeAttemptFailed.class::isInstance).map(NodeAttemptFailed.class::cast)
        .first().extracting(NodeAttemptFailed::reason).asString()
        .contains("its restart could not be started (shutdown.exe exited with 1190)");
    assertThat(cluster.node("n1").restarts()).isZero();
  }

  @Test
  void mockSetupDrainsRunsTheScriptRestartsAndResumesEveryNodeWithoutAnOsChange() {
    String script = "C:\\CAUHotfix_All\\InstallMsuFiles.ps1";
    NODES.forEach(n -> {
      nodes.system(n).mockScript(script);
      cluster.node(n).files().write(script, "Write-Output 'hello'");
    });

    SimulationResult outcome = run(Map.of(RollingUpgradePluginProvider.MOCK_SETUP, "True",
        RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA, script));

    assertThat(outcome.result().status()).as(String.valueOf(outcome.result().reason())).isEqualTo(SummaryStatus.SUCCEEDED);
    for (String node : NODES) {
      assertThat(stepsOf(outcome, node)).as(node).containsSubsequence("suspend", "restart FULL", "resume");
      assertThat(cluster.node(node).restarts()).isEqualTo(1);
      assertThat(nodes.system(node).build()).isEqualTo(OLD_BUILD);
      assertThat(nodes.calls()).contains(node + " mock").noneMatch(c -> c.equals(node + " upgrade"));
    }
    assertThat(monitor.violations()).isEmpty();
  }
}
