package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a simulation's options choose plug-ins: the in-memory one by default, replaced by any added. */
class SimulationOptionsTests {
  private static final String OTHER = "Contoso.FirmwarePlugin";

  @Test
  void theDefaultsUseTheInMemoryPluginAlone() {
    assertThat(Simulation.options().build().plugins()).extracting(PluginSelection::name)
        .containsExactly(InMemoryUpdatePluginProvider.NAME);
  }

  @Test
  void addingAPluginReplacesTheInMemoryOne() {
    RunOptions options = Simulation.options().plugin(OTHER).build();

    assertThat(options.plugins()).extracting(PluginSelection::name).containsExactly(OTHER);
  }

  @Test
  void replacingThePluginListReplacesTheInMemoryOne() {
    RunOptions options = Simulation.options().plugins(List.of(PluginSelection.of(OTHER))).build();

    assertThat(options.plugins()).extracting(PluginSelection::name).containsExactly(OTHER);
  }

  @Test
  void optionsWithPluginsListsExactlyTheNamedOnesInOrder() {
    RunOptions options = Simulation.optionsWithPlugins(OTHER, InMemoryUpdatePluginProvider.NAME).build();

    assertThat(options.plugins()).extracting(PluginSelection::name)
        .containsExactly(OTHER, InMemoryUpdatePluginProvider.NAME);
    assertThatThrownBy(Simulation::optionsWithPlugins)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one plug-in name");
    assertThatThrownBy(() -> Simulation.optionsWithPlugins(OTHER, OTHER))
        .isInstanceOf(InvalidOptionsException.class).hasMessageContaining(OTHER);
  }

  @Test
  void aRunWithAnotherPluginDoesNotAlsoRunTheInMemoryOne() {
    // Only the named plug-in is selected: without its provider the run is refused, naming it.
    assertThatThrownBy(() -> Simulation.run(Clusters.cluster(3, true).build(), Simulation.options().plugin(OTHER).build()))
        .isInstanceOf(PluginNotFoundException.class).hasMessageContaining(OTHER);
  }

  @Test
  void theDefaultPluginOfAPlainBuilderIsWindowsUpdateAndABlankOneIsRefused() {
    assertThat(RunOptions.builder().build().plugins()).extracting(PluginSelection::name)
        .containsExactly(RunOptions.DEFAULT_PLUGIN);
    assertThatThrownBy(() -> RunOptions.builder().defaultPlugin(" "))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"CauPluginName\" must be a non-blank plug-in name, but was \" \"");
  }

  @Test
  void discoveredPluginsLeaveOutTheInMemoryPluginThatEverySimulationRegisters() {
    // On the testkit's module path the in-memory plug-in is the only provider there is.
    assertThat(Simulation.discoveredPlugins())
        .noneMatch(p -> p.name().equals(InMemoryUpdatePluginProvider.NAME));
  }
}
