// docs/testkit.md: driving the seeded generator from your own loop, run.
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioRunner;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OwnLoopTests {
  @Test
  void everyGeneratedScenarioKeepsTheInvariants() {
    // @example
  }
}
