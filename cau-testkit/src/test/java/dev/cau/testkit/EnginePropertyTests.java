package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioOutcome;
import dev.cau.testkit.scenario.ScenarioProperties;
import dev.cau.testkit.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * The engine's property suite: thousands of generated clusters, faults and option sets, every
 * invariant of DESIGN section 5 checked after each. {@code -Dcau.scenarios=N} changes how many.
 */
class EnginePropertyTests {
  static final long FIRST_SEED = 20_261_122_000L;

  @Test
  void everyInvariantHoldsInEveryGeneratedScenario() {
    int count = ScenarioProperties.count(10_000);
    int ran = ScenarioProperties.assertForAll(
        ScenarioGenerator.defaults(), count, ScenarioProperties.firstSeed(FIRST_SEED), OrchestrationPolicy.CAU);
    assertThat(ran).isEqualTo(Long.getLong(ScenarioProperties.REPLAY_PROPERTY) == null ? count : 1);
  }

  @Test
  void theSameSeedGivesTheSameHistory() {
    for (long seed = FIRST_SEED; seed < FIRST_SEED + 50; seed++) {
      Scenario scenario = ScenarioGenerator.defaults().generate(seed);
      ScenarioOutcome first = ScenarioRunner.run(scenario);
      ScenarioOutcome second = ScenarioRunner.run(ScenarioGenerator.defaults().generate(seed));
      assertThat(second.history()).as("seed %d", seed).isEqualTo(first.history());
      assertThat(second.events()).as("seed %d", seed).isEqualTo(first.events());
    }
  }

  @Test
  void generatedScenariosCoverWhatTheyShould() {
    int faults = 0;
    int big = 0;
    int stopped = 0;
    int takenOver = 0;
    java.util.Set<dev.cau.testkit.scenario.CoordinatorFault.Kind> coordinatorFaults =
        java.util.EnumSet.noneOf(dev.cau.testkit.scenario.CoordinatorFault.Kind.class);
    for (long seed = FIRST_SEED; seed < FIRST_SEED + 500; seed++) {
      Scenario scenario = ScenarioGenerator.defaults().generate(seed);
      faults += scenario.faults() > 0 ? 1 : 0;
      if (scenario.coordinatorFault() != null) {
        coordinatorFaults.add(scenario.coordinatorFault().kind());
      }
      big += scenario.nodes().size() > 24 ? 1 : 0;
      ScenarioOutcome outcome = ScenarioRunner.run(scenario);
      stopped += outcome.result() != null && outcome.result().status() != dev.cau.api.result.SummaryStatus.SUCCEEDED ? 1 : 0;
      takenOver += outcome.result() != null && outcome.result().coordinators().size() > 1 ? 1 : 0;
      assertThat(InvariantChecker.check(outcome)).isEmpty();
    }
    assertThat(faults).as("scenarios with faults").isGreaterThan(100);
    assertThat(big).as("scenarios over 24 nodes").isGreaterThan(10);
    assertThat(stopped).as("runs that did not succeed").isGreaterThan(50);
    assertThat(coordinatorFaults).as("kinds of coordinator fault").containsExactlyInAnyOrder(
        dev.cau.testkit.scenario.CoordinatorFault.Kind.values());
    assertThat(takenOver).as("runs a second coordinator took over").isGreaterThan(10);
  }

  @Test
  void regressionForcedDrainWithNowhereToGoStopsTheRole() {
    // Found by a million-scenario run and shrunk to this: a forced drain whose only other node
    // was in maintenance left the role online on the node that then restarted.
    dev.cau.testkit.cluster.SimulatedCluster cluster = dev.cau.testkit.cluster.SimulatedCluster.builder("regression")
        .witness(dev.cau.api.cluster.WitnessKind.FILE_SHARE, dev.cau.api.cluster.WitnessState.ONLINE)
        .node("n1", n -> n.state(dev.cau.api.cluster.NodeState.PAUSED))
        .node("n2")
        .role("role-1", "n2")
        .build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    Simulation.run(cluster, Simulation.options().pauseMode(dev.cau.core.options.PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT)
        .skipCompliantNodes(false).bypassMaintenanceModeCheck(true).build());

    assertThat(cluster.failedRoles()).containsExactly("role-1");
    assertThat(cluster.history()).anySatisfy(c -> assertThat(c.description()).contains("stopped as failed"));
    assertThat(monitor.violations()).allSatisfy(v -> assertThat(v).doesNotContain("role"));
  }
}
