package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.cluster.ClusterActionUnsupportedException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.FunctionalLevel;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.StoragePoolVersion;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.cluster.ValidationSummary;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster-wide post-upgrade actions of a simulated cluster. */
class PostUpgradeActionTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("hv").node("n1").node("n2").build();
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.empty());

  @Test
  void byDefaultTheClusterIsAtItsHighestLevelWithAnUpToDatePoolAndPassesValidation() {
    assertThat(cluster.functionalLevel(context)).isEqualTo(new FunctionalLevel(11, 11));
    assertThat(cluster.storagePoolVersion(context)).isEqualTo(new StoragePoolVersion("S2D on hv", "1", false));
    ValidationSummary validation = cluster.validate(context);
    assertThat(validation.succeeded()).isTrue();
    assertThat(validation.passed()).isEqualTo(40);
  }

  @Test
  void raisingTheLevelTakesItToTheHighestSupportedAndIsAStep() {
    cluster.functionalLevel(10, 11);
    Instant start = cluster.simulator().now();

    FunctionalLevel raised = cluster.raiseFunctionalLevel(context);

    assertThat(raised).isEqualTo(new FunctionalLevel(11, 11));
    assertThat(cluster.functionalLevel(context).canRaise()).isFalse();
    assertThat(cluster.steps()).extracting(StepRecord::node, StepRecord::step).contains(
        org.assertj.core.api.Assertions.tuple("hv", "raise functional level"));
    assertThat(cluster.simulator().now()).isEqualTo(start.plus(SimulatedCluster.FUNCTIONAL_LEVEL_RAISE));
  }

  @Test
  void raisingIsRefusedWhileANodeIsPaused() {
    cluster.functionalLevel(10, 11);
    cluster.node("n2").suspend(SuspendRequest.DEFAULT, context);

    assertThatThrownBy(() -> cluster.raiseFunctionalLevel(context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("n2 is PAUSED");
    assertThat(cluster.functionalLevel(context).current()).isEqualTo(10);

    cluster.node("n2").resume(FailbackMode.IMMEDIATE, context);
    assertThat(cluster.raiseFunctionalLevel(context).current()).isEqualTo(11);
  }

  @Test
  void raisingIsRefusedWhileANodeIsDown() {
    SimulatedCluster withDownNode = SimulatedCluster.builder("hv").node("n1").node("n2", n -> n.state(NodeState.DOWN))
        .build();
    withDownNode.functionalLevel(10, 11);

    assertThatThrownBy(() -> withDownNode.raiseFunctionalLevel(context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("n2 is DOWN");
  }

  @Test
  void upgradingThePoolBumpsItsVersionOnce() {
    cluster.storagePool("S2D on hv", "7", true);

    assertThat(cluster.upgradeStoragePool(context)).isEqualTo(new StoragePoolVersion("S2D on hv", "8", false));
    assertThat(cluster.upgradeStoragePool(context)).isEqualTo(new StoragePoolVersion("S2D on hv", "8", false));
    assertThat(cluster.steps()).extracting(StepRecord::step).containsExactly("upgrade storage pool", "upgrade storage pool");
  }

  @Test
  void validationReturnsThePlantedSummary() {
    ValidationSummary failed = new ValidationSummary(38, 1, 1, List.of("Validate Network Communication: failed"),
        "C:\\Reports\\v.htm");
    cluster.validationResult(failed);

    assertThat(cluster.validate(context)).isEqualTo(failed);
    assertThat(cluster.steps()).extracting(StepRecord::step).containsExactly("validate");
  }

  @Test
  void aClusterCanBehaveLikeAControllerWithoutTheActions() {
    cluster.postUpgradeActionsUnsupported();

    assertThatThrownBy(() -> cluster.raiseFunctionalLevel(context))
        .isInstanceOf(ClusterActionUnsupportedException.class);
    assertThatThrownBy(() -> cluster.validate(context)).isInstanceOf(ClusterActionUnsupportedException.class);
  }
}
