package dev.cau.core.role;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import java.util.List;

/** The plug-ins the role tests use: CAU's default one, and one with a secret argument. */
final class TestPlugins {
  static final String FIRMWARE = "Contoso.Firmware";

  static final PluginRegistry REGISTRY = PluginRegistry.builder()
      .register(new Provider(RunOptions.DEFAULT_PLUGIN, List.of()))
      .register(new Provider(FIRMWARE, List.of(
          PluginArgument.optional("Repository", ArgumentType.STRING, "\\\\fs\\firmware", "Where packages are"),
          new PluginArgument("Password", ArgumentType.STRING, null, true, true, "The repository's password"),
          PluginArgument.optional("Retries", ArgumentType.INTEGER, "2", "Download retries"))))
      .build();

  private TestPlugins() {}

  private record Provider(String name, List<PluginArgument> arguments) implements UpdatePluginProvider {
    @Override
    public UpdatePlugin create(PluginArguments given) {
      return new UpdatePlugin() {
        @Override
        public List<Update> scan(PluginContext context) {
          return List.of();
        }

        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          return List.of();
        }
      };
    }
  }
}
