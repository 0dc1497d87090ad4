package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A cluster as a cluster file describes it: which backend reaches it, its settings and its nodes.
 * Values are text; the backend checks every one of them before it connects to anything.
 *
 * @param name the cluster's name
 * @param backend the name of the {@link ClusterBackendProvider} that builds its controller
 * @param settings the cluster-wide settings, in the order written; each key at most once
 * @param nodes the nodes, in the order written
 * @param source where the description was read from, such as a file name, for messages
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ClusterDescription(
    String name, String backend, List<BackendSetting> settings, List<NodeDescription> nodes, String source) {
  /**
   * Checks the components and copies the lists.
   *
   * @param name the cluster's name
   * @param backend the backend's name
   * @param settings the cluster-wide settings
   * @param nodes the nodes
   * @param source where it was read from
   */
  public ClusterDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(source, "source");
    settings = List.copyOf(settings);
    nodes = List.copyOf(nodes);
  }
}
