package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine refuses before a node is touched ends {@code cau run} with exit code 2 and a
 * message, never a stack trace.
 */
class RunRefusalTests {
  @TempDir Path dir;

  @Test
  void aClusterThatIsNotReadyIsRefusedNamingTheFailedRuleWithoutAStackTrace() throws IOException {
    // The profile names no plug-in, so CAU's default, Microsoft.WindowsUpdatePlugin, runs; these
    // nodes have no Windows Update Agent behind their PowerShell, which its readiness rule catches.
    Path profile = Files.writeString(dir.resolve("window.profile"), "MaxRetriesPerNode = 2\n", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute(RunRefusalTests::clusterWithoutAgents, "run", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines().get(0))
        .isEqualTo("cau run: the cluster is not ready to be updated: 1 readiness rule of Error severity failed:");
    assertThat(outcome.errLines().get(1)).startsWith("  WindowsUpdatePlugin.agentReachable (The Windows Update Agent must"
        + " answer on every node): ");
    assertThat(outcome.errLines().get(2)).startsWith("    Resolution: ");
    assertThat(outcome.errLines()).last().isEqualTo("No node was touched. See 'cau test-setup'.");
    assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(outcome.out()).doesNotContain("installing");
  }

  private static SimulatedCluster clusterWithoutAgents(Instant start) {
    return SimulatedCluster.builder("bare").startingAt(start).node("a").node("b").node("c").build();
  }
}
