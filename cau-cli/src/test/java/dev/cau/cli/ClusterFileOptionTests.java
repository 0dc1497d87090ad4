package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFileOptionTests {
  private static final Path EIGHT_NODES = Path.of("..", "examples", "clusters", "lab-8-nodes.json");

  @TempDir Path dir;

  @Test
  void runsTheEightNodeClusterTheExampleFileDescribes() {
    Cau.Outcome outcome = Cau.execute("run", "--cluster", EIGHT_NODES.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("Status:   Succeeded")
        .contains("hv-01", "hv-02", "hv-03", "hv-04", "hv-05", "hv-06", "hv-07", "hv-08")
        .doesNotContain("node-1");
  }

  @Test
  void anUnknownKeyIsRefusedWithItsLine() throws IOException {
    Path file = write("""
        { "name": "c", "backend": "simulated",
          "nodes": [
            { "name": "a" },
            { "name": "b", "wieght": 1 }
          ] }
        """);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"wieght\"").contains("line 4").contains("\"weight\"")
        .contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void anUnknownTopLevelKeyIsRefusedWithItsLine() throws IOException {
    Path file = write("""
        { "name": "c", "backend": "simulated",
          "nodez": [ { "name": "a" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"nodez\"").contains("line 2").contains("\"nodes\"")
        .contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aMissingKeyFileIsRefusedWithTheKeyAndLine() throws IOException {
    Path file = write("""
        { "name": "c", "backend": "simulated",
          "nodes": [ { "name": "a",
                       "key-file": "keys/absent_ed25519" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"key-file\" must be a readable file")
        .contains("but was \"keys/absent_ed25519\" at").contains("line 3")
        .contains(dir.resolve("keys").resolve("absent_ed25519") + "\": no such file")
        .contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aKnownHostsFileThatIsADirectoryIsRefusedWithTheKeyAndLine() throws IOException {
    Files.createDirectories(dir.resolve("known_hosts"));
    Path file = write("""
        { "name": "c", "backend": "simulated",
          "settings": { "known-hosts-file": "known_hosts" },
          "nodes": [ { "name": "a" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"known-hosts-file\" must be a readable file").contains("line 2")
        .contains("it is a directory, not a file");
  }

  @Test
  void aValueThatIsNotAllowedIsRefusedNamingKeyValueLineAndWhatIsAllowed() throws IOException {
    Path file = write("""
        { "name": "c", "backend": "simulated",
          "nodes": [ { "name": "a",
                       "weight": 5 } ] }
        """);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"weight\" must be 0 or 1, but was \"5\" at").contains("line 3");
  }

  @Test
  void anUnknownBackendIsRefusedListingTheInstalledOnes() throws IOException {
    Path file = write("""
        { "name": "c",
          "backend": "hyperv",
          "nodes": [ { "name": "a" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"backend\" must be one of").contains("\"hyperv\"")
        .contains("\"simulated\"").contains("\"pacemaker\"").contains("line 2");
  }

  @Test
  void aFileThatIsNotJsonIsRefusedWithItsLine() throws IOException {
    Path file = write("{ \"name\": \"c\",\n  \"backend\": simulated }\n");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("is not valid JSON at line 2");
  }

  @Test
  void aMissingFileIsRefused() {
    Cau.Outcome outcome = Cau.execute("run", "--cluster", dir.resolve("absent.json").toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("cannot read cluster file");
  }

  @Test
  void aProfilePlugInTheDescribedClusterLacksIsRefusedBeforeANodeIsTouched() throws IOException {
    Path profile = Files.writeString(dir.resolve("hotfix.profile"), "CauPluginName = Microsoft.HotfixPlugin\n",
        StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", EIGHT_NODES.toString(), "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"Microsoft.HotfixPlugin\"").contains("No node was touched");
    assertThat(outcome.out()).doesNotContain("hv-01");
  }

  @Test
  void aProfileNamingNoPluginRunsTheRealWindowsUpdatePluginOnTheDescribedNodes() throws IOException {
    Path profile = Files.writeString(dir.resolve("window.profile"), "MaxRetriesPerNode = 2\n", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--cluster", EIGHT_NODES.toString(), "--profile", profile.toString(),
        "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, Object> run = JsonValues.map(JsonValues.list(JsonValues.parse(outcome.out())).get(0));
    assertThat(run).containsEntry("status", "Succeeded");
    // hv-01's restart-updates KB5051987, as the simulated agent's catalogue lists it.
    Map<String, Object> hv01 = JsonValues.list(run.get("nodeResults")).stream().map(JsonValues::map)
        .filter(node -> node.get("node").equals("hv-01")).findFirst().orElseThrow();
    assertThat(JsonValues.list(hv01.get("installResults"))).map(JsonValues::map)
        .extracting(r -> r.get("updateId"), r -> r.get("rebootRequired"))
        .contains(org.assertj.core.groups.Tuple.tuple(CatalogueUpdate.guidFor("5051987"), true));
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("cluster.json"), content, StandardCharsets.UTF_8);
  }
}
