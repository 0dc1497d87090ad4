package dev.cau.testkit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per generated scenario. The method takes a
 * {@link dev.cau.testkit.scenario.Scenario} parameter; each run is named by its seed. When a run
 * fails, the scenario is shrunk by calling the method again with smaller scenarios, and the
 * failure reports the seed, how to replay it, and the smallest scenario that still fails.
 *
 * <pre>{@code
 * @ScenarioTest(count = 1000)
 * void myPolicyKeepsEveryInvariant(Scenario scenario) {
 *   assertThat(InvariantChecker.check(ScenarioRunner.run(scenario, new MyPolicy()))).isEmpty();
 * }
 * }</pre>
 *
 * <p>{@code -Dcau.scenarios=N} overrides the count, {@code -Dcau.seed=S} the first seed, and
 * {@code -Dcau.replay=S} runs one seed alone.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ScenarioExtension.class)
public @interface ScenarioTest {
  /**
   * How many scenarios to run, unless {@code -Dcau.scenarios} says otherwise.
   *
   * @return the count
   */
  int count() default 100;

  /**
   * The seed of the first scenario, unless {@code -Dcau.seed} says otherwise.
   *
   * @return the first seed
   */
  long firstSeed() default 20_261_122_000L;

  /**
   * The smallest cluster to generate.
   *
   * @return at least 2
   */
  int minNodes() default 2;

  /**
   * The largest cluster to generate.
   *
   * @return at most 64
   */
  int maxNodes() default 64;
}
