package dev.cau.testkit.plugin;

import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;

/** Provides {@link InMemoryUpdatePlugin} under the name {@value #NAME}. */
public final class InMemoryUpdatePluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Cau4j.InMemoryUpdatePlugin";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public InMemoryUpdatePluginProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new InMemoryUpdatePlugin();
  }
}
