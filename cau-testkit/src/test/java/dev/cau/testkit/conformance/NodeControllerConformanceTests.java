package dev.cau.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The node controller conformance kit, on the simulated cluster and on broken controllers. */
class NodeControllerConformanceTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("lab")
      .node("n1").node("n2").node("n3")
      .role("sql", "n1").role("web", "n1")
      .build();

  private NodeControllerConformance kit(ClusterController controller) {
    return NodeControllerConformance.of(controller, "n1")
        .contexts(() -> NodeControllerConformance.context("n1", cluster.simulator().clock()))
        .readyTimeout(Duration.ofMinutes(30));
  }

  @Test
  void theSimulatedNodeControllerConforms() {
    NodeControllerReport report = kit(cluster).assertConforms();

    assertThat(report.findings()).extracting(NodeControllerFinding::outcome)
        .containsOnly(ConformanceFinding.Outcome.PASSED).hasSize(NodeControllerCheck.values().length);
    assertThat(cluster.steps()).extracting(StepRecord::step)
        .containsSubsequence("suspend", "suspend", "restart FULL", "await ready", "resume", "resume");
    assertThat(cluster.roleOwners()).containsEntry("sql", "n1").containsEntry("web", "n1");
    assertThat(cluster.node("n1").state()).isEqualTo(NodeState.UP);
  }

  @Test
  void aSuspendOfAPausedNodeThatThrowsIsCaught() {
    NodeControllerReport report = kit(new Broken(cluster, node -> new ForwardingNode(node) {
      @Override
      public void suspend(SuspendRequest request, OperationContext context) {
        if (node.state() == NodeState.PAUSED) {
          throw new NodeOperationException(node.name(), "The node is already paused");
        }
        super.suspend(request, context);
      }
    }, UnaryOperator.identity())).check();

    assertThat(report.conforms()).isFalse();
    assertThat(report.finding(NodeControllerCheck.SUSPEND_OF_PAUSED_NODE).message())
        .contains("threw NodeOperationException: The node is already paused");
    assertThat(report.finding(NodeControllerCheck.RESUME_OF_RESUMED_NODE).failed()).isFalse();
    assertThatThrownBy(() -> kit(new Broken(cluster, node -> new ForwardingNode(node) {
      @Override
      public void suspend(SuspendRequest request, OperationContext context) {
        throw new NodeOperationException(node.name(), "no");
      }
    }, UnaryOperator.identity())).assertConforms()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("suspend pauses the node");
  }

  @Test
  void aResumeOfAResumedNodeThatRestartsItIsCaught() {
    NodeControllerReport report = kit(new Broken(cluster, node -> new ForwardingNode(node) {
      @Override
      public void resume(FailbackMode failback, OperationContext context) {
        boolean paused = node.state() == NodeState.PAUSED;
        super.resume(failback, context);
        if (!paused) { // "resumes" by restarting the node
          node.restart(RebootMode.FULL, context);
          node.awaitReady(Duration.ofHours(1), context);
        }
      }
    }, UnaryOperator.identity())).check();

    assertThat(report.finding(NodeControllerCheck.RESUME_OF_RESUMED_NODE).failed()).isTrue();
    assertThat(report.finding(NodeControllerCheck.RESUME_OF_RESUMED_NODE).message()).contains("boot identity changed");
  }

  @Test
  void aBootIdentityThatNeverChangesIsCaught() {
    NodeControllerReport report = kit(new Broken(cluster, node -> node, snapshot -> new ClusterSnapshot(
        snapshot.name(),
        snapshot.nodes().stream().map(n -> new NodeSnapshot(n.name(), n.state(), n.voteWeight(), n.faultDomain(),
            "boot-of-" + n.name())).toList(),
        snapshot.witness(), snapshot.roles(), snapshot.storage()))).check();

    assertThat(report.failures()).extracting(NodeControllerFinding::check)
        .containsExactly(NodeControllerCheck.BOOT_IDENTITY);
    assertThat(report.finding(NodeControllerCheck.BOOT_IDENTITY).message()).contains("still \"boot-of-n1\"");
  }

  @Test
  void aControllerWithoutBootIdentitiesIsNotFailedForIt() {
    NodeControllerReport report = kit(new Broken(cluster, node -> node, snapshot -> new ClusterSnapshot(
        snapshot.name(),
        snapshot.nodes().stream().map(n -> new NodeSnapshot(n.name(), n.state(), n.voteWeight(), n.faultDomain()))
            .toList(),
        snapshot.witness(), snapshot.roles(), snapshot.storage()))).check();

    assertThat(report.conforms()).isTrue();
    assertThat(report.finding(NodeControllerCheck.BOOT_IDENTITY).outcome()).isEqualTo(ConformanceFinding.Outcome.NOT_RUN);
  }

  @Test
  void aPendingRestartReportedRightAfterARestartIsCaught() {
    NodeControllerReport report = kit(new Broken(cluster, node -> new ForwardingNode(node) {
      @Override
      public PendingRestart pendingRestart(OperationContext context) {
        return PendingRestart.PENDING;
      }
    }, UnaryOperator.identity())).check();

    assertThat(report.failures()).extracting(NodeControllerFinding::check)
        .containsExactly(NodeControllerCheck.NO_PENDING_RESTART_AFTER_RESTART);
  }

  @Test
  void aNodeThatDoesNotComeBackInTimeIsCaught() {
    SimulatedCluster slow = SimulatedCluster.builder("slow").node("n1", n -> n.neverReturnsFromRestart()).node("n2")
        .build();

    NodeControllerReport report = NodeControllerConformance.of(slow, "n1")
        .contexts(() -> NodeControllerConformance.context("n1", slow.simulator().clock()))
        .check();

    assertThat(report.finding(NodeControllerCheck.RESTART_THEN_READY).message()).contains("awaitReady returned false");
    assertThat(report.finding(NodeControllerCheck.RESUME_UNPAUSES).outcome())
        .isEqualTo(ConformanceFinding.Outcome.NOT_RUN);
  }

  @Test
  void theContextsMustBeGiven() {
    assertThatThrownBy(() -> NodeControllerConformance.of(cluster, "n1").check())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("contexts(");
  }

  @Test
  void theNodeMustBeUpAtTheStart() {
    cluster.node("n1").suspend(SuspendRequest.DEFAULT, NodeControllerConformance.context("n1",
        cluster.simulator().clock()));

    assertThatThrownBy(() -> kit(cluster).check()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAUSED");
  }

  /** A cluster controller that wraps the simulated one, with a broken node controller or snapshot. */
  private static final class Broken implements ClusterController {
    private final SimulatedCluster cluster;
    private final java.util.function.Function<SimulatedNode, NodeController> nodes;
    private final UnaryOperator<ClusterSnapshot> snapshots;

    Broken(SimulatedCluster cluster, java.util.function.Function<SimulatedNode, NodeController> nodes,
        UnaryOperator<ClusterSnapshot> snapshots) {
      this.cluster = cluster;
      this.nodes = nodes;
      this.snapshots = snapshots;
    }

    @Override
    public String name() {
      return cluster.name();
    }

    @Override
    public ClusterSnapshot snapshot() {
      return snapshots.apply(cluster.snapshot());
    }

    @Override
    public NodeController node(String name) {
      return nodes.apply(cluster.node(name));
    }
  }

  /** A node controller that does what the simulated node does. */
  private static class ForwardingNode implements NodeController {
    private final SimulatedNode node;

    ForwardingNode(SimulatedNode node) {
      this.node = node;
    }

    @Override
    public String name() {
      return node.name();
    }

    @Override
    public void suspend(SuspendRequest request, OperationContext context) {
      node.suspend(request, context);
    }

    @Override
    public void resume(FailbackMode failback, OperationContext context) {
      node.resume(failback, context);
    }

    @Override
    public RebootMode restart(RebootMode requested, OperationContext context) {
      return node.restart(requested, context);
    }

    @Override
    public boolean awaitReady(Duration timeout, OperationContext context) {
      return node.awaitReady(timeout, context);
    }

    @Override
    public PendingRestart pendingRestart(OperationContext context) {
      return node.pendingRestart(context);
    }
  }
}
