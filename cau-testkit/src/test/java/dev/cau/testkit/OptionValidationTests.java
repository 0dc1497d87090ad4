package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionValidationTests {

  @ParameterizedTest
  @ValueSource(ints = {0, 65, -1})
  void maxRetriesPerNodeOutsideOneToSixtyFourIsRefused(int value) {
    assertThatThrownBy(() -> RunOptions.builder().maxRetriesPerNode(value))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"MaxRetriesPerNode\" must be between 1 and 64, but was " + value);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64})
  void maxRetriesPerNodeInRangeIsKept(int value) {
    assertThat(RunOptions.builder().maxRetriesPerNode(value).build().maxRetriesPerNode()).isEqualTo(value);
  }

  @Test
  void negativeAndZeroRebootTimeoutsAreRefused() {
    assertThatThrownBy(() -> RunOptions.builder().rebootTimeout(Duration.ofMinutes(-5)))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"RebootTimeoutMinutes\" must be a positive duration, but was PT-5M");
    assertThatThrownBy(() -> RunOptions.builder().rebootTimeoutMinutes(0))
        .hasMessage("\"RebootTimeoutMinutes\" must be a positive number of minutes, but was 0");
  }

  @Test
  void negativeMaxFailedNodesIsRefused() {
    assertThatThrownBy(() -> RunOptions.builder().maxFailedNodes(-1))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"MaxFailedNodes\"").hasMessageContaining("-1");
  }

  @Test
  void defaultsAreCaus() {
    RunOptions options = RunOptions.defaults();
    assertThat(options.maxRetriesPerNode()).isEqualTo(3);
    assertThat(options.rebootTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(options.requireAllNodesOnline()).isFalse();
    assertThat(options.plugins()).extracting(p -> p.name()).containsExactly("Microsoft.WindowsUpdatePlugin");
    assertThat(options.effectiveMaxFailedNodes(2)).isZero();
    assertThat(options.effectiveMaxFailedNodes(4)).isEqualTo(1);
    assertThat(options.effectiveMaxFailedNodes(8)).isEqualTo(2);
  }

  @Test
  void maxFailedNodesNotBelowTheNodeCountIsRefusedBeforeAnyNodeIsTouched() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();

    assertThatThrownBy(() -> Simulation.run(cluster, Simulation.options().maxFailedNodes(4).build()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"MaxFailedNodes\" must be between 0 and 3 (below the cluster's 4 nodes), but was 4");
    assertUntouched(cluster);
  }

  @Test
  void anUnknownNodeInNodeOrderIsRefusedBeforeAnyNodeIsTouched() {
    SimulatedCluster cluster = Clusters.cluster(3, true).build();

    assertThatThrownBy(() -> Simulation.run(cluster, Simulation.options().nodeOrder(List.of("n2", "n9")).build()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"NodeOrder\"").hasMessageContaining("\"n9\"").hasMessageContaining("\"n1\", \"n2\", \"n3\"");
    assertUntouched(cluster);
  }

  @Test
  void anUnknownPluginIsRefusedBeforeAnyNodeIsTouchedNamingTheAvailableOnes() {
    SimulatedCluster cluster = Clusters.cluster(3, true).build();

    assertThatThrownBy(() -> Simulation.run(cluster, RunOptions.builder().plugin("Contoso.FirmwarePlugin").build()))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("\"Contoso.FirmwarePlugin\"")
        .hasMessageContaining("\"Cau4j.InMemoryUpdatePlugin\"");
    assertUntouched(cluster);
  }

  private static void assertUntouched(SimulatedCluster cluster) {
    assertThat(cluster.steps()).isEmpty();
    assertThat(cluster.history()).isEmpty();
  }
}
