package dev.cau.api.cluster;

import java.util.List;
import java.util.Objects;

/**
 * One node of a cluster description: its name and the settings a backend needs to reach or model
 * it (an address, a port, a user, key files; for the simulated backend a vote weight, updates,
 * roles).
 *
 * @param name the node's name in the cluster
 * @param settings the node's settings, in the order written; each key at most once
 * @param where where the node was written, for messages
 */
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
