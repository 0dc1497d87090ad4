package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plug-in's readiness rules, checked by the engine's testSetup on a simulated cluster. */
class ReadinessRulesTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("c").node("n1").node("n2").node("n3").build();
  private final Map<String, SimulatedWindowsUpdateAgent> agents = new LinkedHashMap<>();

  ReadinessRulesTests() {
    SimulatedAgents wiring = new SimulatedAgents();
    cluster.nodes().forEach(node -> agents.put(node.name(),
        wiring.attach(cluster, node, SimulatedWindowsUpdateAgent.of(Catalogues.CUMULATIVE))));
  }

  private ReadinessReport check() {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(new WindowsUpdatePluginProvider())).build().coordinator()
        .testSetup(RunOptions.builder().plugin(WindowsUpdatePluginProvider.NAME).build());
  }

  @Test
  void aClusterOfAlikeNodesPassesEveryRule() {
    ReadinessReport report = check();

    assertThat(List.of(ReadinessRules.AGENT_REACHABLE, ReadinessRules.SAME_SOURCE, ReadinessRules.NO_AUTOMATIC_INSTALL))
        .allSatisfy(id -> assertThat(report.finding(id).state()).as(id).isEqualTo(FindingState.PASSED));
  }

  @Test
  void aNodeWithAnotherUpdateSourceFailsTheSameSourceRule() {
    agents.get("n2").updateSource("WindowsUpdate", "9482f4b4-e343-43b6-b170-9a65bc822c77");

    Finding finding = check().finding(ReadinessRules.SAME_SOURCE);

    assertThat(finding.state()).isEqualTo(FindingState.FAILED);
    assertThat(finding.detail()).contains("WSUS 3da21691-e39d-4da6-8a4b-b43877bcb1b7 on n1, n3")
        .contains("WindowsUpdate 9482f4b4-e343-43b6-b170-9a65bc822c77 on n2");
  }

  @Test
  void automaticUpdatesThatInstallOnAScheduleFailTheirRule() {
    agents.get("n3").notificationLevel(ReadinessRules.SCHEDULED_INSTALLATION);

    Finding finding = check().finding(ReadinessRules.NO_AUTOMATIC_INSTALL);

    assertThat(finding.state()).isEqualTo(FindingState.FAILED);
    assertThat(finding.detail()).isEqualTo("Automatic Updates installs updates on a schedule on n3");
  }

  @Test
  void anAgentThatDoesNotAnswerFailsTheErrorRuleAndBlocksTheRun() {
    agents.get("n1").makeUnreachable();

    ReadinessReport report = check();

    Finding finding = report.finding(ReadinessRules.AGENT_REACHABLE);
    assertThat(finding.state()).isEqualTo(FindingState.FAILED);
    assertThat(finding.detail()).startsWith("The Windows Update Agent did not answer on n1 (")
        .contains("0x80070422");
    assertThat(report.blocking()).extracting(Finding::ruleId).contains(ReadinessRules.AGENT_REACHABLE);
    assertThat(report.finding(ReadinessRules.SAME_SOURCE).state()).isEqualTo(FindingState.PASSED);
  }
}
