package dev.cau.plugin.example.firmware;

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

/**
 * The plug-in is registered both ways, so that a run finds it on the module path and on the
 * class path, and it describes the arguments of its documentation.
 */
class PluginRegistrationTests {
  private static final String SERVICE = UpdatePluginProvider.class.getName();
  private static final String PROVIDER = RaidFirmwarePluginProvider.class.getName();

  @Test
  void theModuleDescriptorProvidesThePlugin() {
    Module module = RaidFirmwarePluginProvider.class.getModule();

    assertThat(module.getName()).isEqualTo("dev.cau.plugin.example.firmware");
    assertThat(module.getDescriptor().provides())
        .filteredOn(p -> p.service().equals(SERVICE))
        .flatExtracting(Provides::providers)
        .containsExactly(PROVIDER);
  }

  @Test
  void metaInfServicesListsThePlugin() throws IOException {
    try (InputStream in = RaidFirmwarePluginProvider.class.getModule()
        .getResourceAsStream("META-INF/services/" + SERVICE)) {
      assertThat(in).as("META-INF/services/%s", SERVICE).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).strip()).isEqualTo(PROVIDER);
    }
  }

  @Test
  void theEnginesRegistryDiscoversThePluginByName() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    assertThat(registry.require(RaidFirmwarePluginProvider.NAME))
        .isInstanceOf(RaidFirmwarePluginProvider.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void theArgumentsAreTheDocumentedOnes() {
    assertThat(new RaidFirmwarePluginProvider().arguments())
        .extracting(PluginArgument::name, PluginArgument::type, PluginArgument::defaultValue,
            PluginArgument::required, PluginArgument::secret)
        .containsExactly(
            tuple("FirmwareRepository", ArgumentType.STRING, null, true, false),
            tuple("ApiToken", ArgumentType.STRING, null, true, true),
            tuple("AllowDowngrade", ArgumentType.BOOLEAN, "False", false, false));
  }
}
