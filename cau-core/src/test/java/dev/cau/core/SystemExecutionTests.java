package dev.cau.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.OperationContext;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.cluster.Witness;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunFinished;
import dev.cau.api.event.RunStarted;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The production path: real threads from {@link Execution#system()}, against a cluster whose
 * operations complete at once. Nothing here sleeps or reads the clock.
 */
class SystemExecutionTests {

  @Test
  void aRunOnRealThreadsCompletesAndDeliversEventsInOrder() throws Exception {
    InstantCluster cluster = new InstantCluster(List.of("a", "b", "c"));
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    UpdatingRun run;
    RunResult result;
    try (UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
        .plugins(PluginRegistry.builder().register(new OneUpdatePlugin()).build())
        .listener(events::add)
        .build()) {
      run = coordinator.start(RunOptions.builder().plugin(OneUpdatePlugin.NAME).build());
      result = run.completion().get(30, TimeUnit.SECONDS);
    }

    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(result.nodeResults()).allSatisfy(r -> {
      assertThat(r.succeededUpdates()).isEqualTo(1);
      assertThat(r.restarts()).isEqualTo(1);
    });
    assertThat(cluster.installed).containsOnlyKeys("a", "b", "c");
    assertThat(events.get(0)).isInstanceOf(RunStarted.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunFinished.class);
    assertThat(run.journal().entries()).isNotEmpty();
  }

  /** Nodes that suspend, restart and resume at once; each has one update that needs a restart. */
  static final class InstantCluster implements ClusterController {
    final List<String> names;
    final Map<String, NodeState> states = new ConcurrentHashMap<>();
    final Map<String, Boolean> installed = new ConcurrentHashMap<>();

    InstantCluster(List<String> names) {
      this.names = names;
      names.forEach(n -> states.put(n, NodeState.UP));
    }

    @Override
    public String name() {
      return "instant";
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot("instant",
          names.stream().map(n -> new NodeSnapshot(n, states.get(n), 1, FaultDomain.NONE)).toList(),
          Witness.NONE, List.of(), StorageHealth.HEALTHY);
    }

    @Override
    public NodeController node(String name) {
      InstantCluster cluster = this;
      return new NodeController() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public void suspend(SuspendRequest request, OperationContext context) {
          states.put(name, NodeState.PAUSED);
        }

        @Override
        public void resume(FailbackMode failback, OperationContext context) {
          states.put(name, NodeState.UP);
        }

        @Override
        public RebootMode restart(RebootMode mode, OperationContext context) {
          states.put(name, NodeState.PAUSED);
          return mode;
        }

        @Override
        public boolean awaitReady(Duration timeout, OperationContext context) {
          return true;
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
          return type == InstantCluster.class ? java.util.Optional.of(type.cast(cluster)) : java.util.Optional.empty();
        }
      };
    }
  }

  static final class OneUpdatePlugin implements UpdatePluginProvider, UpdatePlugin {
    static final String NAME = "Test.OneUpdate";

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
      InstantCluster cluster = context.capability(InstantCluster.class).orElseThrow();
      return cluster.installed.containsKey(context.nodeName()) ? List.of() : List.of(Update.of("KB1", "One update"));
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      InstantCluster cluster = context.capability(InstantCluster.class).orElseThrow();
      cluster.installed.put(context.nodeName(), true);
      return updates.stream().map(u -> InstallResult.succeeded(u, true, context.clock().instant())).toList();
    }
  }
}
