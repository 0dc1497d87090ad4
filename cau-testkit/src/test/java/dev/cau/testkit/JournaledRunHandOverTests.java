package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.JournaledRun;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coordinator that takes a run over hands each plug-in what the journal holds of its calls
 * ({@link UpdatePlugin#resumeRun}): every node's first scan and the install results so far. A run
 * that is not taken over never calls it.
 */
class JournaledRunHandOverTests {
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final String PLUGIN = "Test.RecordingPlugin";

  private final List<JournaledRun> handedOver = new ArrayList<>();
  private final SimulatedCluster cluster;

  JournaledRunHandOverTests() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("c");
    for (String node : List.of("a", "b", "c")) {
      builder.node(node, spec -> spec.updates(SimulatedUpdate.of("KB-" + node, "Update for " + node).requiringRestart()));
    }
    cluster = builder.build();
  }

  @Test
  void theSecondCoordinatorsPluginGetsEveryFirstScanAndTheInstallsDoneBeforeTheTakeover() {
    SimulatedCoordinator first = coordinator("first");
    SimulatedCoordinator second = coordinator("second");
    RunOptions options = Simulation.optionsWithPlugins(PLUGIN).build();
    UpdatingRun[] resumed = new UpdatingRun[1];
    cluster.store().afterAppend((run, record) -> {
      // Dies once b's install result is durable.
      if (first.isAlive() && cluster.node("b").installedUpdates().contains("KB-b")) {
        cluster.simulator().schedule(cluster.simulator().now().plus(LEASE).plusSeconds(1),
            () -> resumed[0] = second.coordinator().resume(options));
        first.crash();
        throw new Killed();
      }
    });

    first.coordinator().start(options);
    cluster.simulator().runUntil(() -> resumed[0] != null && resumed[0].completion().isDone());

    assertThat(resumed[0].completion().join().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(handedOver).hasSize(1);
    JournaledRun journaled = handedOver.get(0);
    assertThat(journaled.firstScans()).containsOnlyKeys("a", "b", "c");
    assertThat(journaled.firstScans().get("c")).extracting(Update::id).containsExactly("KB-c");
    assertThat(journaled.installed()).containsOnlyKeys("a", "b");
    assertThat(journaled.installed().get("b")).extracting(r -> r.update().id()).containsExactly("KB-b");
  }

  @Test
  void aRunThatIsNotTakenOverNeverHandsTheJournalOver() {
    SimulatedCoordinator only = coordinator("only");

    UpdatingRun run = only.coordinator().start(Simulation.optionsWithPlugins(PLUGIN).build());
    cluster.simulator().runUntil(() -> run.completion().isDone());

    assertThat(run.completion().join().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(handedOver).isEmpty();
  }

  private SimulatedCoordinator coordinator(String name) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, name + "-host"))
        .plugins(List.of(new Recording())).leaseExpiry(LEASE).build();
  }

  /** The in-memory plug-in, recording what it is handed on a takeover. */
  private final class Recording implements UpdatePluginProvider {
    private final InMemoryUpdatePluginProvider delegate = new InMemoryUpdatePluginProvider(PLUGIN, "KB-");

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin plugin = delegate.create(arguments);
      return new UpdatePlugin() {
        @Override
        public List<Update> scan(PluginContext context) {
          return plugin.scan(context);
        }

        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          return plugin.install(context, updates);
        }

        @Override
        public void resumeRun(JournaledRun journaled) {
          handedOver.add(journaled);
        }
      };
    }
  }

  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("coordinator killed", null, false, false);
    }
  }
}
