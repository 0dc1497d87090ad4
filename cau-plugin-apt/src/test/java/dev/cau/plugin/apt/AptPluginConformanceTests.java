package dev.cau.plugin.apt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.plugin.apt.PackageLab.Node;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in keeps the plug-in contract on real package nodes, checked by the testkit's
 * conformance kit: each check gets a fresh node with the 1.0 lab packages; a restart clears
 * Debian's restart flag, as a boot does; the failing node's repository has disappeared, so
 * {@code apt-get update} fails there. Needs root, dpkg-dev and apt, like {@link AptPluginRealTests}.
 */
class AptPluginConformanceTests {
  @TempDir Path directory;
  private final List<Node> nodes = new ArrayList<>();
  private Path repo;

  @BeforeEach
  void buildRepository() throws IOException {
    PackageLab.assumeAvailable();
    repo = PackageLab.buildRepository(directory);
  }

  @AfterEach
  void takeEveryNodeDown() throws IOException {
    for (Node node : nodes) {
      node.close();
    }
    assertThat(PackageLab.mountsUnder(directory)).as("mounts left behind").isEmpty();
  }

  private ConformanceNode node() {
    try {
      Node node = Node.up("n" + (nodes.size() + 1), directory, repo, "cau-lab-tool=1.0", "cau-lab-kernel=1.0");
      nodes.add(node);
      return ConformanceNode.of(node.runner).onRestart(() -> {
        try {
          PackageLab.run("/usr/bin/nsenter", "--mount=" + node.namespace, "/usr/bin/rm", "-f", RebootFlag.FLAG,
              RebootFlag.PACKAGES);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ConformanceNode failingNode() {
    try {
      Path vanishing = PackageLab.buildRepository(directory.resolve("vanishing"));
      Node node = Node.up("failing", directory, vanishing);
      nodes.add(node);
      try (var files = Files.list(vanishing)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      return ConformanceNode.of(node.runner);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyCheckRunsAndPassesOnRealNodes() {
    ConformanceReport report = PluginConformance.of(new AptPluginProvider())
        .arguments(Map.of("AllowPackages", "cau-lab-tool cau-lab-kernel"))
        .node(this::node)
        .failingNode(this::failingNode)
        .check();

    assertThat(report.findings()).extracting(ConformanceFinding::check).containsExactly(ConformanceCheck.values());
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.outcome()).as(f.check() + ": " + f.message())
        .isEqualTo(Outcome.PASSED));
  }
}
