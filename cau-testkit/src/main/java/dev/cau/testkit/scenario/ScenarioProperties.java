package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.core.policy.OrchestrationPolicy;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Runs generated scenarios through the engine and checks every invariant after each, from any
 * test framework: {@link #check} returns a report, {@link #assertForAll} throws an
 * {@link AssertionError} that carries the seed, the violations and the shrunk scenario's history.
 *
 * <p>System properties: {@value #COUNT_PROPERTY} sets how many scenarios run,
 * {@value #SEED_PROPERTY} the first seed, and {@value #REPLAY_PROPERTY} replays one seed alone.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ScenarioProperties {
  /** How many scenarios to run, for example {@code -Dcau.scenarios=1000000}. */
  public static final String COUNT_PROPERTY = "cau.scenarios";
  /** The first seed; scenario {@code i} uses seed {@code first + i}. */
  public static final String SEED_PROPERTY = "cau.seed";
  /** Replays one seed alone, for example {@code -Dcau.replay=20261122417}. */
  public static final String REPLAY_PROPERTY = "cau.replay";

  private ScenarioProperties() {}

  /**
   * What a check found.
   *
   * @param scenariosRun how many scenarios ran
   * @param failure the first failing scenario, shrunk, if any
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public record Report(int scenariosRun, Optional<Failure> failure) {}

  /**
   * A failing scenario.
   *
   * @param seed the seed that reproduces it
   * @param violations what broke in the original scenario
   * @param original the generated scenario
   * @param shrunk the smallest scenario found that still breaks the same invariant
   * @param shrunkViolations what broke in the shrunk scenario
   * @param shrunkHistory the shrunk scenario's history, for a person
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public record Failure(
      long seed,
      List<Violation> violations,
      Scenario original,
      Scenario shrunk,
      List<Violation> shrunkViolations,
      String shrunkHistory) {
    /**
     * Describes the failure: seed, how to replay it, violations, and the shrunk scenario.
     *
     * @return several lines
     */
    public String describe() {
      return "Scenario with seed " + seed + " broke an invariant (replay with -D" + REPLAY_PROPERTY + "=" + seed + "):\n"
          + String.join("\n", violations.stream().map(v -> "  " + v).toList())
          + "\nShrunk to:\n" + shrunk.describe()
          + "\nwhich breaks:\n" + String.join("\n", shrunkViolations.stream().map(v -> "  " + v).toList())
          + "\nHistory of the shrunk scenario:\n" + shrunkHistory;
    }
  }

  /**
   * Returns the number of scenarios to run: the system property, or a default.
   *
   * @param fallback the default
   * @return the count
   */
  public static int count(int fallback) {
    return Integer.getInteger(COUNT_PROPERTY, fallback);
  }

  /**
   * Returns the first seed: the system property, or a default.
   *
   * @param fallback the default
   * @return the seed
   */
  public static long firstSeed(long fallback) {
    return Long.getLong(SEED_PROPERTY, fallback);
  }

  /**
   * Runs scenarios from consecutive seeds until one breaks an invariant, then shrinks it. With
   * {@value #REPLAY_PROPERTY} set, runs that seed alone.
   *
   * @param generator makes the scenarios
   * @param count how many to run
   * @param firstSeed the seed of the first
   * @param policy the policy under test
   * @return the report
   */
  public static Report check(ScenarioGenerator generator, int count, long firstSeed, OrchestrationPolicy policy) {
    Long replay = Long.getLong(REPLAY_PROPERTY);
    long first = replay != null ? replay : firstSeed;
    int runs = replay != null ? 1 : count;
    for (int i = 0; i < runs; i++) {
      long seed = first + i;
      Scenario scenario = generator.generate(seed);
      List<Violation> violations = InvariantChecker.check(ScenarioRunner.run(scenario, policy));
      if (!violations.isEmpty()) {
        return new Report(i + 1, Optional.of(shrink(scenario, violations, policy)));
      }
    }
    return new Report(runs, Optional.empty());
  }

  /**
   * Like {@link #check}, but throws when a scenario breaks an invariant.
   *
   * @param generator makes the scenarios
   * @param count how many to run
   * @param firstSeed the seed of the first
   * @param policy the policy under test
   * @return how many scenarios ran
   * @throws AssertionError naming the seed, the violations and the shrunk scenario with its history
   */
  public static int assertForAll(ScenarioGenerator generator, int count, long firstSeed, OrchestrationPolicy policy) {
    Report report = check(generator, count, firstSeed, policy);
    report.failure().ifPresent(f -> {
      throw new AssertionError(f.describe());
    });
    return report.scenariosRun();
  }

  private static Failure shrink(Scenario scenario, List<Violation> violations, OrchestrationPolicy policy) {
    String invariant = violations.get(0).invariant();
    Scenario shrunk = Shrinker.shrink(scenario, candidate -> breaks(candidate, invariant, policy));
    ScenarioOutcome outcome = ScenarioRunner.run(shrunk, policy);
    return new Failure(scenario.seed(), violations, scenario, shrunk, InvariantChecker.check(outcome), outcome.history());
  }

  private static boolean breaks(Scenario candidate, String invariant, OrchestrationPolicy policy) {
    return InvariantChecker.check(ScenarioRunner.run(candidate, policy)).stream()
        .anyMatch(v -> v.invariant().equals(invariant));
  }
}
