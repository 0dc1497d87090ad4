package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessState;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.quorum.QuorumGuard;
import dev.cau.core.quorum.QuorumPolicy;
import dev.cau.testkit.scenario.InvariantChecker;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioProperties;
import dev.cau.testkit.scenario.ScenarioProperties.Failure;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invariant checkers can fail: deliberately wrong policies are caught and shrunk to small scenarios. */
class PlantedFaultTests {

  /** Counts a configured witness as voting even when it is offline. */
  static final OrchestrationPolicy IGNORES_WITNESS_STATE = new OrchestrationPolicy() {
    @Override
    public QuorumDecision mayTakeDown(ClusterSnapshot snapshot, String node, QuorumPolicy quorumPolicy) {
      ClusterSnapshot witnessAlwaysOnline = new ClusterSnapshot(snapshot.name(), snapshot.nodes(),
          snapshot.witness().isConfigured() ? new Witness(snapshot.witness().kind(), WitnessState.ONLINE) : Witness.NONE,
          snapshot.roles(), snapshot.storage());
      return QuorumGuard.evaluate(witnessAlwaysOnline, Set.of(node), quorumPolicy);
    }
  };

  /** Leaves a node paused when one of its attempts fails. */
  static final OrchestrationPolicy FORGETS_TO_RESUME = new OrchestrationPolicy() {
    @Override
    public boolean resumeAfterFailedAttempt() {
      return false;
    }
  };

  /** Tries a node once more than MaxRetriesPerNode allows. */
  static final OrchestrationPolicy RETRIES_ONE_TOO_MANY = new OrchestrationPolicy() {
    @Override
    public boolean mayRetry(int attemptsMade, int maxRetriesPerNode) {
      return attemptsMade <= maxRetriesPerNode;
    }
  };

  private static Failure caught(OrchestrationPolicy policy) {
    ScenarioProperties.Report report = ScenarioProperties.check(
        ScenarioGenerator.defaults(), 10_000, EnginePropertyTests.FIRST_SEED, policy);
    assertThat(report.failure()).as("a violation within %d scenarios", report.scenariosRun()).isPresent();
    return report.failure().orElseThrow();
  }

  @Test
  void aQuorumGuardThatIgnoresAnOfflineWitnessIsCaughtAndShrunk() {
    Failure failure = caught(IGNORES_WITNESS_STATE);

    assertThat(failure.violations()).anySatisfy(v -> assertThat(v.invariant()).isEqualTo(InvariantChecker.QUORUM));
    assertThat(failure.shrunkViolations()).anySatisfy(v -> assertThat(v.invariant()).isEqualTo(InvariantChecker.QUORUM));
    assertThat(failure.shrunk().nodes()).hasSizeLessThanOrEqualTo(4);
    assertThat(failure.shrunk().witness().state()).isEqualTo(WitnessState.OFFLINE);
    assertThat(failure.describe()).contains("-Dcau.replay=" + failure.seed()).contains("History of the shrunk scenario");
  }

  @Test
  void aRunThatForgetsToResumeANodeAfterAFailedAttemptIsCaughtAndShrunk() {
    Failure failure = caught(FORGETS_TO_RESUME);

    assertThat(failure.shrunkViolations()).anySatisfy(v -> assertThat(v.invariant()).isEqualTo(InvariantChecker.RESUMED));
    assertThat(failure.shrunk().nodes()).hasSizeLessThanOrEqualTo(3);
    assertThat(failure.shrunk().faults()).isLessThanOrEqualTo(1);
    assertThat(failure.shrunk().roles()).isEmpty();
  }

  @Test
  void aRetryCounterOffByOneIsCaughtAndShrunk() {
    Failure failure = caught(RETRIES_ONE_TOO_MANY);

    assertThat(failure.shrunkViolations()).anySatisfy(v -> assertThat(v.invariant()).isEqualTo(InvariantChecker.FAILURE_LIMITS));
    assertThat(failure.shrunk().nodes()).hasSizeLessThanOrEqualTo(3);
    assertThat(failure.shrunk().roles()).isEmpty();
    assertThat(failure.shrunk().updates()).isLessThanOrEqualTo(2);
  }
}
