package dev.cau.plugin.hotfix;

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
  private static final String PROVIDER = HotfixPluginProvider.class.getName();

  @Test
  void theModuleDescriptorProvidesThePlugin() {
    Module module = HotfixPluginProvider.class.getModule();

    assertThat(module.getName()).isEqualTo("dev.cau.plugin.hotfix");
    assertThat(module.getDescriptor().provides()).filteredOn(p -> p.service().equals(SERVICE))
        .flatExtracting(Provides::providers).containsExactly(PROVIDER);
    assertThat(module.getDescriptor().exports()).extracting(e -> e.source()).containsExactly("dev.cau.plugin.hotfix");
  }

  @Test
  void metaInfServicesListsThePlugin() throws IOException {
    try (InputStream in = HotfixPluginProvider.class.getModule().getResourceAsStream("META-INF/services/" + SERVICE)) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).strip()).isEqualTo(PROVIDER);
    }
  }

  @Test
  void theEnginesRegistryDiscoversThePluginByName() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    assertThat(registry.require(HotfixPluginProvider.NAME)).isInstanceOf(HotfixPluginProvider.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void theArgumentsAreCaus() {
    assertThat(new HotfixPluginProvider().arguments())
        .extracting(PluginArgument::name, PluginArgument::type, PluginArgument::defaultValue, PluginArgument::required)
        .containsExactly(
            tuple("HotfixRootFolderPath", ArgumentType.STRING, null, true),
            tuple("HotfixConfigFileName", ArgumentType.STRING, "DefaultHotfixConfig.xml", false),
            tuple("HotfixInstallerTimeoutMinutes", ArgumentType.INTEGER, "30", false),
            tuple("RequireSmbEncryption", ArgumentType.BOOLEAN, "False", false),
            tuple("DisableAclChecks", ArgumentType.BOOLEAN, "False", false));
  }
}
