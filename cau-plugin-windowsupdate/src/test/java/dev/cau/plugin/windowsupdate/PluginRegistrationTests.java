package dev.cau.plugin.windowsupdate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor.Provides;
import org.junit.jupiter.api.Test;

/**
 * The plug-in is registered both ways, and the tests run on the module path (surefire puts a
 * module with a descriptor there), so discovery here goes through {@code provides}: default
 * {@link RunOptions} find it by name.
 */
class PluginRegistrationTests {
  private static final String SERVICE = UpdatePluginProvider.class.getName();
  private static final String PROVIDER = WindowsUpdatePluginProvider.class.getName();

  @Test
  void theModuleDescriptorProvidesThePlugin() {
    Module module = WindowsUpdatePluginProvider.class.getModule();

    assertThat(module.isNamed()).as("the tests run on the module path").isTrue();
    assertThat(module.getName()).isEqualTo("dev.cau.plugin.windowsupdate");
    assertThat(module.getDescriptor().provides()).filteredOn(p -> p.service().equals(SERVICE))
        .flatExtracting(Provides::providers).containsExactly(PROVIDER);
    assertThat(module.getDescriptor().requires()).extracting(r -> r.name())
        .containsExactlyInAnyOrder("java.base", "dev.cau.api", "com.fasterxml.jackson.core", "org.jspecify");
  }

  @Test
  void metaInfServicesListsThePluginForTheClassPath() throws IOException {
    try (InputStream in = WindowsUpdatePluginProvider.class.getModule()
        .getResourceAsStream("META-INF/services/" + SERVICE)) {
      assertThat(in).as("META-INF/services/%s", SERVICE).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).strip()).isEqualTo(PROVIDER);
    }
  }

  @Test
  void theDefaultPluginOfRunOptionsIsDiscoveredByNameOnTheModulePath() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    String defaultPlugin = RunOptions.builder().build().plugins().get(0).name();

    assertThat(defaultPlugin).isEqualTo(RunOptions.DEFAULT_PLUGIN).isEqualTo(WindowsUpdatePluginProvider.NAME);
    assertThat(registry.require(defaultPlugin)).isInstanceOf(WindowsUpdatePluginProvider.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void theArgumentsAreCausOwn() {
    assertThat(new WindowsUpdatePluginProvider().arguments())
        .extracting(PluginArgument::name, PluginArgument::type, PluginArgument::defaultValue,
            PluginArgument::required, PluginArgument::secret)
        .containsExactly(
            tuple("IncludeRecommendedUpdates", ArgumentType.BOOLEAN, "False", false, false),
            tuple("QueryString", ArgumentType.STRING,
                "IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1", false, false));
  }
}
