package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.report.ReportExporter;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import dev.cau.testkit.cluster.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 4-node rolling run of the real engine, in virtual time, installing through the real plug-in:
 * an MSU on every node from {@code CAUHotfix_All}, and a BIOS update (a folder rule with
 * {@code alwaysReboot}) on two nodes from their node folders.
 */
class SimulatedHotfixRunTests {
  private static final byte[] MSU = bytes("Windows10.0-KB5034441-x64.msu content");
  private static final byte[] BIOS = bytes("R740 BIOS 2.21.2 content");
  private static final String MSU_ID = "CAUHotfix_All\\Windows10.0-KB5034441-x64.msu@" + HotfixRootFolder.sha256(MSU);

  private final SimulatedCluster cluster = SimulatedCluster.builder("hv")
      .node("n1").node("n2").node("n3").node("n4")
      .role("vm1", "n1").role("vm2", "n2").role("vm3", "n3").role("vm4", "n4")
      .build();

  SimulatedHotfixRunTests() {
    Fixtures.root()
        .forAllNodes("Windows10.0-KB5034441-x64.msu", MSU)
        .forNode("N2", "BIOS\\R740_BIOS.exe", BIOS)
        .forNode("n4", "BIOS\\R740_BIOS.exe", BIOS)
        .manifest()
        .plantOn(cluster);
    for (SimulatedNode node : cluster.nodes()) {
      // wusa installs without asking for a restart; the BIOS package exits 0, and alwaysReboot restarts.
      node.programs().define("wusa", SimulatedProgram.exitingWith(0))
          .define("R740_BIOS", SimulatedProgram.exitingWith(0));
    }
  }

  private static RunOptions options() {
    return RunOptions.builder()
        .plugin(new PluginSelection(HotfixPluginProvider.NAME, Map.of(
            HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT,
            HotfixPluginProvider.INSTALLER_TIMEOUT_MINUTES, "45")))
        .build();
  }

  private SimulationResult run() {
    return Simulation.run(cluster, options(), List.of(new HotfixPluginProvider()));
  }

  @Test
  void theRightFilesReachTheRightNodesOneNodeAtATime() {
    List<Integer> outOfService = new ArrayList<>();
    cluster.observe(c -> outOfService.add((int) c.nodes().stream().filter(n -> n.state() != NodeState.UP).count()));

    SimulationResult outcome = run();

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    Map<String, List<String>> expected = Map.of(
        "n1", List.of("Windows10.0-KB5034441-x64.msu"),
        "n2", List.of("Windows10.0-KB5034441-x64.msu", "R740_BIOS.exe"),
        "n3", List.of("Windows10.0-KB5034441-x64.msu"),
        "n4", List.of("Windows10.0-KB5034441-x64.msu", "R740_BIOS.exe"));
    expected.forEach((node, titles) -> {
      NodeResult result = outcome.result().nodeResult(node).orElseThrow();
      assertThat(result.status()).as(node).isEqualTo(SummaryStatus.SUCCEEDED);
      assertThat(result.installResults()).as(node).extracting(r -> r.update().title()).containsExactlyElementsOf(titles);
      assertThat(cluster.node(node).programs().executed()).as(node).extracting(ProgramRequest::program)
          .hasSize(titles.size());
    });
    assertThat(cluster.node("n2").programs().executed().get(1).program())
        .isEqualTo(Fixtures.ROOT + "\\N2\\BIOS\\R740_BIOS.exe");
    assertThat(outOfService).isNotEmpty().allMatch(count -> count <= 1);
    assertThat(cluster.roleOwners()).isEqualTo(Map.of("vm1", "n1", "vm2", "n2", "vm3", "n3", "vm4", "n4"));
  }

  @Test
  void onlyTheBiosNodesRestartAsAlwaysRebootSays() {
    SimulationResult outcome = run();

    assertThat(cluster.node("n1").restarts()).isZero();
    assertThat(cluster.node("n2").restarts()).isEqualTo(1);
    assertThat(cluster.node("n3").restarts()).isZero();
    assertThat(cluster.node("n4").restarts()).isEqualTo(1);
    assertThat(outcome.result().nodeResult("n2").orElseThrow().installResults())
        .extracting(r -> r.update().title() + " restart=" + r.rebootRequired())
        .containsExactly("Windows10.0-KB5034441-x64.msu restart=false", "R740_BIOS.exe restart=true");
    List<String> suspends = outcome.steps().stream().filter(s -> s.step().equals("suspend")).map(StepRecord::node)
        .toList();
    assertThat(suspends).containsExactly("n1", "n2", "n3", "n4");
  }

  @Test
  void theHashOfEveryInstalledFileIsInTheResultsAndTheReport() {
    SimulationResult outcome = run();

    for (NodeResult node : outcome.result().nodeResults()) {
      assertThat(node.installResults()).as(node.node()).allSatisfy(r -> assertThat(r.installedSha256())
          .isEqualTo(r.update().facts().contentSha256()).isNotNull());
      assertThat(node.installResults()).as(node.node()).extracting(InstallResult::update)
          .anySatisfy(u -> assertThat(u.id()).isEqualTo(MSU_ID));
    }
    String json = ReportExporter.toJson(List.of(outcome.result()));
    assertThat(json).contains("\"installedSha256\": \"" + HotfixRootFolder.sha256(MSU) + "\"")
        .contains("\"installedSha256\": \"" + HotfixRootFolder.sha256(BIOS) + "\"");
  }

  @Test
  void noUpdateIsInstalledTwiceAcrossTheRescanAfterRestart() {
    run();

    for (SimulatedNode node : cluster.nodes()) {
      List<String> programs = node.programs().executed().stream().map(ProgramRequest::program).toList();
      assertThat(programs).as(node.name()).doesNotHaveDuplicates();
    }
  }
}
