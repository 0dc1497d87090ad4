package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.SummaryStatus;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import org.junit.jupiter.api.Test;

class SimulationTests {
  @Test
  void aNodeIsStagedThenSuspendedThenInstalledRestartedAndResumed() {
    SimulatedCluster cluster = SimulatedCluster.builder("pair")
        .node("a", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()))
        .node("b")
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(cluster.node("a").installCount("KB1")).isEqualTo(1);
    assertThat(outcome.steps().stream().filter(s -> s.node().equals("a")).map(StepRecord::step).toList())
        .containsSubsequence("stage", "suspend", "install KB1", "restart", "await ready", "scan", "resume");
  }
}
