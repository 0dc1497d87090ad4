// docs/testkit.md: the node controller conformance kit, run against the simulated cluster's
// controller (the example's myClusterController).
import dev.cau.api.cluster.ClusterController;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.conformance.NodeControllerConformance;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MyNodeControllerConformanceTests {
  final ClusterController myClusterController = SimulatedCluster.builder("lab")
      .node("lab-node-1").node("lab-node-2").node("lab-node-3")
      .role("sql", "lab-node-1")
      .build();

  // @example
}
