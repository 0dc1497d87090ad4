package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import org.junit.jupiter.api.Test;

/** The testkit's own plug-in keeps the contract it asks of third-party plug-ins. */
class InMemoryPluginConformanceTests {

  private static ConformanceNode node(NodeState state) {
    SimulatedCluster cluster = SimulatedCluster.builder("kit")
        .node("n1", n -> n.state(state).updates(
            SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart(),
            SimulatedUpdate.of("KB2", ".NET update"),
            SimulatedUpdate.of("KB3", "Follow-up").appearingAfter("KB1")))
        .node("n2")
        .build();
    return ConformanceNode.of(cluster.node("n1"));
  }

  @Test
  void theInMemoryPluginPassesTheConformanceKit() {
    ConformanceReport report = PluginConformance.of(new InMemoryUpdatePluginProvider())
        .node(() -> node(NodeState.UP))
        .failingNode(() -> node(NodeState.DOWN))
        .assertConforms();

    assertThat(report.findings()).extracting(ConformanceFinding::outcome).containsOnly(ConformanceFinding.Outcome.PASSED);
  }
}
