package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioOutcome;
import dev.cau.testkit.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every message a run produces states its counts in the right number: "1 node", never "1 nodes".
 * The messages are those of generated scenarios (the property suite's first seeds) and of planted
 * runs that are sure to state a count of one.
 */
class MessageWordingTests {
  /** A count of exactly one followed by a plural noun that a message may state. */
  static final Pattern ONE_WITH_A_PLURAL = Pattern.compile("(?<![\\d.,:+-])\\b1 (nodes|updates|minutes|seconds|hours"
      + "|attempts|times|restarts|runs|plug-ins|install passes|passes|hashtables|faults|reports|errors|votes|roles"
      + "|retries|failures|applicable updates)\\b");
  private static final int SCENARIOS = 300;

  @Test
  void thePatternFindsAWronglyWordedCountAndOnlyThat() {
    assertThat(ONE_WITH_A_PLURAL.matcher("after 1 nodes failed").find()).isTrue();
    assertThat(ONE_WITH_A_PLURAL.matcher("the reboot timeout of 1 minutes").find()).isTrue();
    assertThat(ONE_WITH_A_PLURAL.matcher("1 of 1 updates failed").find()).isTrue();
    assertThat(ONE_WITH_A_PLURAL.matcher("11 nodes, 1 node, 21 updates, 0.1 minutes").find()).isFalse();
  }

  @Test
  void noGeneratedScenarioStatesACountOfOneWithAPlural() {
    List<String> wrong = new ArrayList<>();
    for (long seed = EnginePropertyTests.FIRST_SEED; seed < EnginePropertyTests.FIRST_SEED + SCENARIOS; seed++) {
      Scenario scenario = ScenarioGenerator.defaults().generate(seed);
      ScenarioOutcome outcome = ScenarioRunner.run(scenario);
      String messages = outcome.history() + "\n" + describe(outcome.result()) + "\n"
          + InvariantChecker.check(outcome) + "\n" + outcome.engineFailure();
      Matcher m = ONE_WITH_A_PLURAL.matcher(messages);
      while (m.find()) {
        wrong.add("seed " + seed + ": " + line(messages, m.start()));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRunThatStatesCountsOfOneWordsThemInTheSingular() {
    // One update that fails on n1, a reboot timeout of one minute that n2 misses, one attempt per
    // node, and no failed node allowed: the run stops after the first failure.
    SimulatedCluster cluster = SimulatedCluster.builder("one")
        .node("n1", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").failingWith(0x80240022)))
        .node("n2", n -> n.neverReturnsFromRestart().updates(SimulatedUpdate.of("KB2", "Driver").requiringRestart()))
        .node("n3")
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .build();

    SimulationResult failedUpdate = Simulation.run(cluster, Simulation.options()
        .nodeOrder(List.of("n1", "n2", "n3")).maxRetriesPerNode(1).maxFailedNodes(0).build());
    SimulatedCluster again = SimulatedCluster.builder("two")
        .node("n1").node("n2", n -> n.neverReturnsFromRestart().updates(SimulatedUpdate.of("KB2", "Driver").requiringRestart()))
        .node("n3").node("n4")
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .build();
    SimulationResult timedOut = Simulation.run(again, Simulation.options()
        .nodeOrder(List.of("n2", "n1", "n3", "n4")).rebootTimeoutMinutes(1).maxRetriesPerNode(1).build());

    String first = failedUpdate.events() + "\n" + describe(failedUpdate.result());
    String second = timedOut.events() + "\n" + describe(timedOut.result());
    assertThat(describe(failedUpdate.result())).contains("1 of 1 update failed", "1 node failed, more than MaxFailedNodes (0)");
    assertThat(describe(timedOut.result())).contains("reboot timeout of 1 minute", "1 of 4 nodes did not succeed");
    assertThat(ONE_WITH_A_PLURAL.matcher(first).find()).as(first).isFalse();
    assertThat(ONE_WITH_A_PLURAL.matcher(second).find()).as(second).isFalse();
  }

  private static String describe(@Nullable RunResult result) {
    if (result == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(String.valueOf(result.reason()));
    for (NodeResult node : result.nodeResults()) {
      text.append('\n').append(node.node()).append(": ").append(node.reason());
    }
    return text.toString();
  }

  private static String line(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
