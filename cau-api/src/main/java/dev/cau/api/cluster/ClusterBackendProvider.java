package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import org.apiguardian.api.API;

/**
 * Builds the {@link ClusterController} of one cluster technology (simulated, Pacemaker, Windows
 * failover clusters) from a {@link ClusterDescription}, so that products and the {@code cau}
 * command choose a backend by name.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: declare {@code provides
 * dev.cau.api.cluster.ClusterBackendProvider with ...} in {@code module-info} and list the class in
 * {@code META-INF/services/dev.cau.api.cluster.ClusterBackendProvider}. A provider has a public
 * no-argument constructor and is thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ClusterBackendProvider {
  /**
   * Returns the name a cluster file gives as its {@code backend}, such as {@code simulated}.
   *
   * @return a non-blank name, unique among providers
   */
  String name();

  /**
   * Checks a description and builds the cluster's controller.
   *
   * <p>Every setting is checked before anything connects to a node: a key the backend does not
   * know, a missing required key or a value that is not allowed is refused with
   * {@link dev.cau.api.InvalidOptionsException} naming the key, where it was written, the value
   * and what is allowed (see {@link BackendSetting#refused(String)}).
   *
   * @param description the cluster, whose {@link ClusterDescription#backend()} is this provider's
   *     name
   * @return the controller
   * @throws dev.cau.api.InvalidOptionsException if a setting is not allowed; nothing was touched
   */
  ClusterController create(ClusterDescription description);
}
