package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.role.CauClusterRole;
import dev.cau.core.role.SelfUpdatingHost;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A simulated cluster in self-updating mode: the coordinator runs as the cluster's CAU role on
 * the node that owns it. Whenever the role moves (the run drains the role's node before updating
 * it, or that node crashes), the coordinator on the old node dies with the role, and after the
 * fail-over delay a new coordinator on the role's new owner comes online and carries the run on
 * from the journal in the cluster's run store, as CAU's self-updating mode does.
 *
 * <p>The role's configuration (options and schedule) is read from the cluster's run store, where
 * {@link CauClusterRole#add} put it; runs start when its schedule says.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class SelfUpdatingSimulation {
  private final SimulatedCluster cluster;
  private final String role;
  private final Duration failoverDelay;
  private final List<UpdatePluginProvider> plugins;
  private final List<SimulatedCoordinator> coordinators = new ArrayList<>();
  private final List<SimulatedCoordinator.CallRecord> calls = new ArrayList<>();
  private final List<UpdatingRun> runs = new ArrayList<>();
  private @Nullable SimulatedCoordinator current;
  private @Nullable SelfUpdatingHost host;
  private @Nullable String hostNode;

  private SelfUpdatingSimulation(SimulatedCluster cluster, String role, Duration failoverDelay,
      List<UpdatePluginProvider> plugins) {
    this.cluster = cluster;
    this.role = role;
    this.failoverDelay = failoverDelay;
    this.plugins = List.copyOf(plugins);
  }

  /**
   * Brings the role online on the node that owns it now, and follows it wherever it moves.
   *
   * @param cluster the cluster, whose run store holds the role's configuration
   * @param role the name of the CAU role among the cluster's roles
   * @param failoverDelay how long the role takes to come online on its new node after it moved
   * @param plugins plug-ins besides the in-memory one
   * @return the simulation, with the role online
   */
  public static SelfUpdatingSimulation start(SimulatedCluster cluster, String role, Duration failoverDelay,
      List<UpdatePluginProvider> plugins) {
    SelfUpdatingSimulation simulation = new SelfUpdatingSimulation(
        Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(role, "role"), failoverDelay, plugins);
    cluster.observe(c -> simulation.followRole());
    String owner = simulation.owner();
    if (owner == null) {
      throw new IllegalArgumentException("Cluster \"" + cluster.name() + "\" has no role \"" + role + "\"");
    }
    simulation.comeOnline(owner);
    return simulation;
  }

  /**
   * Returns the coordinators the role ran, in order.
   *
   * @return one per node the role came online on
   */
  public List<SimulatedCoordinator> coordinators() {
    return List.copyOf(coordinators);
  }

  /**
   * Returns every call the role's coordinators made into the cluster, in order.
   *
   * @return the calls
   */
  public List<SimulatedCoordinator.CallRecord> calls() {
    return List.copyOf(calls);
  }

  /**
   * Returns the runs the role's coordinators started or took over, in order: a run that moved
   * appears once per coordinator that carried it.
   *
   * @return the runs
   */
  public List<UpdatingRun> runs() {
    return List.copyOf(runs);
  }

  /**
   * Returns the run carried last, once it has ended.
   *
   * @return whether the last run has ended, for {@code Simulator.runUntil}
   */
  public boolean lastRunEnded() {
    return !runs.isEmpty() && runs.get(runs.size() - 1).completion().isDone();
  }

  private @Nullable String owner() {
    return cluster.roleOwners().get(role);
  }

  private void followRole() {
    String owner = owner();
    if (owner == null || owner.equals(hostNode)) {
      return;
    }
    // The role left the node: its coordinator process stops with it.
    SelfUpdatingHost leaving = host;
    if (leaving != null) {
      leaving.offline();
    }
    if (current != null) {
      current.crash();
    }
    hostNode = owner;
    host = null;
    cluster.simulator().schedule(cluster.simulator().now().plus(failoverDelay), () -> {
      if (owner.equals(owner())) {
        comeOnline(owner);
      }
    });
  }

  private void comeOnline(String node) {
    hostNode = node;
    CoordinatorIdentity identity = CoordinatorIdentity.selfUpdating(
        "cau-" + node + "-" + (coordinators.size() + 1), node, role);
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(cluster, identity)
        .plugins(plugins)
        .callLog(calls)
        .build();
    coordinators.add(coordinator);
    current = coordinator;
    PluginRegistry.Builder registry = PluginRegistry.builder().register(new InMemoryUpdatePluginProvider());
    plugins.forEach(registry::register);
    CauClusterRole configuration = CauClusterRole.of(cluster, cluster.store(), registry.build());
    SelfUpdatingHost started = new SelfUpdatingHost(cluster, coordinator.coordinator(), configuration,
        cluster.simulator().clock(),
        // The host's schedule dies with its process, like everything else the process queued.
        (delay, task) -> cluster.simulator().schedule(cluster.simulator().now().plus(delay), () -> {
          if (coordinator.isAlive()) {
            task.run();
          }
        }),
        options -> options);
    started.onRun(runs::add);
    host = started;
    started.online();
  }
}
