package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cau run --cluster} with a real backend ({@code pacemaker}), refused before any node is
 * touched: the addresses are in TEST-NET-1, where nothing answers, so a test that connected would
 * fail on the connection instead of the expected message. The run itself is in
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

  private Path pacemakerFile(String node) throws IOException {
    // The backend checks that the key files can be read; nothing is connected, so their content does not matter.
    Path id = Files.writeString(dir.resolve("id"), "");
    Path known = Files.writeString(dir.resolve("known_hosts"), "");
    node = node.replace("ID", id.toString()).replace("KNOWN", known.toString());
    return Files.writeString(dir.resolve("cluster.json"), """
        { "name": "web",
          "backend": "pacemaker",
          "nodes": [
        """ + node + """

          ] }
        """, StandardCharsets.UTF_8);
  }
}
