package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One node of a cluster description: its name and the settings a backend needs to reach or model
 * it (an address, a port, a user, key files; for the simulated backend a vote weight, updates,
 * roles).
 *
 * @param name the node's name in the cluster
 * @param settings the node's settings, in the order written; each key at most once
 * @param where where the node was written, for messages
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record NodeDescription(String name, List<BackendSetting> settings, String where) {
  /**
   * Checks the components and copies the settings.
   *
   * @param name the node's name
   * @param settings its settings
   * @param where the source and line
   */
  public NodeDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(where, "where");
    settings = List.copyOf(settings);
  }
}
