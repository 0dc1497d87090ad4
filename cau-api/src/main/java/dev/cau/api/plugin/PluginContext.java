package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.OperationContext;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a plug-in receives with every call: the run, the node, and the facilities the node
 * offers.
 */
@API(status = STABLE, since = "0.1.0")
public interface PluginContext extends OperationContext {
  /**
   * Returns a typed facility of the node, such as an update agent or a process runner, as the
   * node's {@link dev.cau.api.cluster.NodeController#capability(Class)} offers it.
   *
   * @param type the facility's interface
   * @param <T> the facility's type
   * @return the facility, or empty if the node does not offer it
   */
  <T> Optional<T> capability(Class<T> type);

  /**
   * Returns a facility the plug-in cannot work without.
   *
   * @param type the facility's interface
   * @param <T> the facility's type
   * @return the facility
   * @throws dev.cau.api.MissingCapabilityException naming the node and the capability if the
   *     node does not offer it
   */
  default <T> T require(Class<T> type) {
    return capability(type).orElseThrow(() -> new dev.cau.api.MissingCapabilityException(nodeName(), type));
  }
}
