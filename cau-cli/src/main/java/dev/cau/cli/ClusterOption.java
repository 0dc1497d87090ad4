package dev.cau.cli;

import dev.cau.api.cluster.ClusterController;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster FILE} option, shared by every command that works on a cluster, so that each
 * one reads and checks a cluster file the same way: once, whole, before any node is touched. A
 * file naming the simulated backend gives simulated clusters (through
 * {@link ClusterBackendChoice}); one naming any other installed backend gives that backend's
 * controller (through {@link RealClusters}).
 */
final class ClusterOption {
  @Option(
      names = "--cluster",
      paramLabel = "<file>",
      description = "A cluster file (docs/clusters.md) describing the cluster to work on instead of the"
          + " built-in demo cluster: a simulated cluster of the described shape, or a real one (backend"
          + " pacemaker) reached over SSH. It is read and checked whole before any node is touched.")
  private @Nullable Path file;

  private ClusterFile.@Nullable Contents contents;

  private boolean realBuilt;

  private @Nullable ClusterController realController;

  /**
   * Returns the clusters the command works on: those the cluster file describes, or the demo's.
   *
   * @param demo builds the demo cluster, used when no cluster file is given
   * @return builds a fresh cluster whose virtual time starts at an instant
   * @throws InputRefused if the file cannot be read, or names a backend this command cannot drive
   * @throws dev.cau.api.InvalidOptionsException if a key or value of the file is not allowed
   */
  Function<Instant, SimulatedCluster> clusters(Function<Instant, SimulatedCluster> demo) {
    Path given = file;
    return given == null ? demo : ClusterBackendChoice.simulatedClusters(given, contents(given).description());
  }

  /**
   * Returns the controller of the real cluster the file describes, built once: its backend has
   * checked every setting, and nothing has connected to a node yet.
   *
   * @return the controller; empty without a file, or when the file names the simulated backend
   * @throws InputRefused if the file cannot be read
   * @throws dev.cau.api.InvalidOptionsException if a key or value of the file is not allowed, or
   *     its backend is not installed
   */
  Optional<ClusterController> real() {
    Path given = file;
    if (given == null) {
      return Optional.empty();
    }
    if (!realBuilt) {
      realController = RealClusters.controller(contents(given).description()).orElse(null);
      realBuilt = true;
    }
    return Optional.ofNullable(realController);
  }

  /**
   * Returns the plug-ins the cluster file names, in install order.
   *
   * @return the plug-ins; none without a file or when the file names none
   * @throws InputRefused if the file cannot be read
   * @throws dev.cau.api.InvalidOptionsException if a key or value of the file is not allowed
   */
  List<ClusterFile.FilePlugin> plugins() {
    Path given = file;
    return given == null ? List.of() : contents(given).plugins();
  }

  private ClusterFile.Contents contents(Path given) {
    ClusterFile.Contents read = contents;
    if (read == null) {
      read = ClusterFile.read(given);
      contents = read;
    }
    return Objects.requireNonNull(read);
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
