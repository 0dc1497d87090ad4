package dev.cau.testkit;

import dev.cau.api.RunId;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs the real engine on a {@link SimulatedCluster} in virtual time and returns what happened.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.builder("demo").node("n1", n -> n.updates(...)) ... .build();
 * SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());
 * }</pre>
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Returns option defaults that use the in-memory plug-in instead of Windows Update.
   *
   * @return a builder of options
   */
  public static RunOptions.Builder options() {
    return RunOptions.builder().plugin(InMemoryUpdatePluginProvider.NAME);
  }

  /**
   * Runs one updating run to its end in virtual time.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param listeners more listeners for the run's events, for example a progress printer
   * @return the outcome
   * @throws dev.cau.api.InvalidOptionsException if the options are not allowed; nothing ran
   * @throws IllegalStateException if the simulation ran out of work before the run ended, which
   *     means the engine waits for something that cannot happen
   */
  public static SimulationResult run(SimulatedCluster cluster, RunOptions options, RunListener... listeners) {
    return run(cluster, options, List.of(), listeners);
  }

  /**
   * Runs one updating run to its end in virtual time, with more plug-ins than the in-memory one.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param plugins plug-ins to register besides the in-memory one
   * @param listeners more listeners for the run's events
   * @return the outcome
   * @throws dev.cau.api.InvalidOptionsException if the options are not allowed; nothing ran
   * @throws IllegalStateException if the simulation ran out of work before the run ended
   */
  public static SimulationResult run(
      SimulatedCluster cluster, RunOptions options, List<UpdatePluginProvider> plugins, RunListener... listeners) {
    List<RunEvent> events = new ArrayList<>();
    PluginRegistry.Builder registry = PluginRegistry.builder().register(new InMemoryUpdatePluginProvider());
    plugins.forEach(registry::register);
    UpdateCoordinator.Builder coordinator = UpdateCoordinator.builder(cluster)
        .plugins(registry.build())
        .execution(cluster.simulator().execution())
        .runIds(() -> new RunId(new UUID(0L, cluster.name().hashCode())))
        .listener(events::add);
    for (RunListener listener : listeners) {
      coordinator.listener(listener);
    }
    UpdatingRun run = coordinator.build().start(options);
    if (!cluster.simulator().runUntil(run.completion()::isDone)) {
      throw new IllegalStateException("The simulation ran out of work before run " + run.runId() + " ended");
    }
    return new SimulationResult(
        run.completion().join(), events, cluster.steps(), cluster.history(), run.journal().entries());
  }
}
