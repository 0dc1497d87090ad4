package dev.cau.cli;

import static dev.cau.cli.JsonValues.list;
import static dev.cau.cli.JsonValues.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile that names no plug-in means CAU's default, {@code Microsoft.WindowsUpdatePlugin}: on the
 * demo cluster the real plug-in runs end to end, its script requests answered by each node's
 * simulated Windows Update Agent.
 */
class WindowsUpdateDemoTests {
  private static final String CUMULATIVE = "5051987";
  private static final String FOLLOW_UP = "5052093";

  @TempDir Path dir;

  @Test
  void aProfileNamingNoPluginInstallsWhatEachNodesAgentFindsThroughTheRealPlugin() throws IOException {
    Path profile = profile("MaxRetriesPerNode = 2\n");

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString(), "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, Object> run = map(list(JsonValues.parse(outcome.out())).get(0));
    assertThat(run).containsEntry("status", "Succeeded");
    Map<String, List<Object>> installs = installsByNode(run);
    assertThat(installs).containsOnlyKeys("node-1", "node-2", "node-3", "node-4");
    // The agent's update ids and the plug-in's "rank classification, KB" description: the in-memory
    // plug-in reports neither.
    assertThat(installs.get("node-3")).map(JsonValues::map)
        .extracting(r -> r.get("updateId"), r -> r.get("updateDescription"), r -> r.get("result"))
        .containsExactly(
            tuple(CatalogueUpdate.guidFor(CUMULATIVE), "Important Security Updates, KB" + CUMULATIVE, "Succeeded"),
            tuple(CatalogueUpdate.guidFor("2267602"), "Important Definition Updates, KB2267602", "Succeeded"),
            tuple(CatalogueUpdate.guidFor(FOLLOW_UP), "Important Security Updates, KB" + FOLLOW_UP, "Succeeded"));
    // The follow-up update applies only once the cumulative one is in and the node restarted: the
    // agent offers it to the plug-in's re-scan after the restart, on every node.
    assertThat(installs.values()).allSatisfy(results -> assertThat(results).map(JsonValues::map)
        .extracting(r -> r.get("updateId")).endsWith(CatalogueUpdate.guidFor(FOLLOW_UP)));
    assertThat(installs.get("node-1")).hasSize(5);
  }

  @Test
  void withoutAProfileTheDemoRunsTheRealWindowsUpdatePlugin() throws IOException {
    Cau.Outcome outcome = Cau.execute("run", "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, List<Object>> installs = installsByNode(map(list(JsonValues.parse(outcome.out())).get(0)));
    assertThat(installs.get("node-3")).map(JsonValues::map).extracting(r -> r.get("updateId"))
        .containsExactly(CatalogueUpdate.guidFor(CUMULATIVE), CatalogueUpdate.guidFor("2267602"),
            CatalogueUpdate.guidFor(FOLLOW_UP));
  }

  @Test
  void theDemosProgressShowsEachUpdatesResultWithItsKbAndTitle() {
    Cau.Outcome outcome = Cau.execute("run");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines()).containsSubsequence(
        "+00:25:00  node-4        installed 3 of 3 updates; a restart is required",
        "                         Succeeded  KB5051987  2026-01 Cumulative Update for Microsoft server operating"
            + " system version 24H2 (KB5051987) (restart required)",
        "                         Succeeded  KB5050187  2026-01 Cumulative Update for .NET Framework 3.5 and 4.8.1"
            + " (KB5050187)",
        "                         Succeeded  KB2267602  Security Intelligence Update for Microsoft Defender Antivirus"
            + " (KB2267602)",
        "+00:25:00  node-4        restarting");
  }

  @Test
  void aProfileCanStillChooseTheInMemoryPlugin() throws IOException {
    Cau.Outcome outcome = Cau.execute("run", "--profile", Cau.IN_MEMORY, "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, List<Object>> installs = installsByNode(map(list(JsonValues.parse(outcome.out())).get(0)));
    assertThat(installs.get("node-3")).map(JsonValues::map).extracting(r -> r.get("updateId"))
        .containsExactly("KB" + CUMULATIVE, "KB2267602", "KB" + FOLLOW_UP);
  }

  @Test
  void theRealPluginDownloadsBeforeTheNodeIsDrainedAndSaysSoInVerboseOutput() throws IOException {
    Cau.Outcome outcome = Cau.execute("run", "--profile", profile("").toString(), "--verbose");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    List<String> node4 = outcome.outLines().stream().filter(line -> line.contains(" node-4 ")).toList();
    int downloaded = indexOf(node4, "Downloaded \"2026-01 Cumulative Update for Microsoft server operating system"
        + " version 24H2 (KB" + CUMULATIVE + ")\"");
    assertThat(downloaded).as("the plug-in's download message in %s", node4).isNotNegative()
        .isLessThan(indexOf(node4, "suspending and draining"));
  }

  @Test
  void thePluginsQueryStringReachesTheAgent() throws IOException {
    Path drivers = profile("CauPluginArguments.Microsoft.WindowsUpdatePlugin.QueryString = IsInstalled=0 and Type='Driver'\n");

    Cau.Outcome outcome = Cau.execute("run", "--profile", drivers.toString());

    // The demo's catalogues hold software updates only: the agent's search finds nothing.
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("scanned: 0 applicable updates").doesNotContain("installing");
  }

  @Test
  void aQueryStringTheAgentWouldRefuseIsRefusedBeforeAnyNodeIsTouched() throws IOException {
    Path bad = profile("CauPluginArguments.Microsoft.WindowsUpdatePlugin.QueryString ="
        + " IsInstalled=0 and (Type='Software' or IsHidden=0)\n");

    Cau.Outcome outcome = Cau.execute("run", "--profile", bad.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"CauPluginArguments[Microsoft.WindowsUpdatePlugin].QueryString\"")
        .contains("OR is allowed only at the top level").contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  private Path profile(String text) throws IOException {
    return Files.writeString(dir.resolve("window.profile"), "# Patch window\n" + text, StandardCharsets.UTF_8);
  }

  private static Map<String, List<Object>> installsByNode(Map<String, Object> run) {
    Map<String, List<Object>> installs = new LinkedHashMap<>();
    for (Object node : list(run.get("nodeResults"))) {
      installs.put((String) map(node).get("node"), list(map(node).get("installResults")));
    }
    return installs;
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
