package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plugin-path DIR}: plug-in jars added from a directory, like {@code Register-CauPlugin}. */
class PluginPathOptionTests {
  @TempDir Path dir;

  @Test
  void pluginsListsAPluginFromAJarInTheDirectory() throws IOException, URISyntaxException, InterruptedException {
    Path jars = dir.resolve("plugins");
    Path jar = PluginJars.build(dir.resolve("work"), jars);

    Cau.Outcome outcome = Cau.execute("plugins", "--plugin-path", jars.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines()).contains(PluginJars.NAME, "Microsoft.WindowsUpdatePlugin")
        .anyMatch(line -> line.startsWith("  Location: ") && line.endsWith(jar.getFileName().toString()));
  }

  @Test
  void pluginsWithAClusterListsTheAddedPluginAmongThoseARunCanUse() throws IOException, URISyntaxException, InterruptedException {
    Path jars = dir.resolve("plugins");
    PluginJars.build(dir.resolve("work"), jars);

    Cau.Outcome outcome = Cau.execute("plugins", "--plugin-path", jars.toString(),
        "--cluster", Path.of("..", "examples", "clusters", "lab-8-nodes.json").toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.outLines().get(0)).isEqualTo("3 plug-ins a run on cluster \"lab-8\" can use");
    assertThat(outcome.outLines()).contains(PluginJars.NAME);
  }

  @Test
  void aRunUsesThePluginItsProfileNamesFromTheDirectory() throws IOException, URISyntaxException, InterruptedException {
    Path jars = dir.resolve("plugins");
    PluginJars.build(dir.resolve("work"), jars);
    Path profile = Files.writeString(dir.resolve("contoso.profile"), "CauPluginName = " + PluginJars.NAME + "\n",
        StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--plugin-path", jars.toString(), "--profile", profile.toString(),
        "--report", "-", "--report-format", "json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Map<String, Object> run = JsonValues.map(JsonValues.list(JsonValues.parse(outcome.out())).get(0));
    assertThat(run).containsEntry("status", "Succeeded");
    assertThat(JsonValues.list(run.get("nodeResults"))).hasSize(4).allSatisfy(node ->
        assertThat(JsonValues.list(JsonValues.map(node).get("installResults"))).map(JsonValues::map)
            .extracting(result -> result.get("updateId")).containsExactly(PluginJars.UPDATE));
  }

  @Test
  void withoutThePluginPathTheSameProfileIsRefusedBeforeANodeIsTouched() throws IOException {
    Path profile = Files.writeString(dir.resolve("contoso.profile"), "CauPluginName = " + PluginJars.NAME + "\n",
        StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"" + PluginJars.NAME + "\"").contains("No node was touched");
  }

  @Test
  void aMissingDirectoryIsRefused() {
    Cau.Outcome outcome = Cau.execute("run", "--plugin-path", dir.resolve("absent").toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"--plugin-path\"").contains("absent").contains("does not exist")
        .contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aFileIsRefusedAsNotADirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("plugin.jar"), "", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("plugins", "--plugin-path", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"--plugin-path\"").contains("is not a directory");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aDirectoryWithoutJarsIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("README.txt"), "no jars here", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("plugins", "--plugin-path", empty.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"--plugin-path\"").contains("holds no .jar file");
  }

  @Test
  void anUnreadableDirectoryIsRefused() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("a.jar"), "", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
          "the user running the tests (root?) reads every directory; run as an ordinary user to check this");

      Cau.Outcome outcome = Cau.execute("plugins", "--plugin-path", locked.toString());

      assertThat(outcome.exitCode()).isEqualTo(2);
      assertThat(outcome.err()).contains("\"--plugin-path\"").contains("cannot be read");
    } finally {
      Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }
}
