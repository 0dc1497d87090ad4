package dev.cau.plugin.apt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor.Provides;
import org.junit.jupiter.api.Test;

/** The plug-in is registered both ways and found by name; it needs cau-api only. */
class PluginRegistrationTests {
  private static final String SERVICE = UpdatePluginProvider.class.getName();
  private static final String PROVIDER = AptPluginProvider.class.getName();

  @Test
  void theModuleDescriptorProvidesThePluginAndRequiresOnlyTheApi() {
    Module module = AptPluginProvider.class.getModule();

    assertThat(module.isNamed()).as("the tests run on the module path").isTrue();
    assertThat(module.getName()).isEqualTo("dev.cau.plugin.apt");
    assertThat(module.getDescriptor().provides()).filteredOn(p -> p.service().equals(SERVICE))
        .flatExtracting(Provides::providers).containsExactly(PROVIDER);
    assertThat(module.getDescriptor().requires()).extracting(r -> r.name())
        .containsExactlyInAnyOrder("java.base", "dev.cau.api", "org.jspecify");
  }

  @Test
  void metaInfServicesListsThePluginForTheClassPath() throws IOException {
    try (InputStream in = AptPluginProvider.class.getModule().getResourceAsStream("META-INF/services/" + SERVICE)) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).strip()).isEqualTo(PROVIDER);
    }
  }

  @Test
  void theRegistryFindsItByName() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    assertThat(registry.require("Debian.AptPlugin")).isInstanceOf(AptPluginProvider.class);
  }

  @Test
  void theArgumentsAndTheRequiredCapability() {
    assertThat(new AptPluginProvider().arguments())
        .extracting(PluginArgument::name, PluginArgument::type, PluginArgument::defaultValue)
        .containsExactly(tuple("AllowPackages", ArgumentType.STRING, ""),
            tuple("DenyPackages", ArgumentType.STRING, ""),
            tuple("WithNewPackages", ArgumentType.BOOLEAN, "False"),
            tuple("IncludeDistUpgrade", ArgumentType.BOOLEAN, "False"),
            tuple("UpdatePackageLists", ArgumentType.BOOLEAN, "True"));
    assertThat(new AptPluginProvider().create(PluginArguments.EMPTY).requiredCapabilities())
        .containsExactly(ProgramRunner.class);
  }
}
