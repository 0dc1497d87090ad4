package dev.cau.core.scan;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.plugin.Update;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the selected plug-ins found on one node.
 *
 * @param node the node's name
 * @param plugins one scan per plug-in, in the run's plug-in order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record NodeScan(String node, List<PluginScan> plugins) {
  /**
   * Checks the components and copies the list.
   *
   * @param node the node's name
   * @param plugins one scan per plug-in
   */
  public NodeScan {
    Objects.requireNonNull(node, "node");
    plugins = List.copyOf(plugins);
  }

  /**
   * Returns every update found on the node, plug-in after plug-in.
   *
   * @return the updates
   */
  public List<Update> updates() {
    return plugins.stream().flatMap(p -> p.updates().stream()).toList();
  }

  /**
   * Tells whether every plug-in's scan succeeded.
   *
   * @return whether no scan failed
   */
  public boolean succeeded() {
    return plugins.stream().allMatch(PluginScan::succeeded);
  }
}
