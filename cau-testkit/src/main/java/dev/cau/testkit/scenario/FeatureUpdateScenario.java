package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.testkit.cluster.SetupExitCodes;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The seed documents' feature update as a simulated cluster: four Azure Stack HCI nodes on 22H2
 * (build {@value #OLD_BUILD}), each hosting a role, each offered the same feature update to 23H2
 * (build {@value #NEW_BUILD}) whose installation restarts the node {@link SetupExitCodes#SETUP_RESTARTS}
 * times by itself; the cluster at functional level {@value #OLD_LEVEL}, whose highest supported
 * level rises to {@value #NEW_LEVEL} once every node runs the new build, and a storage pool with an
 * upgrade available. Install it with a plug-in that restarts nodes itself, such as
 * {@link dev.cau.testkit.plugin.InMemoryUpdatePluginProvider#restartingNodes}.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FeatureUpdateScenario {
  /** The cluster's name. */
  public static final String CLUSTER = "hci-cluster1";

  /** Its nodes, in order. */
  public static final List<String> NODES = List.of("n1", "n2", "n3", "n4");

  /** The version every node runs before. */
  public static final String OLD_VERSION = "22H2";

  /** The build every node runs before. */
  public static final String OLD_BUILD = "20349.2322";

  /** The version the feature update moves to. */
  public static final String NEW_VERSION = "23H2";

  /** The build the feature update moves to. */
  public static final String NEW_BUILD = "25398.469";

  /** The feature update's id in every node's catalogue. */
  public static final String FEATURE_UPDATE_ID = "feature-23H2";

  /** The functional level of a 22H2 cluster. */
  public static final int OLD_LEVEL = 11;

  /** The functional level the new version supports. */
  public static final int NEW_LEVEL = 12;

  private FeatureUpdateScenario() {}

  /**
   * Returns the feature update as every node is offered it.
   *
   * @return the update
   */
  public static SimulatedUpdate featureUpdate() {
    return SimulatedUpdate.of(FEATURE_UPDATE_ID, "Feature update to Azure Stack HCI, version 23H2 (25398.469)")
        .installTaking(Duration.ofMinutes(45))
        .restartingNodeItself(SetupExitCodes.SETUP_RESTARTS)
        .featureUpdateTo(NEW_VERSION, NEW_BUILD);
  }

  /**
   * Builds the 22H2 cluster with the feature update offered to every node.
   *
   * @return the cluster, in its own virtual time
   */
  public static SimulatedCluster hci22H2To23H2() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder(CLUSTER);
    NODES.forEach(n -> builder.node(n, spec -> spec.updates(featureUpdate())));
    NODES.forEach(n -> builder.role("vm-" + n, n));
    SimulatedCluster cluster = builder.build();
    cluster.functionalLevel(OLD_LEVEL, OLD_LEVEL);
    cluster.storagePool("S2D on " + CLUSTER, "10", true);
    for (String name : NODES) {
      SimulatedNode node = cluster.node(name).operatingSystem(OLD_VERSION, OLD_BUILD);
      // A real cluster reports the higher level as supported once its last node runs the new build.
      node.onBoot(() -> {
        if (cluster.nodes().stream().allMatch(n -> NEW_BUILD.equals(n.osBuild()))) {
          cluster.functionalLevel(currentLevel(cluster), NEW_LEVEL);
        }
      });
    }
    return cluster;
  }

  private static int currentLevel(SimulatedCluster cluster) {
    return cluster.functionalLevel(dev.cau.testkit.conformance.ConformanceContext.on(
        dev.cau.testkit.conformance.ConformanceNode.empty())).current();
  }
}
