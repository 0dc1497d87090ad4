package dev.cau.testkit.preview;

import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.testkit.plugin.InMemoryUpdatePlugin;
import java.util.List;
import java.util.Set;

/** The in-memory plug-in, except that scanning some nodes fails. */
final class FlakyScanPlugin implements UpdatePluginProvider {
  static final String NAME = "Test.FlakyScan";

  private final Set<String> failingNodes;

  FlakyScanPlugin(Set<String> failingNodes) {
    this.failingNodes = Set.copyOf(failingNodes);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    InMemoryUpdatePlugin delegate = new InMemoryUpdatePlugin();
    return new UpdatePlugin() {
      @Override
      public List<Update> scan(PluginContext context) {
        if (failingNodes.contains(context.nodeName())) {
          throw new PluginFailureException("ScanFailed", "the update agent on " + context.nodeName() + " did not answer");
        }
        return delegate.scan(context);
      }

      @Override
      public List<InstallResult> install(PluginContext context, List<Update> updates) {
        return delegate.install(context, updates);
      }
    };
  }
}
