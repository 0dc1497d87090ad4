package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.PluginFailureException;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginOptionTests {
  private static final String OS = "Vendor.OsUpdates";
  private static final String FIRMWARE = "Vendor.Firmware";
  private static final List<UpdatePluginProvider> PLUGINS = List.of(
      new InMemoryUpdatePluginProvider(OS, "KB"), new InMemoryUpdatePluginProvider(FIRMWARE, "FW"), new BrokenScan());

  private static SimulatedCluster cluster() {
    SimulatedUpdate[] updates = {
      SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart(),
      SimulatedUpdate.of("FW1", "Controller firmware").requiringRestart(),
    };
    return SimulatedCluster.builder("two-plugins").witness(WitnessKind.DISK, WitnessState.ONLINE)
        .node("n1", n -> n.updates(updates)).node("n2", n -> n.updates(updates)).build();
  }

  private static RunOptions.Builder plugins(String... names) {
    RunOptions.Builder builder = RunOptions.builder();
    for (String name : names) {
      builder.plugin(name);
    }
    return builder;
  }

  private static List<String> installs(SimulationResult outcome, String node) {
    return outcome.steps().stream().filter(s -> s.node().equals(node) && s.step().startsWith("install"))
        .map(StepRecord::step).toList();
  }

  @Test
  void pluginsInstallOneAfterAnotherInTheGivenOrder() {
    assertThat(installs(Simulation.run(cluster(), plugins(OS, FIRMWARE).build(), PLUGINS), "n1"))
        .containsExactly("install KB1", "install FW1");
    assertThat(installs(Simulation.run(cluster(), plugins(FIRMWARE, OS).build(), PLUGINS), "n1"))
        .containsExactly("install FW1", "install KB1");
  }

  @Test
  void pluginsScanInParallelByDefaultAndOneAfterAnotherWithRunPluginsSerially() {
    SimulationResult parallel = Simulation.run(cluster(), plugins(OS, FIRMWARE).build(), PLUGINS);
    SimulationResult serial = Simulation.run(cluster(), plugins(OS, FIRMWARE).runPluginsSerially(true).build(), PLUGINS);

    assertThat(firstStage(parallel)).isEqualTo(Duration.ofMinutes(2));
    assertThat(firstStage(serial)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void oneRestartAfterAllPluginsUnlessSeparateReboots() {
    SimulationResult together = Simulation.run(cluster(), plugins(OS, FIRMWARE).build(), PLUGINS);
    SimulationResult separate = Simulation.run(cluster(), plugins(OS, FIRMWARE).separateReboots(true).build(), PLUGINS);

    assertThat(together.result().nodeResults()).allSatisfy(r -> assertThat(r.restarts()).isEqualTo(1));
    assertThat(separate.result().nodeResults()).allSatisfy(r -> assertThat(r.restarts()).isEqualTo(2));
    List<String> n1 = separate.steps().stream().filter(s -> s.node().equals("n1")).map(StepRecord::step).toList();
    assertThat(n1).containsSubsequence("install KB1", "restart FULL", "install FW1", "restart FULL");
  }

  @Test
  void withoutStopOnPluginFailureTheOtherPluginsStillInstall() {
    SimulationResult outcome = Simulation.run(cluster(),
        plugins(BrokenScan.NAME, FIRMWARE).maxRetriesPerNode(1).maxFailedNodes(1).build(), PLUGINS);

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(installs(outcome, "n1")).containsExactly("install FW1");
    assertThat(n1.status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(n1.reason()).contains("Scan by \"" + BrokenScan.NAME + "\" failed");
  }

  @Test
  void stopOnPluginFailureSkipsTheRemainingPluginsOnThatNode() {
    SimulationResult outcome = Simulation.run(cluster(),
        plugins(BrokenScan.NAME, FIRMWARE).stopOnPluginFailure(true).maxRetriesPerNode(1).maxFailedNodes(1).build(), PLUGINS);

    assertThat(installs(outcome, "n1")).isEmpty();
    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.FAILED);
  }

  private static Duration firstStage(SimulationResult outcome) {
    StepRecord stage = outcome.steps().stream().filter(s -> s.step().equals("stage")).findFirst().orElseThrow();
    return Duration.between(outcome.result().startedAt(), stage.start());
  }

  /** A plug-in whose scan always fails, as one whose update source is unreachable. */
  static final class BrokenScan implements UpdatePluginProvider, UpdatePlugin {
    static final String NAME = "Vendor.Unreachable";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      return this;
    }

    @Override
    public List<Update> scan(PluginContext context) {
      throw new PluginFailureException("SourceUnreachable", "the update source does not answer");
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      throw new PluginFailureException("SourceUnreachable", "the update source does not answer");
    }
  }
}
