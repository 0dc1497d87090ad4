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
  /** Creates the plug-in; it keeps no state of its own. */
  public InMemoryUpdatePlugin() {}

  @Override
  public List<Update> scan(PluginContext context) {
    return catalog(context).scan();
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
