package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cau run}, {@code scan}, {@code test-setup}, {@code status} and {@code plugins} with
 * {@code --cluster} naming a real backend ({@code pacemaker}), refused before any node is touched:
 * the addresses are in TEST-NET-1, where nothing answers, so a test that connected would fail on
 * the connection instead of the expected message. The commands against a real cluster are in
 * {@link CauRunLabTests}.
 */
class RealBackendOptionTests {
  @TempDir Path dir;

  @Test
  void aClusterThatKeepsNoRunStoreNeedsASharedStore() throws IOException {
    Path file = pacemakerFile("""
        { "name": "ha1", "address": "192.0.2.11", "key-file": "ID", "known-hosts-file": "KNOWN" }""");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).contains("cluster \"web\" keeps no run store").contains("\"--store <dir>\"")
        .contains("No node was touched.");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aBackendSettingIsCheckedByTheBackendBeforeAnythingConnects() throws IOException {
    Path file = pacemakerFile("""
        { "name": "ha1", "address": "192.0.2.11", "key-file": "ID", "known-hosts-file": "KNOWN", "colour": "red" }""");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString(), "--store", dir.resolve("store").toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"colour\"").contains("line 4").contains("No node was touched.");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void aProfileNamingAPlugInThatIsNotInstalledIsRefusedOnARealClusterToo() throws IOException {
    Path file = pacemakerFile("""
        { "name": "ha1", "address": "192.0.2.11", "key-file": "ID", "known-hosts-file": "KNOWN" }""");
    Path profile = Files.writeString(dir.resolve("p.profile"), "CauPluginName = Contoso.NoSuchPlugin\n");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString(), "--profile", profile.toString(),
        "--store", dir.resolve("store").toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).contains("Contoso.NoSuchPlugin").contains("No node was touched.");
  }

  @Test
  void aClusterWhoseNodesCannotBeReachedEndsTheCommandWithTheReasonAndNoRun() throws IOException {
    Path file = pacemakerFile("""
        { "name": "ha1", "address": "192.0.2.11", "key-file": "ID", "known-hosts-file": "KNOWN" }""");

    Cau.Outcome outcome = Cau.execute("run", "--cluster", file.toString(), "--store", dir.resolve("store").toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
    assertThat(outcome.err()).startsWith("cau run: No node of cluster \"web\" answered: ha1:")
        .contains("holds no private key").doesNotContain("\tat ");
  }

  @Test
  void scanOnARealClusterThatCannotBeReachedEndsWithTheReasonAndExitCode1() throws IOException {
    Path file = pacemakerFile(NODE);

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
    assertThat(outcome.err()).startsWith("cau scan: No node of cluster \"web\" answered: ha1:")
        .doesNotContain("\tat ").doesNotContain("simulated");
  }

  @Test
  void testSetupOnARealClusterThatCannotBeReachedFailsTheClusterRuleWithTheReason() throws IOException {
    Path file = pacemakerFile(NODE);

    Cau.Outcome outcome = Cau.execute("test-setup", "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
    assertThat(outcome.outLines().get(0)).startsWith("Readiness of cluster web: NOT ready");
    assertThat(outcome.out()).contains("CAU-01 failed: The cluster could not be read: No node of cluster \"web\" answered");
  }

  @Test
  void statusOfARealClusterIsReadFromTheStoreUnderTheClustersNameWithoutConnecting() throws IOException {
    Path file = pacemakerFile(NODE);
    Path store = new dev.cau.core.store.FileRunStore(dir.resolve("store")).directory();

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString(), "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines()).containsExactly("Cluster:      web", "State:        RunNotInProgress");
  }

  @Test
  void statusWatchOnARealClusterReadsAnExistingStoreAndCreatesNone() throws IOException {
    Path file = pacemakerFile(NODE);

    Cau.Outcome outcome = Cau.execute("status", "--store", dir.resolve("store").toString(), "--watch",
        "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau status: \"--store\" must name an existing run store directory")
        .contains("No node was touched.");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void pluginsOnARealClusterListsTheInstalledPlugins() throws IOException {
    Path file = pacemakerFile(NODE);

    Cau.Outcome outcome = Cau.execute("plugins", "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).endsWith(" a run on cluster \"web\" can use");
    assertThat(outcome.outLines()).contains("Debian.AptPlugin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "scan", "test-setup", "plugins"})
  void aPluginTheFileNamesThatIsNotInstalledIsRefusedBeforeAnythingConnects(String command) throws IOException {
    Path file = pacemakerFile(NODE, """
          "plugins": [ { "name": "Debian.AptPlugin" }, { "name": "Contoso.NoSuchPlugin" } ],
        """);
    List<String> args = new ArrayList<>(List.of(command, "--cluster", file.toString()));
    if (command.equals("run")) {
      args.addAll(List.of("--store", dir.resolve("store").toString()));
    }

    Cau.Outcome outcome = Cau.execute(args.toArray(String[]::new));

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau " + command + ": invalid option: \"plugins\" must be one of the plug-ins"
        + " this cluster offers, ").contains("\"Debian.AptPlugin\"")
        .contains("but was \"Contoso.NoSuchPlugin\" at \"" + file + "\" line 3")
        .doesNotContain("answered");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void aProfileOnTheCommandLineWinsOverTheFilesPluginsOnARealClusterToo() throws IOException {
    Path file = pacemakerFile(NODE, """
          "plugins": [ { "name": "Debian.AptPlugin" } ],
        """);
    Path profile = Files.writeString(dir.resolve("p.profile"), "CauPluginName = Contoso.NoSuchPlugin\n");

    Cau.Outcome outcome = Cau.execute("scan", "--cluster", file.toString(), "--profile", profile.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err()).contains("No update plug-in is named \"Contoso.NoSuchPlugin\"")
        .contains("No node was scanned.");
  }

  private static final String NODE = """
      { "name": "ha1", "address": "192.0.2.11", "key-file": "ID", "known-hosts-file": "KNOWN" }""";

  private Path pacemakerFile(String node) throws IOException {
    return pacemakerFile(node, NO_KEYS);
  }

  /** No key between the backend and the nodes. */
  private static final String NO_KEYS = String.join("", List.of());

  private Path pacemakerFile(String node, String keys) throws IOException {
    // The backend checks that the key files can be read; nothing is connected, so their content does not matter.
    Path id = Files.writeString(dir.resolve("id"), "");
    Path known = Files.writeString(dir.resolve("known_hosts"), "");
    node = node.replace("ID", id.toString()).replace("KNOWN", known.toString());
    return Files.writeString(dir.resolve("cluster.json"), """
        { "name": "web",
          "backend": "pacemaker",
        """ + keys + """
          "nodes": [
        """ + node + """

          ] }
        """, StandardCharsets.UTF_8);
  }
}
