package dev.cau.benchmarks;

import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioRunner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real time of the engine's property suite: generate, run and check {@code scenarios} scenarios,
 * against a baseline measured in the same JMH run that only generates them. One shot per
 * iteration, as the suite runs in a build.
 *
 * <p>{@code java -jar cau-benchmarks/target/benchmarks.jar ScenarioSuiteBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ScenarioSuiteBenchmark {
  /** How many scenarios: the suite's default. */
  @Param({"10000"})
  public int scenarios;

  /** Baseline: make the scenarios and nothing else. */
  @Benchmark
  public long generateOnly() {
    long nodes = 0;
    for (int i = 0; i < scenarios; i++) {
      nodes += ScenarioGenerator.defaults().generate(20_261_122_000L + i).nodes().size();
    }
    return nodes;
  }

  /** The suite: make, run and check every scenario. */
  @Benchmark
  public long generateRunAndCheck() {
    long violations = 0;
    for (int i = 0; i < scenarios; i++) {
      Scenario scenario = ScenarioGenerator.defaults().generate(20_261_122_000L + i);
      violations += InvariantChecker.check(ScenarioRunner.run(scenario)).size();
    }
    if (violations != 0) {
      throw new IllegalStateException(violations + " invariant violations");
    }
    return violations;
  }
}
