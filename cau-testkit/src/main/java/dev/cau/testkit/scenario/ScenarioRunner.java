package dev.cau.testkit.scenario;

import dev.cau.api.CauException;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.Simulation.SimulatedRun;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/** Runs scenarios through the real engine in virtual time and records what happened. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * Runs a scenario with CAU's policy.
   *
   * @param scenario the scenario
   * @return the recorded outcome
   */
  public static ScenarioOutcome run(Scenario scenario) {
    return run(scenario, OrchestrationPolicy.CAU);
  }

  /**
   * Runs a scenario with a policy.
   *
   * @param scenario the scenario
   * @param policy the decisions the engine takes
   * @return the recorded outcome; an engine failure is recorded, not thrown
   * @throws dev.cau.api.InvalidOptionsException if the scenario's options do not fit its cluster
   */
  public static ScenarioOutcome run(Scenario scenario, OrchestrationPolicy policy) {
    SimulatedCluster cluster = scenario.cluster();
    List<TimedSnapshot> timeline = new ArrayList<>();
    timeline.add(new TimedSnapshot(-1, cluster.simulator().now(), cluster.snapshot()));
    cluster.observe(c -> {
      List<ClusterChange> history = c.history();
      long sequence = history.isEmpty() ? -1 : history.get(history.size() - 1).sequence();
      timeline.add(new TimedSnapshot(sequence, c.simulator().now(), c.snapshot()));
    });
    SimulatedRun run = Simulation.start(cluster, scenario.options(), List.of(), policy);
    if (scenario.cancelAfter() != null) {
      cluster.simulator().schedule(cluster.simulator().now().plus(scenario.cancelAfter()), () -> run.run().cancel());
    }
    try {
      var outcome = run.complete();
      return new ScenarioOutcome(scenario, cluster, outcome.result(), outcome.events(), outcome.steps(),
          outcome.history(), timeline, null);
    } catch (IllegalStateException | CompletionException | CauException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return new ScenarioOutcome(scenario, cluster, null, List.of(), cluster.steps(), cluster.history(), timeline,
          cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }
}
