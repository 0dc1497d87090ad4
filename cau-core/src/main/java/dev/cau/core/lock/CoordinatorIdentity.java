package dev.cau.core.lock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Who a coordinator is, as its lease names it.
 *
 * @param name the coordinator's unique name (CAU's OrchestratorGuid); two coordinators never
 *     share one
 * @param host where it runs: a cluster node in self-updating mode, otherwise the machine outside
 *     the cluster
 * @param role the clustered role it runs as in self-updating mode, or {@code null} for a
 *     coordinator outside the cluster
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CoordinatorIdentity(String name, String host, @Nullable String role) {
  /**
   * Checks the components.
   *
   * @param name the coordinator's name
   * @param host where it runs
   * @param role its clustered role, or {@code null}
   */
  public CoordinatorIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    if (name.isBlank() || host.isBlank()) {
      throw new IllegalArgumentException("A coordinator's name and host must not be blank");
    }
  }

  /**
   * A coordinator outside the cluster.
   *
   * @param name its unique name
   * @param host the machine it runs on
   * @return the identity
   */
  public static CoordinatorIdentity remote(String name, String host) {
    return new CoordinatorIdentity(name, host, null);
  }

  /**
   * A self-updating coordinator: an instance of the cluster's CAU role on one of its nodes.
   *
   * @param name its unique name
   * @param node the node that owns the role now
   * @param role the role's name
   * @return the identity
   */
  public static CoordinatorIdentity selfUpdating(String name, String node, String role) {
    return new CoordinatorIdentity(name, node, Objects.requireNonNull(role, "role"));
  }

  /**
   * Tells whether this coordinator runs as the cluster's self-updating role.
   *
   * @return {@code true} in self-updating mode
   */
  public boolean isSelfUpdating() {
    return role != null;
  }

  @Override
  public String toString() {
    return name + " on " + host + (role == null ? "" : " (role " + role + ")");
  }
}
