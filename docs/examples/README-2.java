// The README's simulator example, run as a test.
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

class SimulatorExampleTests {
  @Test
  void theExampleRunsAndKeepsEveryInvariant() {
    // @example
  }
}
