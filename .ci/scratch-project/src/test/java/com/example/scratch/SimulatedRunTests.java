package com.example.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.InvariantMonitor;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import org.junit.jupiter.api.Test;

/** Uses the installed artifacts as a user would: a simulated run of a three-node cluster. */
class SimulatedRunTests {
  @Test
  void everyNodeIsUpdatedAndNoInvariantBreaks() {
    SimulatedCluster cluster = SimulatedCluster.builder("scratch")
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .node("n1", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()))
        .node("n2", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()))
        .node("n3", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update")))
        .role("sql", "n2")
        .build();
    InvariantMonitor monitor = InvariantMonitor.attach(cluster);

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().nodeResults()).hasSize(3)
        .allSatisfy(node -> assertThat(node.succeededUpdates()).isEqualTo(1));
    assertThat(monitor.violations()).isEmpty();
  }
}
