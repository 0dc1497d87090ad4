package dev.cau.benchmarks;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.UUID;

/** The simulated clusters and runs the benchmarks measure. */
final class SimulatedRuns {
  /**
   * The options of every measured run. The second-order update is installed while the node is
   * still drained, as CAU does: the default (a further drained pass to stage it outside the drained
   * window) would add a failover and failback per node, and the measured work would no longer be
   * the work the engine's earlier figures were measured on.
   */
  static final RunOptions OPTIONS = Simulation.options().maxFailedNodes(1)
      .secondOrderStaging(SecondOrderStaging.WHILE_DRAINED).build();

  private SimulatedRuns() {}

  /**
   * Builds a cluster of nodes that each install four updates, one of which needs a restart and
   * makes a fifth appear, with one role per node and a file share witness.
   *
   * @param count how many nodes
   * @return the cluster, ready to run
   */
  static SimulatedCluster cluster(int count) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("bench-" + count)
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE);
    for (int i = 1; i <= count; i++) {
      builder.node("n" + i, n -> n.updates(
          SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart().installTaking(Duration.ofMinutes(12)),
          SimulatedUpdate.of("KB2", ".NET update"),
          SimulatedUpdate.of("KB3", "Definitions"),
          SimulatedUpdate.of("KB4", "Follow-up").appearingAfter("KB1")));
    }
    for (int i = 1; i <= count; i++) {
      builder.role("role-" + i, "n" + (1 + (i * 7) % count));
    }
    return builder.build();
  }

  /**
   * Runs one updating run to its end, journaling to the cluster's run store.
   *
   * @param cluster a fresh cluster
   * @return the run's result
   */
  static RunResult withRunStore(SimulatedCluster cluster) {
    return run(cluster, cluster);
  }

  /**
   * Runs one updating run to its end with the journal in memory: the cluster shows no run store.
   *
   * @param cluster a fresh cluster
   * @return the run's result
   */
  static RunResult withoutRunStore(SimulatedCluster cluster) {
    return run(cluster, new WithoutRunStore(cluster));
  }

  private static RunResult run(SimulatedCluster cluster, ClusterController controller) {
    UpdatingRun run = UpdateCoordinator.builder(controller)
        .plugins(PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).build())
        .execution(cluster.simulator().execution())
        .runIds(() -> new RunId(new UUID(1, cluster.name().hashCode())))
        .identity(CoordinatorIdentity.remote("coordinator", "remote-host"))
        .build()
        .start(OPTIONS);
    if (!cluster.simulator().runUntil(run.completion()::isDone)) {
      throw new IllegalStateException("The simulation ran out of work before the run ended");
    }
    return run.completion().join();
  }
}
