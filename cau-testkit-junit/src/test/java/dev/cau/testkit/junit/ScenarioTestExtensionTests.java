package dev.cau.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ScenarioTestExtensionTests {

  @ScenarioTest(count = 25)
  void theEngineKeepsEveryInvariant(Scenario scenario) {
    assertThat(InvariantChecker.check(ScenarioRunner.run(scenario))).isEmpty();
  }

  @Test
  void eachScenarioIsOneRunNamedByItsSeed() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Fixtures.Passing.class)).execute().testEvents();

    assertThat(events.succeeded().count()).isEqualTo(5);
    assertThat(events.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .allSatisfy(name -> assertThat(name).startsWith("seed 420").contains("nodes"));
  }

  @Test
  void aFailingScenarioIsShrunkAndReportedWithItsSeed() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Fixtures.FailsOnBigClusters.class)).execute().testEvents();

    assertThat(events.failed().count()).isPositive();
    Throwable failure = events.failed().stream().findFirst().orElseThrow()
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure).hasMessageContaining("Scenario with seed").hasMessageContaining("-Dcau.replay=")
        .hasMessageContaining("Shrunk to:").hasMessageContaining(": 5 nodes");
  }
}
