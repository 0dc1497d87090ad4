package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import org.junit.jupiter.api.Test;

/** The testkit's tests run on the module path: discovery there goes through {@code provides}. */
class ModulePathDiscoveryTests {

  @Test
  void theTestkitRunsAsANamedModule() {
    assertThat(PluginRegistry.class.getModule().isNamed()).isTrue();
    assertThat(InMemoryUpdatePluginProvider.class.getModule().getName()).isEqualTo("dev.cau.testkit");
  }

  @Test
  void theInMemoryPluginIsDiscoveredThroughItsModuleDescriptor() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    assertThat(registry.names()).contains(InMemoryUpdatePluginProvider.NAME);
    assertThat(registry.require(InMemoryUpdatePluginProvider.NAME)).isInstanceOf(InMemoryUpdatePluginProvider.class);
    assertThat(registry.problems()).isEmpty();
  }
}
