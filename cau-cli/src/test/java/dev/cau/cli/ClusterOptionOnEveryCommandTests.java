package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that works on a cluster takes {@code --cluster FILE}, reads it the way
 * {@code cau run} does, and refuses a bad file with exit code 2 before anything is touched.
 */
class ClusterOptionOnEveryCommandTests {
  private static final String EIGHT_NODES = Path.of("..", "examples", "clusters", "lab-8-nodes.json").toString();
  private static final List<String> HOSTS = List.of("hv-01", "hv-02", "hv-03", "hv-04", "hv-05", "hv-06", "hv-07", "hv-08");

  @TempDir Path dir;

  @Test
  void scanScansTheDescribedNodes() {
    Cau.Outcome outcome = Cau.execute("scan", "--cluster", EIGHT_NODES);

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).startsWith("Scan of cluster lab-8: 8 nodes");
    assertThat(outcome.out()).contains(HOSTS).doesNotContain("node-1");
  }

  @Test
  void testSetupChecksTheDescribedCluster() {
    Cau.Outcome outcome = Cau.execute("test-setup", "--cluster", EIGHT_NODES);

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).isEqualTo("Readiness of cluster lab-8: ready");
  }

  @Test
  void statusWatchesARunOnTheDescribedClusterAndShowsItsStore() {
    String store = dir.resolve("runs").toString();

    Cau.Outcome watched = Cau.execute("status", "--store", store, "--watch", "--cluster", EIGHT_NODES);
    Cau.Outcome shown = Cau.execute("status", "--store", store, "--cluster", EIGHT_NODES);

    assertThat(watched.exitCode()).as(watched.err()).isZero();
    assertThat(watched.outLines().get(0)).contains(" on lab-8, started ");
    assertThat(watched.out()).contains(HOSTS);
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.outLines()).contains("Cluster:      lab-8");
  }

  @Test
  void pluginsListsWhatARunOnTheDescribedClusterCanUseAndNothingItWouldReplace() {
    Cau.Outcome outcome = Cau.execute("plugins", "--cluster", EIGHT_NODES);

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).isEqualTo("2 plug-ins a run on cluster \"lab-8\" can use");
    assertThat(outcome.outLines()).contains("Microsoft.WindowsUpdatePlugin", "Cau4j.InMemoryUpdatePlugin")
        // Found on the class path, but the simulated nodes lack its file share: a run would refuse it.
        .doesNotContain("Microsoft.HotfixPlugin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "scan", "test-setup", "status", "plugins"})
  void everyCommandRefusesAClusterFileWithAnUnknownKeyNamingItsLine(String command) throws IOException {
    Path file = Files.writeString(dir.resolve("cluster.json"), """
        { "name": "c", "backend": "simulated",
          "nodes": [ { "name": "a", "wieght": 1 } ] }
        """, StandardCharsets.UTF_8);
    List<String> args = command.equals("status")
        ? List.of(command, "--store", dir.resolve("runs").toString(), "--cluster", file.toString())
        : List.of(command, "--cluster", file.toString());

    Cau.Outcome outcome = Cau.execute(args.toArray(String[]::new));

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau " + command + ": ").contains("\"wieght\"").contains("line 2");
    assertThat(outcome.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"scan", "test-setup", "plugins"})
  void everyCommandRefusesAMissingClusterFile(String command) {
    Cau.Outcome outcome = Cau.execute(command, "--cluster", dir.resolve("absent.json").toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("cannot read cluster file").contains("absent.json");
  }
}
