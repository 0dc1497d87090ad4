package dev.cau.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.PluginNotFoundException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.core.plugin.fixtures.TestProviders;
import dev.cau.core.plugin.fixtures.TestProviders.Alpha;
import dev.cau.core.plugin.fixtures.TestProviders.AlphaTwin;
import dev.cau.core.plugin.fixtures.TestProviders.Beta;
import dev.cau.core.plugin.fixtures.TestProviders.Named;
import org.junit.jupiter.api.Test;

class PluginRegistryTests {
  private final ClassLoader testLoader = getClass().getClassLoader();

  @Test
  void findsProvidersListedInServicesFilesByName() {
    PluginRegistry registry = PluginRegistry.discover(testLoader);

    assertThat(registry.find("Test.Alpha")).containsInstanceOf(Alpha.class);
    assertThat(registry.require("Test.Beta")).isInstanceOf(Beta.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void listsNamesSorted() {
    PluginRegistry registry = PluginRegistry.builder()
        .register(new Named("Zeta"))
        .register(new Named("Alpha"))
        .register(new Named("Mu"))
        .build();

    assertThat(registry.names()).containsExactly("Alpha", "Mu", "Zeta");
  }

  @Test
  void matchesNamesExactly() {
    PluginRegistry registry = PluginRegistry.discover(testLoader);

    assertThat(registry.find("test.alpha")).isEmpty();
    assertThat(registry.find("Test.Alpha ")).isEmpty();
  }

  @Test
  void failsOnAnUnknownNameListingTheAvailableNames() {
    PluginRegistry registry = PluginRegistry.discover(testLoader);

    assertThatThrownBy(() -> registry.require("Test.Gamma"))
        .isInstanceOfSatisfying(PluginNotFoundException.class, e -> {
          assertThat(e.name()).isEqualTo("Test.Gamma");
          assertThat(e.available()).containsExactly("Test.Alpha", "Test.Beta");
        })
        .hasMessageContaining("\"Test.Gamma\"")
        .hasMessageContaining("\"Test.Alpha\", \"Test.Beta\"");
  }

  @Test
  void failsOnTwoDiscoveredProvidersOfOneNameNamingBothClasses() {
    ClassLoader loader = ServicesClassLoader.listing("registry-cases/duplicates.services");

    assertThatThrownBy(() -> PluginRegistry.discover(loader))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining("\"Test.Alpha\"")
        .hasMessageContaining(Alpha.class.getName())
        .hasMessageContaining(AlphaTwin.class.getName());
  }

  @Test
  void failsOnABlankNameNamingTheClass() {
    ClassLoader loader = ServicesClassLoader.listing("registry-cases/blank.services");

    assertThatThrownBy(() -> PluginRegistry.discover(loader))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining(TestProviders.Blank.class.getName())
        .hasMessageContaining("blank name");
  }

  @Test
  void failsOnAMissingNameNamingTheClass() {
    ClassLoader loader = ServicesClassLoader.listing("registry-cases/null-name.services");

    assertThatThrownBy(() -> PluginRegistry.discover(loader))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining(TestProviders.NullName.class.getName())
        .hasMessageContaining("blank name");
  }

  @Test
  void failsOnAnExplicitlyRegisteredBlankName() {
    PluginRegistry.Builder builder = PluginRegistry.builder();

    assertThatThrownBy(() -> builder.register(new Named("")))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining(Named.class.getName())
        .hasMessageContaining("registered");
  }

  @Test
  void reportsBrokenProvidersAndStillFindsTheGoodOnes() {
    ClassLoader loader = ServicesClassLoader.listing("registry-cases/broken.services");

    PluginRegistry registry = PluginRegistry.discover(loader);

    assertThat(registry.names()).containsExactly("Test.Alpha", "Test.Beta");
    assertThat(registry.problems()).satisfiesExactly(
        missing -> assertThat(missing).contains(TestProviders.class.getName() + "$Missing"),
        constructor -> assertThat(constructor)
            .contains(TestProviders.ThrowingConstructor.class.getName())
            .contains("constructor fails on purpose"),
        name -> assertThat(name)
            .contains(TestProviders.ThrowingName.class.getName())
            .contains("name fails on purpose"),
        notAProvider -> assertThat(notAProvider)
            .contains(TestProviders.NotAProvider.class.getName()));
  }

  @Test
  void reportsAFailedSearchOnceAndGivesUp() {
    PluginRegistry registry = PluginRegistry.discover(ServicesClassLoader.failing());

    assertThat(registry.names()).isEmpty();
    assertThat(registry.problems()).satisfiesExactly(
        search -> assertThat(search).contains("services files cannot be read, on purpose"),
        stop -> assertThat(stop).contains("Stopped searching"));
  }

  @Test
  void prefersAnExplicitRegistrationToADiscoveredProvider() {
    Named explicit = new Named("Test.Alpha");

    PluginRegistry registry = PluginRegistry.builder()
        .discover(testLoader)
        .register(explicit)
        .build();

    assertThat(registry.require("Test.Alpha")).isSameAs(explicit);
    assertThat(registry.names()).containsExactly("Test.Alpha", "Test.Beta");
  }

  @Test
  void prefersAnExplicitRegistrationMadeBeforeDiscovery() {
    Named explicit = new Named("Test.Alpha");

    PluginRegistry registry = PluginRegistry.builder()
        .register(explicit)
        .discover(testLoader)
        .build();

    assertThat(registry.require("Test.Alpha")).isSameAs(explicit);
  }

  @Test
  void resolvesDiscoveredDuplicatesWithAnExplicitRegistration() {
    ClassLoader loader = ServicesClassLoader.listing("registry-cases/duplicates.services");
    AlphaTwin chosen = new AlphaTwin();

    PluginRegistry registry = PluginRegistry.builder().discover(loader).register(chosen).build();

    assertThat(registry.require("Test.Alpha")).isSameAs(chosen);
  }

  @Test
  void failsOnTwoExplicitRegistrationsOfOneNameNamingBothClasses() {
    PluginRegistry.Builder builder = PluginRegistry.builder().register(new Alpha());

    assertThatThrownBy(() -> builder.register(new AlphaTwin()))
        .isInstanceOf(PluginRegistrationException.class)
        .hasMessageContaining("\"Test.Alpha\"")
        .hasMessageContaining(Alpha.class.getName())
        .hasMessageContaining(AlphaTwin.class.getName());
  }

  @Test
  void findingTheSameProviderClassTwiceIsNotAConflict() {
    PluginRegistry registry = PluginRegistry.builder()
        .discover(testLoader)
        .discover(ServicesClassLoader.listing("META-INF/services/"
            + dev.cau.api.plugin.UpdatePluginProvider.class.getName()))
        .build();

    assertThat(registry.names()).containsExactly("Test.Alpha", "Test.Beta");
  }
}
