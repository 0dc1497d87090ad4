package dev.cau.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.scenario.Scenario;

/** Test classes that the extension's tests run through the JUnit engine; not run on their own. */
final class Fixtures {
  private Fixtures() {}

  static final class Passing {
    @ScenarioTest(count = 5, firstSeed = 4200, maxNodes = 8)
    void passes(Scenario scenario) {
      assertThat(scenario.nodes()).isNotEmpty();
    }
  }

  /** Fails whenever a cluster has more than four nodes: the smallest failing one has five. */
  static final class FailsOnBigClusters {
    @ScenarioTest(count = 20, firstSeed = 4300, minNodes = 9, maxNodes = 16)
    void failsOnBigClusters(Scenario scenario) {
      assertThat(scenario.nodes()).hasSizeLessThanOrEqualTo(4);
    }
  }
}
