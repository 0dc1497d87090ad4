package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.Execution;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One coordinator process in a simulation: an {@link UpdateCoordinator} whose time and threads
 * are the simulator's, and which a test can crash or stall at any moment.
 *
 * <p>After {@link #crash()} the process does nothing more: its queued inputs, its timers and the
 * answers of its calls in flight are lost, as when a coordinator's machine fails. The cluster, its
 * lock and its run store live on. A {@link #stall(Duration) stalled} process does nothing until the
 * stall ends, then goes on as if nothing happened: the case fencing is for.
 *
 * <p>Every call the process makes into the cluster is recorded with its time, so that a test can
 * check that at most one coordinator acted on the cluster at a time.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class SimulatedCoordinator {
  /**
   * A call a coordinator made into the cluster.
   *
   * @param coordinator the coordinator's name
   * @param at when it made it
   */
  @API(status = MAINTAINED, since = "0.1.0")
  public record CallRecord(String coordinator, Instant at) {}

  private final SimulatedCluster cluster;
  private final Simulator simulator;
  private final CoordinatorIdentity identity;
  private final UpdateCoordinator coordinator;
  private final List<RunEvent> events = new ArrayList<>();
  private final List<CallRecord> calls;
  private boolean alive = true;
  private @Nullable Instant stalledUntil;

  private SimulatedCoordinator(Builder b) {
    this.cluster = b.cluster;
    this.simulator = b.cluster.simulator();
    this.identity = b.identity;
    this.calls = b.callLog;
    PluginRegistry.Builder registry = PluginRegistry.builder().register(new InMemoryUpdatePluginProvider());
    b.plugins.forEach(registry::register);
    UpdateCoordinator.Builder builder = UpdateCoordinator.builder(b.cluster)
        .plugins(registry.build())
        .execution(execution())
        .identity(identity)
        .runIds(b.runIds)
        .policy(b.policy)
        .rollout(b.rollout)
        .leaseExpiry(b.leaseExpiry)
        .listener(events::add);
    if (b.runStore != null) {
      builder.runStore(b.runStore);
    }
    b.listeners.forEach(builder::listener);
    this.coordinator = builder.build();
  }

  /**
   * Starts describing a coordinator of a simulated cluster.
   *
   * @param cluster the cluster
   * @param identity who the coordinator is
   * @return a builder
   */
  public static Builder builder(SimulatedCluster cluster, CoordinatorIdentity identity) {
    return new Builder(cluster, identity);
  }

  /**
   * Returns the coordinator, to start, resume or recover runs with.
   *
   * @return the coordinator
   */
  public UpdateCoordinator coordinator() {
    return coordinator;
  }

  /**
   * Returns who this coordinator is.
   *
   * @return the identity
   */
  public CoordinatorIdentity identity() {
    return identity;
  }

  /**
   * Returns the events this coordinator's runs published, in order.
   *
   * @return a copy of the events
   */
  public List<RunEvent> events() {
    return List.copyOf(events);
  }

  /** Kills the process now: everything it had queued is lost. */
  public void crash() {
    alive = false;
  }

  /**
   * Freezes the process for a while: nothing it has queued runs until the stall ends.
   *
   * @param duration how long, in virtual time
   */
  public void stall(Duration duration) {
    stalledUntil = simulator.now().plus(duration);
  }

  /**
   * Tells whether the process has not crashed.
   *
   * @return {@code true} until {@link #crash()}
   */
  public boolean isAlive() {
    return alive;
  }

  /**
   * Returns the simulated cluster.
   *
   * @return the cluster
   */
  public SimulatedCluster cluster() {
    return cluster;
  }

  private Execution execution() {
    Execution base = simulator.execution();
    return new Execution(
        base.clock(),
        (delay, task) -> base.scheduler().schedule(delay, guarded(task)),
        call -> {
          if (alive) {
            calls.add(new CallRecord(identity.name(), simulator.now()));
            base.calls().execute(call);
          }
        },
        task -> base.events().execute(guarded(task)));
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      if (!alive) {
        return;
      }
      Instant until = stalledUntil;
      if (until != null && simulator.now().isBefore(until)) {
        simulator.schedule(until, guarded(task));
        return;
      }
      task.run();
    };
  }

  /** Describes a {@link SimulatedCoordinator}. Not thread-safe. */
  @API(status = MAINTAINED, since = "0.1.0")
  public static final class Builder {
    private final SimulatedCluster cluster;
    private final CoordinatorIdentity identity;
    private final List<UpdatePluginProvider> plugins = new ArrayList<>();
    private final List<RunListener> listeners = new ArrayList<>();
    private OrchestrationPolicy policy = OrchestrationPolicy.CAU;
    private RolloutPolicy rollout = RolloutPolicy.CAU;
    private Duration leaseExpiry = Duration.ofHours(1);
    private @Nullable RunStore runStore;
    private Supplier<RunId> runIds;
    private List<CallRecord> callLog = new ArrayList<>();

    private Builder(SimulatedCluster cluster, CoordinatorIdentity identity) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      this.identity = Objects.requireNonNull(identity, "identity");
      this.runIds = Simulation.runIds(cluster);
    }

    /**
     * Adds plug-ins besides the in-memory one, which every simulated coordinator has.
     *
     * @param providers the plug-ins
     * @return this builder
     */
    public Builder plugins(List<UpdatePluginProvider> providers) {
      plugins.addAll(providers);
      return this;
    }

    /**
     * Adds a listener of the coordinator's runs.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the orchestration policy. By default CAU's.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder policy(OrchestrationPolicy value) {
      this.policy = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the rollout policy of rolling runs. By default CAU's, one node at a time.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder rollout(RolloutPolicy value) {
      this.rollout = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets how long the coordinator's lease lives without renewal. By default one hour.
     *
     * @param value the expiry
     * @return this builder
     */
    public Builder leaseExpiry(Duration value) {
      this.leaseExpiry = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Makes the coordinator keep its runs in this store rather than in the cluster's (a file
     * store, say, for a coordinator outside the cluster).
     *
     * @param store the store
     * @return this builder
     */
    public Builder runStore(RunStore store) {
      this.runStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets where run ids come from. By default, ids derived from the cluster's name and a count.
     *
     * @param value the ids
     * @return this builder
     */
    public Builder runIds(Supplier<RunId> value) {
      this.runIds = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Shares a log of calls with other coordinators, so that one list shows who acted when.
     *
     * @param log the shared, mutable list
     * @return this builder
     */
    public Builder callLog(List<CallRecord> log) {
      this.callLog = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Builds the coordinator.
     *
     * @return the coordinator
     */
    public SimulatedCoordinator build() {
      return new SimulatedCoordinator(this);
    }
  }
}
