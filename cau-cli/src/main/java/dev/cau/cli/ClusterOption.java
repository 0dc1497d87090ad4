package dev.cau.cli;

import dev.cau.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster FILE} option, shared by every command that works on a cluster, so that each
 * one reads and checks a cluster file the same way (through {@link ClusterBackendChoice}).
 */
final class ClusterOption {
  @Option(
      names = "--cluster",
      paramLabel = "<file>",
      description = "A cluster file (docs/clusters.md) describing the cluster to work on instead of the"
          + " built-in demo cluster. It is read and checked whole before any node is touched.")
  private @Nullable Path file;

  /**
   * Returns the clusters the command works on: those the cluster file describes, or the demo's.
   *
   * @param demo builds the demo cluster, used when no cluster file is given
   * @return builds a fresh cluster whose virtual time starts at an instant
   * @throws InputRefused if the file cannot be read, or names a backend this command cannot drive
   * @throws dev.cau.api.InvalidOptionsException if a key or value of the file is not allowed
   */
  Function<Instant, SimulatedCluster> clusters(Function<Instant, SimulatedCluster> demo) {
    return file == null ? demo : ClusterBackendChoice.simulatedClusters(file);
  }

  /**
   * Returns the line that starts a command's output on the demo cluster, saying that it is the
   * demo and why; empty when a cluster file was given.
   *
   * @param cluster the cluster the command works on
   * @return the line, or empty
   */
  Optional<String> demoNotice(SimulatedCluster cluster) {
    if (file != null) {
      return Optional.empty();
    }
    return Optional.of("Demo: a simulated " + cluster.snapshot().nodes().size() + "-node cluster \"" + cluster.name()
        + "\" in virtual time (no --cluster FILE given).");
  }

  /**
   * Returns the cluster file given, if any.
   *
   * @return the file, or {@code null} without {@code --cluster}
   */
  @Nullable Path file() {
    return file;
  }

  /**
   * Tells whether a cluster file was given.
   *
   * @return whether {@code --cluster} was given
   */
  boolean given() {
    return file != null;
  }
}
