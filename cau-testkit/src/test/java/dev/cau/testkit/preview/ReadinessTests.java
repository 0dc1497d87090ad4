package dev.cau.testkit.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.readiness.CauRules;
import dev.cau.core.readiness.PluginRules;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.core.role.CauClusterRole;
import dev.cau.core.role.RoleConfiguration;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.RoleConfigurationFaults;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Test-CauSetup: a healthy cluster fails no rule, and each planted problem fails exactly its rule,
 * with the rule's resolution.
 */
class ReadinessTests {
  private static final String ROLE = "CAU-Role";
  private static final String PRE_SCRIPT = "C:\\ClusterStorage\\Scripts\\pre-update.ps1";
  private static final String PLUGIN_RULE = "Test.Checking.backups";

  /** The planted problem, if any, changes the plug-in rule's outcome. */
  private boolean pluginRuleFails;

  private final ReadinessRule pluginRule = ReadinessRule.of(PLUGIN_RULE, "Backups must be recent", Severity.ERROR,
      "Back the cluster up before updating it.", c -> pluginRuleFails
          ? RuleOutcome.failed("The last backup is 9 days old") : RuleOutcome.passed());
  private final CheckingPlugin plugin = new CheckingPlugin(List.of(pluginRule), List.of(ProgramRunner.class), false);

  /** Problems planted as the cluster is built. */
  private NodeState n3State = NodeState.UP;
  private boolean n2RemoteShutdown = true;
  private SimulatedCluster cluster = SimulatedCluster.builder("unused").build();

  private ReadinessReport check(Consumer<SimulatedCluster> plant) {
    cluster = SimulatedCluster.builder("hci")
        .node("n1", n -> n.remoteShutdownRule(true).updates(SimulatedUpdate.of("KB1", "One")))
        .node("n2", n -> n.remoteShutdownRule(n2RemoteShutdown).updates(SimulatedUpdate.of("KB1", "One")))
        .node("n3", n -> n.state(n3State).remoteShutdownRule(true).updates(SimulatedUpdate.of("KB1", "One")))
        .role(ROLE, "n1")
        .role("vm1", "n2")
        .build();
    PluginRegistry registry = PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).register(plugin).build();
    CauClusterRole.of(cluster, registry).add(RoleConfiguration.builder(ROLE)
        .options(RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME)
            .warnAfter(Duration.ofHours(2)).stopAfter(Duration.ofHours(6)).build())
        .defaultSchedule(ZoneId.of("UTC"), cluster.simulator().now().atZone(ZoneId.of("UTC")).toLocalDate())
        .build());
    cluster.writeOnEveryNode(PRE_SCRIPT, "Write-Output 'pre-update'");
    plant.accept(cluster);
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(plugin)).build();
    return coordinator.coordinator().testSetup(RunOptions.builder().plugin(CheckingPlugin.NAME)
        .preUpdateScript(PRE_SCRIPT).build());
  }

  /** Asserts that exactly one rule failed, with the rule's resolution, and returns its finding. */
  private static Finding onlyFailure(ReadinessReport report, String ruleId) {
    assertThat(report.failed()).extracting(Finding::ruleId).as("failed rules").containsExactly(ruleId);
    Finding finding = report.finding(ruleId);
    assertThat(finding.resolution()).isNotBlank();
    return finding;
  }

  @Test
  void aHealthyClusterFailsNoRule() {
    ReadinessReport report = check(c -> {});

    assertThat(report.failed()).isEmpty();
    assertThat(report.isReady()).isTrue();
    assertThat(report.findings()).extracting(Finding::ruleId).startsWith(CauRules.id(1), CauRules.id(2))
        .contains("CAU-PENDING-RESTART", PluginRules.capabilitiesRuleId(CheckingPlugin.NAME), PLUGIN_RULE);
    for (int rule : new int[] {1, 6, 9, 11, 12, 15, 16, 17, 18, 19}) {
      assertThat(report.finding(CauRules.id(rule)).state()).as("rule %d", rule).isEqualTo(FindingState.PASSED);
    }
    assertThat(report.finding("CAU-PENDING-RESTART").state()).isEqualTo(FindingState.PASSED);
    for (int rule : new int[] {2, 3, 4, 5, 7, 8, 10}) {
      Finding finding = report.finding(CauRules.id(rule));
      assertThat(finding.state()).as("rule %d", rule).isEqualTo(FindingState.NOT_CHECKED);
      assertThat(finding.detail()).startsWith("Not checked: it depends on a Windows facility");
    }
    assertThat(cluster.steps()).extracting(s -> s.step()).noneMatch(s -> s.startsWith("suspend")
        || s.startsWith("restart") || s.startsWith("install") || s.startsWith("resume"));
  }

  @Test
  void aNodeDownFailsTheClusterServiceRule() {
    n3State = NodeState.DOWN;
    Finding finding = onlyFailure(check(c -> {}), CauRules.id(6));
    assertThat(finding.detail()).isEqualTo("Not running as a cluster member: n3 (down)");
    assertThat(finding.resolution()).startsWith("Start the cluster service on the nodes named");
  }

  @Test
  void theRemoteShutdownRuleOffFailsRuleNine() {
    n2RemoteShutdown = false;
    Finding finding = onlyFailure(check(c -> {}), CauRules.id(9));
    assertThat(finding.detail()).isEqualTo("The rule is off on n2 and EnableFirewallRules is not set");
    assertThat(finding.resolution()).startsWith("Enable the Remote Shutdown firewall rule group");
  }

  @Test
  void aPendingRestartFailsThePendingRestartRule() {
    Finding finding = onlyFailure(check(c -> c.node("n1").plantPendingRestart()), "CAU-PENDING-RESTART");
    assertThat(finding.detail()).isEqualTo("A restart is pending on n1");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aStoredRoleWhoseWarnAfterIsNotBelowStopAfterFailsRuleNineteenOnly() {
    Finding finding = onlyFailure(check(RoleConfigurationFaults::warnAfterNotBelowStopAfter), CauRules.id(19));
    assertThat(finding.detail()).startsWith("The self-updating role's options: ").contains("WarnAfter");
    assertThat(finding.resolution()).startsWith("Set WarnAfter below StopAfter");
  }

  @Test
  void theCauRoleWithOnePossibleOwnerFailsRuleSixteen() {
    Finding finding = onlyFailure(check(c -> c.possibleOwners(ROLE, List.of("n1"))), CauRules.id(16));
    assertThat(finding.detail()).isEqualTo("The self-updating role \"CAU-Role\" can be owned by 1 node (n1)");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void aPreUpdateScriptThatDiffersBetweenTwoNodesFailsRuleEighteen() {
    Finding finding = onlyFailure(check(c -> c.node("n2").files().write(PRE_SCRIPT, "Write-Output 'changed'")),
        CauRules.id(18));
    assertThat(finding.detail()).startsWith("\"" + PRE_SCRIPT + "\" differs between nodes: n1, n3 (SHA-256 ")
        .contains("; n2 (SHA-256 ");
    assertThat(finding.resolution()).isEqualTo("Copy the same script to every node, or keep it on one share.");
  }

  @Test
  void aPluginRuleThatFailsIsReportedBesideTheEnginesRules() {
    pluginRuleFails = true;
    Finding finding = onlyFailure(check(c -> {}), PLUGIN_RULE);
    assertThat(finding.source()).isEqualTo(CheckingPlugin.NAME);
    assertThat(finding.detail()).isEqualTo("The last backup is 9 days old");
    assertThat(finding.resolution()).isEqualTo("Back the cluster up before updating it.");
  }

  @Test
  void aCapabilityThePluginNeedsMissingOnOneNodeFailsItsCapabilityRule() {
    Finding finding = onlyFailure(check(c -> c.node("n2").withdraw(ProgramRunner.class)),
        PluginRules.capabilitiesRuleId(CheckingPlugin.NAME));
    assertThat(finding.detail()).isEqualTo("Node \"n2\" does not offer ProgramRunner (" + ProgramRunner.class.getName() + ")");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void aScriptMissingOnOneNodeFailsRuleSeventeen() {
    Finding finding = onlyFailure(check(c -> c.node("n3").files().delete(PRE_SCRIPT)), CauRules.id(17));
    assertThat(finding.detail()).isEqualTo("\"" + PRE_SCRIPT + "\" on n3: not found");
  }

  @Test
  void aClusterWithoutNodesFailsRuleOne() {
    ReadinessReport report = SimulatedCoordinator.builder(
            SimulatedCluster.builder("empty").build(), CoordinatorIdentity.remote("admin", "ws-1"))
        .build().coordinator().testSetup(RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME).build());

    assertThat(report.blocking()).extracting(Finding::ruleId).containsExactly(CauRules.id(1));
    assertThat(report.finding(CauRules.id(1)).detail()).isEqualTo("Cluster \"empty\" reports no node");
    assertThat(report.isReady()).isFalse();
  }
}
