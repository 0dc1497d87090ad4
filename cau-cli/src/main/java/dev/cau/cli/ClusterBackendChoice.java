package dev.cau.cli;

import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.core.plugin.ClusterBackends;
import dev.cau.testkit.cluster.SimulatedBackendProvider;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * Chooses the cluster a command works on from a cluster file: reads the file, finds its backend by
 * name among those installed, and has the backend check every setting, all before any node is
 * touched.
 */
final class ClusterBackendChoice {
  private ClusterBackendChoice() {}

  /**
   * Reads a cluster file that describes a simulated cluster.
   *
   * @param file the cluster file
   * @return builds a fresh cluster of the described shape whose virtual time starts at an instant,
   *     with a simulated Windows Update Agent on each node (see {@link WindowsUpdateAgents})
   * @throws InputRefused if the file cannot be read, or names a backend this command cannot drive
   * @throws dev.cau.api.InvalidOptionsException if a key or value is not allowed, or the backend
   *     is not installed; the message names the key, the value, the line and what is allowed
   */
  static Function<Instant, SimulatedCluster> simulatedClusters(Path file) {
    return simulatedClusters(file, ClusterFile.read(file).description());
  }

  /**
   * Builds the clusters of a cluster file that was read already.
   *
   * @param file the cluster file, for messages
   * @param description what it describes
   * @return builds a fresh cluster of the described shape whose virtual time starts at an instant
   * @throws InputRefused if the file names a backend this command cannot drive
   * @throws dev.cau.api.InvalidOptionsException if a key or value is not allowed, or the backend
   *     is not installed
   */
  static Function<Instant, SimulatedCluster> simulatedClusters(Path file, ClusterDescription description) {
    ClusterBackendProvider backend = ClusterBackends.discover(ClusterBackendChoice.class.getClassLoader())
        .require(description.backend(), description.source());
    if (!(backend instanceof SimulatedBackendProvider simulated)) {
      throw new InputRefused("cluster file \"" + file + "\" names backend \"" + description.backend()
          + "\", which is installed, but this command drives only \"" + SimulatedBackendProvider.NAME
          + "\" clusters");
    }
    // Builds the cluster once now, so that every setting is checked before anything runs.
    simulated.create(description, Instant.parse(SimulatedBackendProvider.DEFAULT_START));
    return start -> {
      SimulatedCluster cluster = simulated.create(description, start);
      WindowsUpdateAgents.attach(cluster, description);
      return cluster;
    };
  }
}
