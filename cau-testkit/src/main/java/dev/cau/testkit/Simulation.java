package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.RunId;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.lock.CoordinatorIdentity;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Runs the real engine on a {@link SimulatedCluster} in virtual time and returns what happened.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.builder("demo").node("n1", n -> n.updates(...)) ... .build();
 * SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());
 * }</pre>
 *
 * <p>The in-memory plug-in ({@link InMemoryUpdatePluginProvider}) is always registered and is
 * the one a run uses unless its options name others. Plug-ins of one's own are passed to
 * {@link #run(SimulatedCluster, RunOptions, List, RunListener...)} by hand, or found with
 * {@link java.util.ServiceLoader} through {@link #discoveredPlugins()}; either way the options
 * select them by name:
 *
 * <pre>{@code
 * Simulation.run(cluster, Simulation.options().plugin("Contoso.FirmwarePlugin").build(), Simulation.discoveredPlugins());
 * }</pre>
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class Simulation {
  private Simulation() {}

  /**
   * Returns option defaults that use the in-memory plug-in instead of Windows Update.
   *
   * <p>The in-memory plug-in is the builder's {@linkplain RunOptions.Builder#defaultPlugin
   * default}: the first plug-in added with {@code plugin(...)} or {@code plugins(...)} replaces
   * it, so {@code options().plugin("X")} runs X alone. To run X beside the in-memory plug-in,
   * add both, or start from {@link #optionsWithPlugins(String...)}.
   *
   * @return a builder of options
   */
  public static RunOptions.Builder options() {
    return RunOptions.builder().defaultPlugin(InMemoryUpdatePluginProvider.NAME);
  }

  /**
   * Returns option defaults whose plug-ins are exactly these, in install order, without
   * arguments.
   *
   * @param names the plug-ins' names, such as {@code InMemoryUpdatePluginProvider.NAME} and a
   *     plug-in of one's own; at least one
   * @return a builder of options
   * @throws IllegalArgumentException if no name is given
   * @throws dev.cau.api.InvalidOptionsException if a name is blank or given twice
   */
  public static RunOptions.Builder optionsWithPlugins(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("optionsWithPlugins needs at least one plug-in name;"
          + " options() uses the in-memory plug-in alone");
    }
    RunOptions.Builder options = options();
    for (String name : names) {
      options.plugin(name);
    }
    return options;
  }

  /**
   * Returns the update plug-ins {@link java.util.ServiceLoader} finds through the context class
   * loader of the calling thread (the test's class path or module path), for a run that should
   * see third-party plug-ins without passing each by hand. The in-memory plug-in is left out,
   * as every simulation registers it already.
   *
   * @return the discovered plug-ins, by name
   * @throws IllegalStateException if a provider cannot be loaded or named, listing each
   *     problem, so that a broken registration fails the test instead of hiding a plug-in
   * @throws dev.cau.api.PluginRegistrationException if two providers share a name
   */
  public static List<UpdatePluginProvider> discoveredPlugins() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    PluginRegistry registry = PluginRegistry.discover(loader != null ? loader : Simulation.class.getClassLoader());
    if (!registry.problems().isEmpty()) {
      throw new IllegalStateException("Update plug-in discovery found problems: "
          + String.join("; ", registry.problems()));
    }
    return registry.names().stream()
        .filter(name -> !name.equals(InMemoryUpdatePluginProvider.NAME))
        .map(registry::require)
        .toList();
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
    return start(cluster, options, plugins, listeners).complete();
  }

  /**
   * Starts a run without driving it yet, so that a test can act on it while it runs, for example
   * cancel it from a listener. Nothing happens until {@link SimulatedRun#complete()}.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param plugins plug-ins to register besides the in-memory one
   * @param listeners more listeners for the run's events
   * @return the started run
   * @throws dev.cau.api.InvalidOptionsException if the options are not allowed; nothing ran
   */
  public static SimulatedRun start(
      SimulatedCluster cluster, RunOptions options, List<UpdatePluginProvider> plugins, RunListener... listeners) {
    return start(cluster, options, plugins, OrchestrationPolicy.CAU, listeners);
  }

  /**
   * Starts a run with an orchestration policy of one's own, for policy tests.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param plugins plug-ins to register besides the in-memory one
   * @param policy the decisions the engine takes
   * @param listeners more listeners for the run's events
   * @return the started run
   * @throws dev.cau.api.InvalidOptionsException if the options are not allowed; nothing ran
   */
  public static SimulatedRun start(
      SimulatedCluster cluster,
      RunOptions options,
      List<UpdatePluginProvider> plugins,
      OrchestrationPolicy policy,
      RunListener... listeners) {
    List<RunEvent> events = new ArrayList<>();
    return new SimulatedRun(cluster, coordinator(cluster, plugins, policy, events, listeners).start(options), events);
  }

  /**
   * Runs one offline update to its end in virtual time: the cluster is stopped, every node is
   * updated at once, and the cluster is started again.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param acknowledgement must be {@link OfflineUpdate#WORKLOADS_GO_OFFLINE}
   * @param listeners more listeners for the run's events
   * @return the outcome
   * @throws dev.cau.api.InvalidOptionsException if the acknowledgement is missing or the options
   *     are not allowed; nothing ran
   * @throws IllegalStateException if the simulation ran out of work before the run ended
   */
  public static SimulationResult runOffline(
      SimulatedCluster cluster, RunOptions options, OfflineUpdate acknowledgement, RunListener... listeners) {
    return startOffline(cluster, options, acknowledgement, List.of(), listeners).complete();
  }

  /**
   * Starts an offline update without driving it yet; nothing happens until
   * {@link SimulatedRun#complete()}.
   *
   * @param cluster the simulated cluster; its simulator provides time
   * @param options the run's options
   * @param acknowledgement must be {@link OfflineUpdate#WORKLOADS_GO_OFFLINE}
   * @param plugins plug-ins to register besides the in-memory one
   * @param listeners more listeners for the run's events
   * @return the started run
   * @throws dev.cau.api.InvalidOptionsException if the acknowledgement is missing or the options
   *     are not allowed; nothing ran
   */
  public static SimulatedRun startOffline(
      SimulatedCluster cluster,
      RunOptions options,
      OfflineUpdate acknowledgement,
      List<UpdatePluginProvider> plugins,
      RunListener... listeners) {
    List<RunEvent> events = new ArrayList<>();
    UpdateCoordinator coordinator = coordinator(cluster, plugins, OrchestrationPolicy.CAU, events, listeners);
    return new SimulatedRun(cluster, coordinator.startOfflineUpdate(options, acknowledgement), events);
  }

  /** Run ids derived from the cluster's name and a count, so that a simulation replays exactly. */
  static Supplier<RunId> runIds(SimulatedCluster cluster) {
    AtomicLong count = new AtomicLong();
    return () -> new RunId(new UUID(count.incrementAndGet(), cluster.name().hashCode()));
  }

  private static UpdateCoordinator coordinator(
      SimulatedCluster cluster,
      List<UpdatePluginProvider> plugins,
      OrchestrationPolicy policy,
      List<RunEvent> events,
      RunListener... listeners) {
    PluginRegistry.Builder registry = PluginRegistry.builder().register(new InMemoryUpdatePluginProvider());
    plugins.forEach(registry::register);
    UpdateCoordinator.Builder coordinator = UpdateCoordinator.builder(cluster)
        .plugins(registry.build())
        .execution(cluster.simulator().execution())
        .runIds(runIds(cluster))
        .identity(CoordinatorIdentity.remote("coordinator", "remote-host"))
        .policy(policy)
        .listener(events::add);
    for (RunListener listener : listeners) {
      coordinator.listener(listener);
    }
    return coordinator.build();
  }

  /** A simulated run that has started; {@link #complete()} drives it to its end. */
  @API(status = MAINTAINED, since = "0.1.0")
  public static final class SimulatedRun {
    private final SimulatedCluster cluster;
    private final UpdatingRun run;
    private final List<RunEvent> events;

    private SimulatedRun(SimulatedCluster cluster, UpdatingRun run, List<RunEvent> events) {
      this.cluster = cluster;
      this.run = run;
      this.events = events;
    }

    /**
     * Returns the engine's handle of the run, for example to cancel it.
     *
     * @return the run
     */
    public UpdatingRun run() {
      return run;
    }

    /**
     * Returns whether the simulation has driven the run to its end.
     *
     * @return {@code true} once {@link #complete()} succeeded
     */
    public boolean isDone() {
      return run.completion().isDone();
    }

    /**
     * Drives the simulation until the run ends.
     *
     * @return the outcome
     * @throws IllegalStateException if the simulation ran out of work before the run ended
     */
    public SimulationResult complete() {
      if (!cluster.simulator().runUntil(run.completion()::isDone)) {
        throw new IllegalStateException("The simulation ran out of work before run " + run.runId() + " ended");
      }
      return new SimulationResult(
          run.completion().join(), events, cluster.steps(), cluster.history(), run.journal().entries());
    }
  }
}
