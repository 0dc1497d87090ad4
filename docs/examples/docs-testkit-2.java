// docs/testkit.md: crashing the coordinator at a chosen journal entry. Compiled.
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.core.lock.CoordinatorIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class CoordinatorCrashExample {
  void crashAndResume(RunOptions options) {
    // @example
  }

  static SimulatedCluster labCluster() {
    return SimulatedCluster.builder("lab").node("n1").node("n2").node("n3").build();
  }
}
