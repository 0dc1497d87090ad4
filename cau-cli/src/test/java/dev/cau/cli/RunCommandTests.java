package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunCommandTests {
  private static final Pattern PROGRESS = Pattern.compile("^\\+(\\d{2,}):(\\d{2}):(\\d{2})  .*");
  /** Updates each demo node installs: its initial updates plus the one that appears after the restart. */
  private static final Map<String, Integer> DEMO_INSTALLS =
      Map.of("node-1", 5, "node-2", 4, "node-3", 3, "node-4", 4);

  @Test
  void theDemoRunSucceedsOnEveryNodeAndExitsZero() {
    Cau.Outcome outcome = Cau.execute("run");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    DEMO_INSTALLS.forEach((node, installed) -> {
      assertThat(outcome.outLines())
          .as("progress line of %s", node)
          .anyMatch(line -> PROGRESS.matcher(line).matches()
              && line.matches(".*  " + node + " +Succeeded \\(" + installed + " installed, 0 failed\\)"));
      assertThat(outcome.outLines())
          .as("report row of %s", node)
          .anyMatch(line -> line.matches(node + " +Succeeded +" + installed + " +0 +1"));
    });
    assertThat(outcome.outLines()).contains("Status:   Succeeded");
    assertThat(outcome.out()).doesNotContain("Reason:");
  }

  @Test
  void progressLinesComeBeforeTheReportInRunOrder() {
    List<String> lines = Cau.execute("run").outLines();

    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Node ")).findFirst().orElseThrow());
    List<String> progress = lines.stream().filter(l -> PROGRESS.matcher(l).matches()).toList();
    assertThat(progress).isNotEmpty();
    assertThat(lines.subList(0, header)).containsAll(progress);
    assertThat(lines.subList(header, lines.size())).noneMatch(l -> PROGRESS.matcher(l).matches());
    assertThat(progress.stream().map(RunCommandTests::elapsedSeconds).toList()).isSorted();
    assertThat(progress.get(0)).isEqualTo(
        "+00:00:00  demo-cluster  run started; update order: node-4, node-3, node-2, node-1");
    assertThat(progress).contains(
        "+00:08:00  node-4        installing",
        "+00:25:00  node-4        restarting",
        // The second-order update: the node is resumed, stages it in service, is drained again.
        "+00:32:00  node-4        resuming",
        "+00:33:00  node-4        staging",
        "+00:41:00  node-4        Succeeded (4 installed, 0 failed)");
  }

  @Test
  void theReportListsNodesInUpdateOrder() {
    List<String> rows = Cau.execute("run").outLines().stream()
        .filter(l -> l.matches("node-\\d +Succeeded .*"))
        .map(l -> l.substring(0, "node-1".length()))
        .toList();

    assertThat(rows).containsExactly("node-4", "node-3", "node-2", "node-1");
  }

  @Test
  void maxRetriesPerNodeZeroIsRefusedBeforeTheRunStarts() {
    Cau.Outcome outcome = Cau.execute("run", "--max-retries-per-node", "0");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("MaxRetriesPerNode", "was 0", "between 1 and 64");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void maxFailedNodesMustStayBelowTheNodeCount() {
    Cau.Outcome outcome = Cau.execute("run", "--max-failed-nodes", "4");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("MaxFailedNodes", "was 4", "between 0 and 3");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aNodeOrderNamingAnUnknownNodeIsRefused() {
    Cau.Outcome outcome = Cau.execute("run", "--node-order", "node-1,node-9");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("NodeOrder", "\"node-9\"", "\"node-4\"");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void anUnknownFailbackModeIsAUsageError() {
    Cau.Outcome outcome = Cau.execute("run", "--failback", "Sometimes");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--failback", "NoFailback, Immediate or Policy", "Sometimes");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void optionsReachTheRun() {
    Cau.Outcome outcome = Cau.execute(
        "run", "--node-order", "node-1,node-2", "--failback", "nofailback",
        "--max-retries-per-node", "2", "--max-failed-nodes", "3", "--reboot-timeout-minutes", "30",
        "--require-all-nodes-online");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outLines().get(0)).isEqualTo(Cau.DEMO);
    assertThat(outcome.outLines().get(1))
        .endsWith("run started; update order: node-1, node-2, node-4, node-3");
  }

  @Test
  void aRunThatDoesNotSucceedExitsOneAndSaysWhy() {
    Cau.Outcome outcome = Cau.execute(RunCommandTests::clusterWithABrokenUpdate, "run", "--profile", Cau.IN_MEMORY);

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.outLines())
        .anyMatch(l -> l.matches("b +(PartiallyFailed|Failed) +1 +[1-9]\\d* +\\d+"))
        .anyMatch(l -> l.matches("a +Succeeded +1 +0 +\\d+"))
        .anyMatch(l -> l.startsWith("b: "))
        .anyMatch(l -> l.startsWith("Status:   ") && !l.endsWith("Succeeded"))
        .anyMatch(l -> l.startsWith("Reason:   "));
  }

  private static SimulatedCluster clusterWithABrokenUpdate(Instant start) {
    return SimulatedCluster.builder("lab")
        .startingAt(start)
        .node("a", n -> n.updates(SimulatedUpdate.of("KB1", "Fine update")))
        .node("b", n -> n.updates(
            SimulatedUpdate.of("KB1", "Fine update"),
            SimulatedUpdate.of("KB2", "Broken update").failingWith(0x80240022)))
        .node("c", n -> n.updates(SimulatedUpdate.of("KB1", "Fine update")))
        .witness(WitnessKind.DISK, WitnessState.ONLINE)
        .build();
  }

  private static long elapsedSeconds(String progressLine) {
    var m = PROGRESS.matcher(progressLine);
    if (!m.matches()) {
      throw new IllegalArgumentException(progressLine);
    }
    return Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
  }
}
