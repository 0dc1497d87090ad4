package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's simulator example as written. The example's code lives here, between the
 * {@code example:} markers, and a second test fails when the README's code block differs from it,
 * so neither can drift from the other.
 */
class DocumentedExamplesTests {
  private static final Path README = Path.of("..", "README.md");
  private static final Path THIS_SOURCE = Path.of("src", "test", "java", "dev", "cau", "testkit",
      "DocumentedExamplesTests.java");
  private static final String SECTION = "## Testing a policy in the simulator";

  @Test
  void theReadmesSimulatorExampleRunsAndItsAssertionsHold() {
    // example: begin
    SimulatedUpdate cumulative = SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart();
    SimulatedCluster cluster = SimulatedCluster.builder("lab")
        .node("n1", n -> n.updates(cumulative))
        .node("n2", n -> n.updates(cumulative))
        .node("n3", n -> n.neverReturnsFromRestart().updates(cumulative))  // stays down after its restart
        .node("n4", n -> n.updates(cumulative))
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .role("sql", "n2")
        .build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster, 2);       // n3, down for good, and one more

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxFailedNodes(1).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(outcome.result().nodeResult("n3").orElseThrow().reason()).contains("reboot timeout");
    assertThat(outcome.result().nodeResult("n4").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(monitor.violations()).isEmpty();
    // example: end

    // What the example's prose says beyond its assertions: the fault did happen, one node at a time.
    assertThat(outcome.result().nodeResult("n3").orElseThrow().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(monitor.mostNodesOutOfService()).isEqualTo(2);
  }

  @Test
  void theReadmeShowsTheExampleExactlyAsItRunsHere() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf(SECTION);
    assertThat(section).as("README section %s", SECTION).isNotNegative();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find(section)).as("a java code block in README section %s", SECTION).isTrue();

    String source = Files.readString(THIS_SOURCE, StandardCharsets.UTF_8);
    String example = source.substring(source.indexOf("// example: begin\n") + "// example: begin\n".length(),
        source.indexOf("    // example: end"));

    assertThat(block.group(1)).isEqualTo(dedent(example));
  }

  /** Removes the four spaces of a method body from every line. */
  private static String dedent(String code) {
    List<String> lines = code.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).toList();
    return String.join("\n", lines) + "\n";
  }
}
