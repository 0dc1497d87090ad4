package dev.cau.testkit.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.NodeOperationException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.testkit.cluster.UpdateCatalog;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An update plug-in over a node's {@link UpdateCatalog} capability: what a real plug-in does
 * with an update agent, done against the simulated catalogue.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InMemoryUpdatePlugin implements UpdatePlugin {
  private final String idPrefix;
  private final boolean restartsNodeItself;

  /** Creates a plug-in that handles every update of the catalogue. */
  public InMemoryUpdatePlugin() {
    this("", false);
  }

  /**
   * Creates a plug-in that handles the updates whose id starts with a prefix.
   *
   * @param idPrefix the prefix; empty for all
   */
  public InMemoryUpdatePlugin(String idPrefix) {
    this(idPrefix, false);
  }

  /**
   * Creates a plug-in that handles the updates whose id starts with a prefix.
   *
   * @param idPrefix the prefix; empty for all
   * @param restartsNodeItself whether it says that installing restarts the node by itself
   */
  public InMemoryUpdatePlugin(String idPrefix, boolean restartsNodeItself) {
    this.idPrefix = idPrefix;
    this.restartsNodeItself = restartsNodeItself;
  }

  @Override
  public boolean restartsNodeItself() {
    return restartsNodeItself;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    try {
      return catalog(context).scan().stream().filter(u -> u.id().startsWith(idPrefix)).toList();
    } catch (NodeOperationException e) {
      throw unreachable(context, e);
    }
  }

  @Override
  public void stage(PluginContext context, List<Update> updates) {
    try {
      catalog(context).stage(updates);
    } catch (NodeOperationException e) {
      throw unreachable(context, e);
    }
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    try {
      return catalog(context).install(updates, context.cancellation(), context.clock());
    } catch (NodeOperationException e) {
      throw unreachable(context, e);
    }
  }

  /** A catalogue that cannot be reached is an infrastructure failure, reported as the SPI asks. */
  private static PluginFailureException unreachable(PluginContext context, NodeOperationException e) {
    return new PluginFailureException("CatalogUnreachable",
        "The update catalogue of node \"" + context.nodeName() + "\" cannot be reached: " + e.getMessage(), e);
  }

  private static UpdateCatalog catalog(PluginContext context) {
    return context.capability(UpdateCatalog.class).orElseThrow(() -> new PluginFailureException(
        "NoUpdateCatalog", "Node \"" + context.nodeName() + "\" offers no simulated update catalogue"));
  }
}
