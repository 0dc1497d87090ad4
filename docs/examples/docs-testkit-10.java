// docs/testkit.md: simulated programs on a node. Compiled.
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import dev.cau.testkit.cluster.SimulatedPrograms;
import java.time.Duration;

class SimulatedProgramsExample {
  void define(SimulatedNode node) {
    // @example
  }
}
