// docs/testkit.md: @ScenarioTest, run (with fewer scenarios than the example's 1,000, through the
// cau.scenarios override).
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.testkit.junit.ScenarioTest;
import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioProperties;
import dev.cau.testkit.scenario.ScenarioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PolicyScenarioTests {
  @BeforeAll
  static void fewerScenarios() {
    System.setProperty(ScenarioProperties.COUNT_PROPERTY, "50");
  }

  @AfterAll
  static void defaultScenarios() {
    System.clearProperty(ScenarioProperties.COUNT_PROPERTY);
  }

  // @example

  /** Your policy; this one keeps CAU's behaviour. */
  static final class MyPolicy implements OrchestrationPolicy {}
}
