package dev.cau.testkit.plugin;

import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.testkit.cluster.UpdateCatalog;
import java.util.List;

/**
 * An update plug-in over a node's {@link UpdateCatalog} capability: what a real plug-in does
 * with an update agent, done against the simulated catalogue.
 */
public final class InMemoryUpdatePlugin implements UpdatePlugin {
  private final String idPrefix;

  /** Creates a plug-in that handles every update of the catalogue. */
  public InMemoryUpdatePlugin() {
    this("");
  }

  /**
   * Creates a plug-in that handles only updates whose id starts with a prefix.
   *
   * @param idPrefix the prefix; empty for all updates
   */
  public InMemoryUpdatePlugin(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    return catalog(context).scan().stream().filter(u -> u.id().startsWith(idPrefix)).toList();
  }

  @Override
  public void stage(PluginContext context, List<Update> updates) {
    catalog(context).stage(updates);
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    return catalog(context).install(updates, context.cancellation());
  }

  private static UpdateCatalog catalog(PluginContext context) {
    return context.capability(UpdateCatalog.class).orElseThrow(() -> new PluginFailureException(
        "NoUpdateCatalog", "Node \"" + context.nodeName() + "\" offers no simulated update catalogue"));
  }
}
