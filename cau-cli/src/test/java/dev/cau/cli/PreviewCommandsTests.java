package dev.cau.cli;

import static dev.cau.cli.JsonValues.list;
import static dev.cau.cli.JsonValues.map;
import static dev.cau.cli.JsonValues.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.cluster.NodeState;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cau scan, cau test-setup and cau plugins on the demo cluster, as text and as JSON. */
class PreviewCommandsTests {
  @Test
  void scanListsEachNodesFirstOrderUpdatesAndChangesNothing() {
    Cau.Outcome outcome = Cau.execute("scan");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.outLines()).startsWith(Cau.DEMO, "Scan of cluster demo-cluster: 4 nodes, 8 at a time", "", "node-1: 4 updates");
    assertThat(outcome.out()).contains("node-3: 2 updates")
        .contains("  KB5046059  Cumulative Update 17 for SQL Server 2022 (KB5046059)")
        .doesNotContain("KB5052093"); // second-order: only a run finds it
  }

  @Test
  void scanAsJsonHasOneEntryPerNodeWithItsUpdates() throws IOException {
    Cau.Outcome outcome = Cau.execute("scan", "--json", "--parallelism", "2");

    assertThat(outcome.exitCode()).isZero();
    Map<String, Object> report = object(outcome.out());
    assertThat(report).containsEntry("cluster", "demo-cluster").containsEntry("parallelism", 2L)
        .containsEntry("startedAt", "2026-01-20T03:00:00Z").containsEntry("finishedAt", "2026-01-20T03:02:00Z")
        .containsEntry("runHoldingLock", null);
    List<Object> nodes = list(report.get("nodes"));
    assertThat(nodes).hasSize(4);
    Map<String, Object> node1 = map(nodes.get(0));
    assertThat(node1.get("node")).isEqualTo("node-1");
    Map<String, Object> scan = map(list(node1.get("plugins")).get(0));
    assertThat(scan.get("plugin")).isEqualTo("Microsoft.WindowsUpdatePlugin");
    assertThat(scan.get("error")).isNull();
    assertThat(list(scan.get("updates"))).extracting(u -> map(u).get("id"))
        .containsExactly(CatalogueUpdate.guidFor("5051987"), CatalogueUpdate.guidFor("5050187"),
            CatalogueUpdate.guidFor("2267602"), CatalogueUpdate.guidFor("5046059"));
  }

  @Test
  void scanExitsOneWhenANodeCouldNotBeScannedAndListsTheOthers() {
    Cau.Outcome outcome = Cau.execute(start -> {
      SimulatedCluster cluster = SimulatedCluster.builder("two").startingAt(start)
          .node("a").node("b", n -> n.state(NodeState.DOWN)).build();
      WindowsUpdateAgents.attach(cluster.node("a"), List.of(CatalogueUpdate.important("1", "One")));
      return cluster;
    }, "scan");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("a: 1 update", "  KB1  One", "b: scan failed",
        "Node \"b\" was down when the preview began; it was not scanned");
  }

  @Test
  void scanRefusesAParallelismBelowOne() {
    Cau.Outcome outcome = Cau.execute("scan", "--parallelism", "0");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).containsExactly(
        "cau scan: invalid option: \"--parallelism\" must be 1 or more, but was 0",
        "No node was scanned. See 'cau scan --help'.");
  }

  @Test
  void testSetupOnTheDemoClusterIsReady() {
    Cau.Outcome outcome = Cau.execute("test-setup");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outLines().get(0)).isEqualTo(Cau.DEMO);
    assertThat(outcome.outLines().get(1)).isEqualTo("Readiness of cluster demo-cluster: ready");
    assertThat(outcome.out()).containsPattern("CAU-01 +Error +Passed +The failover cluster must be available")
        .containsPattern("CAU-02 +Error +NotChecked")
        .containsPattern("CAU-PENDING-RESTART +Warning +Passed");
  }

  @Test
  void testSetupAsJsonListsEveryRule() throws IOException {
    Cau.Outcome outcome = Cau.execute("test-setup", "--json");

    assertThat(outcome.exitCode()).isZero();
    Map<String, Object> report = object(outcome.out());
    assertThat(report).containsEntry("cluster", "demo-cluster").containsEntry("ready", true);
    List<Object> findings = list(report.get("findings"));
    // CAU's rules and the Windows Update plug-in's.
    assertThat(findings).hasSize(24);
    assertThat(map(findings.get(5))).containsEntry("ruleId", "CAU-06").containsEntry("source", "cau")
        .containsEntry("severity", "Warning").containsEntry("state", "Passed")
        .containsKeys("title", "detail", "resolution");
  }

  @Test
  void testSetupExitsOneWhenAnErrorRuleFails() {
    // A cluster that reports no node fails CAU-01, a rule of Error severity.
    Cau.Outcome outcome = Cau.execute(start -> SimulatedCluster.builder("empty").startingAt(start).build(), "test-setup");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.outLines().get(1)).startsWith("Readiness of cluster empty: NOT ready, 1 error failed");
    assertThat(outcome.out()).contains("CAU-01 failed: ");
  }

  @Test
  void pluginsListsTheSimulatedPluginTheAptPluginAndBothMicrosoftPluginsWithTheirArguments() throws IOException {
    Cau.Outcome text = Cau.execute("plugins");
    assertThat(text.exitCode()).isZero();
    assertThat(text.err()).isEmpty();
    assertThat(text.outLines()).startsWith("4 plug-ins found", "", "Cau4j.InMemoryUpdatePlugin")
        .contains("Debian.AptPlugin", "Microsoft.HotfixPlugin", "Microsoft.WindowsUpdatePlugin");
    assertThat(text.out()).contains("  Arguments: none")
        .containsPattern("HotfixRootFolderPath +string +yes")
        .containsPattern("HotfixConfigFileName +string +no +DefaultHotfixConfig.xml")
        .containsPattern("IncludeRecommendedUpdates +boolean +no +False")
        .containsPattern("QueryString +string +no +IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1");

    Cau.Outcome json = Cau.execute("plugins", "--json");
    assertThat(json.exitCode()).isZero();
    List<Object> plugins = list(object(json.out()).get("plugins"));
    assertThat(plugins).extracting(p -> map(p).get("name"))
        .containsExactly("Cau4j.InMemoryUpdatePlugin", "Debian.AptPlugin", "Microsoft.HotfixPlugin",
            "Microsoft.WindowsUpdatePlugin");
    assertThat(map(plugins.get(0))).containsEntry("arguments", List.of()).containsKeys("module", "location");
    assertThat(list(map(plugins.get(2)).get("arguments"))).extracting(a -> map(a).get("name"))
        .containsExactly("HotfixRootFolderPath", "HotfixConfigFileName", "HotfixInstallerTimeoutMinutes",
            "RequireSmbEncryption", "DisableAclChecks");
    assertThat(list(map(plugins.get(3)).get("arguments"))).map(JsonValues::map)
        .extracting(a -> a.get("name"), a -> a.get("type"), a -> a.get("default"))
        .containsExactly(tuple("IncludeRecommendedUpdates", "Boolean", "False"),
            tuple("QueryString", "String", "IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1"));
  }
}
