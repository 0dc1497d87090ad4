package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plug-ins a cluster file names ({@code plugins}, CAU's {@code -CauPluginName} and
 * {@code -CauPluginArguments}), on a simulated cluster: used by {@code run}, {@code scan} and
 * {@code test-setup} as named, losing to a {@code --profile}, and checked before anything runs.
 */
class ClusterFilePluginsTests {
  @TempDir Path dir;

  @Test
  void scanUsesThePluginTheClusterFileNamesFromThePluginPath() throws Exception {
    Path jars = jars();
    Path file = cluster("""
        "plugins": [ { "name": "%s" } ],""".formatted(PluginJars.NAME));

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString(), "--plugin-path", jars.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).startsWith("Scan of cluster tiny: 3 nodes");
    assertThat(outcome.out()).contains(PluginJars.UPDATE).doesNotContain("KB100");
  }

  @Test
  void aProfileOnTheCommandLineWinsOverTheClusterFilesPlugins() throws Exception {
    Path jars = jars();
    Path file = cluster("""
        "plugins": [ { "name": "%s" } ],""".formatted(PluginJars.NAME));

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString(), "--plugin-path", jars.toString(),
        "--profile", Cau.IN_MEMORY);

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("KB100").doesNotContain(PluginJars.UPDATE);
  }

  @Test
  void aRunInstallsWithThePluginTheClusterFileNames() throws Exception {
    Path jars = jars();
    Path file = cluster("""
        "plugins": [ { "name": "%s" } ],""".formatted(PluginJars.NAME));

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString(), "--plugin-path", jars.toString(),
        "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, Object> run = JsonValues.map(JsonValues.list(JsonValues.parse(outcome.out())).get(0));
    assertThat(JsonValues.list(run.get("nodeResults"))).hasSize(3).allSatisfy(node ->
        assertThat(JsonValues.list(JsonValues.map(node).get("installResults"))).map(JsonValues::map)
            .extracting(result -> result.get("updateId")).containsExactly(PluginJars.UPDATE));
  }

  @Test
  void testSetupChecksThePluginsTheClusterFileNamesInsteadOfTheDefault() throws Exception {
    Path named = cluster("""
        "plugins": [ { "name": "Cau4j.InMemoryUpdatePlugin" } ],""");
    Cau.Outcome withFilePlugins = Cau.execute("test-setup", "--cluster", named.toString(), "--json");
    Path plain = cluster("");
    Cau.Outcome withDefault = Cau.execute("test-setup", "--cluster", plain.toString(), "--json");

    assertThat(withFilePlugins.exitCode()).as(withFilePlugins.err()).isZero();
    assertThat(withFilePlugins.out()).doesNotContain("\"source\": \"Microsoft.WindowsUpdatePlugin\"");
    assertThat(withDefault.out()).contains("\"source\": \"Microsoft.WindowsUpdatePlugin\"");
  }

  @Test
  void testSetupTakesAProfileAsRunDoes() {
    Cau.Outcome outcome = Cau.execute("test-setup", "--profile", Cau.IN_MEMORY, "--json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).doesNotContain("\"source\": \"Microsoft.WindowsUpdatePlugin\"");
  }

  @Test
  void statusWatchRunsWithThePluginTheClusterFileNamesFromThePluginPath() throws Exception {
    Path jars = jars();
    Path file = cluster("""
        "plugins": [ { "name": "%s" } ],""".formatted(PluginJars.NAME));

    Cau.Outcome outcome = Cau.execute("status", "--store", dir.resolve("runs").toString(), "--watch",
        "--cluster", file.toString(), "--plugin-path", jars.toString());
    Cau.Outcome report = Cau.execute("export", "--store", dir.resolve("runs").toString(), "--last", "--format", "json",
        "--path", "-");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).contains(" on tiny, started ");
    assertThat(report.out()).contains(PluginJars.UPDATE).doesNotContain("KB100");
  }

  @Test
  void scanTakesAProfileAsRunDoes() throws IOException {
    Path profile = Files.writeString(dir.resolve("contoso.profile"), "CauPluginName = Contoso.NoSuchPlugin\n",
        StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("scan", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau scan: ").contains("\"Contoso.NoSuchPlugin\"")
        .contains("No node was scanned.");
    assertThat(outcome.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "scan", "test-setup", "status", "plugins"})
  void aPluginTheClusterDoesNotOfferIsRefusedNamingItTheKeyTheLineAndTheOnesOffered(String command)
      throws IOException {
    Path file = cluster("""
        "plugins": [ { "name": "Contoso.NoSuchPlugin" } ],""");
    List<String> args = new ArrayList<>(List.of(command, "--cluster", file.toString()));
    if (command.equals("status")) {
      args.addAll(List.of("--store", dir.resolve("runs").toString(), "--watch"));
    }

    Cau.Outcome outcome = Cau.execute(args.toArray(String[]::new));

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau " + command + ": invalid option: \"plugins\" must be one of the plug-ins"
            + " this cluster offers, \"Cau4j.InMemoryUpdatePlugin\", \"Microsoft.WindowsUpdatePlugin\"")
        .contains("but was \"Contoso.NoSuchPlugin\" at \"" + file + "\" line 2");
    assertThat(outcome.out()).isEmpty();
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aPluginNamedTwiceIsRefusedWithTheLineOfTheSecond() throws IOException {
    Path file = cluster("""
        "plugins": [ { "name": "Cau4j.InMemoryUpdatePlugin" },
                     { "name": "Cau4j.InMemoryUpdatePlugin" } ],""");

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"plugins\" must be each plug-in named once")
        .contains("\"Cau4j.InMemoryUpdatePlugin\" again at \"" + file + "\" line 3");
  }

  @Test
  void anUnknownKeyOfAPluginIsRefusedWithItsLine() throws IOException {
    Path file = cluster("""
        "plugins": [ { "name": "Cau4j.InMemoryUpdatePlugin",
                       "argumnets": { "a": "b" } } ],""");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"argumnets\" in a plug-in at \"" + file + "\" line 3")
        .contains("\"name\", \"arguments\"").contains("No node was touched.");
  }

  @Test
  void aPluginWithoutANameIsRefusedWithItsLine() throws IOException {
    Path file = cluster("""
        "plugins": [ { "arguments": { "a": "b" } } ],""");

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"name\" must be a plug-in name").contains("missing in the plug-in at \"" + file
        + "\" line 2");
  }

  @Test
  void anArgumentThePluginDoesNotTakeIsRefusedBeforeANodeIsScannedAndItsValueIsNotShown() throws IOException {
    Path file = cluster("""
        "plugins": [ { "name": "Microsoft.WindowsUpdatePlugin", "arguments": { "NoSuchArgument": "s3cret" } } ],""");

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("NoSuchArgument").doesNotContain("s3cret").contains("No node was scanned.");
  }

  private Path jars() throws IOException, URISyntaxException, InterruptedException {
    Path jars = dir.resolve("plugins");
    PluginJars.build(dir.resolve("work"), jars);
    return jars;
  }

  /** A simulated three-node cluster whose nodes each offer update KB100, with the given keys after its name. */
  private Path cluster(String keys) throws IOException {
    return Files.writeString(dir.resolve("cluster.json"), "{ \"name\": \"tiny\",\n" + keys + """

          "backend": "simulated",
          "nodes": [ { "name": "n1", "updates": "KB100" }, { "name": "n2", "updates": "KB100" },
                     { "name": "n3", "updates": "KB100" } ] }
        """, StandardCharsets.UTF_8);
  }
}
