package dev.cau.plugin.rollingupgrade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor.Provides;
import org.junit.jupiter.api.Test;

/** The plug-in is registered in its module descriptor and in META-INF/services, with CAU's arguments. */
class PluginRegistrationTests {
  private static final String SERVICE = UpdatePluginProvider.class.getName();
  private static final String PROVIDER = RollingUpgradePluginProvider.class.getName();

  @Test
  void theModuleDescriptorProvidesThePlugin() {
    Module module = RollingUpgradePluginProvider.class.getModule();

    assertThat(module.getName()).isEqualTo("dev.cau.plugin.rollingupgrade");
    assertThat(module.getDescriptor().provides()).filteredOn(p -> p.service().equals(SERVICE))
        .flatExtracting(Provides::providers).containsExactly(PROVIDER);
  }

  @Test
  void metaInfServicesListsThePlugin() throws IOException {
    try (InputStream in = RollingUpgradePluginProvider.class.getModule().getResourceAsStream("META-INF/services/" + SERVICE)) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).strip()).isEqualTo(PROVIDER);
    }
  }

  @Test
  void theEnginesRegistryDiscoversThePluginByName() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    assertThat(registry.require(RollingUpgradePluginProvider.NAME)).isInstanceOf(RollingUpgradePluginProvider.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void theArgumentsAreCaus() {
    assertThat(new RollingUpgradePluginProvider().arguments())
        .extracting(PluginArgument::name, PluginArgument::type, PluginArgument::defaultValue, PluginArgument::required)
        .containsExactly(
            tuple("WuConnected", ArgumentType.BOOLEAN, "False", false),
            tuple("PathToSetupMedia", ArgumentType.STRING, null, false),
            tuple("UpdateClusterFunctionalLevel", ArgumentType.BOOLEAN, "False", false),
            tuple("MockSetup", ArgumentType.BOOLEAN, "False", false),
            tuple("FeatureUpdateLogs", ArgumentType.STRING, "FailedSetup", false));
  }
}
