// docs/testkit.md: a policy checked over generated scenarios, run (with fewer scenarios than the
// example's 10,000, through the cau.scenarios override the example names).
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyPropertyTests {
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
