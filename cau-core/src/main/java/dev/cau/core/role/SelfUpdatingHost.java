package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import dev.cau.api.CoordinatorLockedException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.core.TimerScheduler;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.RunOptions;
import dev.cau.core.status.RunState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the self-updating role runs on the node that owns it. When the role comes online on a node
 * ({@link #online()}), the host carries on the cluster's interrupted run if there is one (the
 * role moved here because its previous node was about to be updated, or failed), and otherwise
 * waits for the next run the role's schedule asks for and starts it. When the role goes offline
 * ({@link #offline()}) the host stops waiting; a run it carries is taken over by the host on the
 * role's next node.
 *
 * <p>The coordinator given must be a self-updating one
 * ({@link dev.cau.core.lock.CoordinatorIdentity#selfUpdating}) for this node and the role, so that
 * it can take the run's lease over from the instance on the role's previous node.
 *
 * <p>Triggers that passed while the role had no host (up to {@link #CATCH_UP} before it came
 * online) are still served: a trigger is missed only if the role was offline for longer.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SelfUpdatingHost {
  /** How far back a host that comes online looks for a trigger it must still serve. */
  public static final Duration CATCH_UP = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(SelfUpdatingHost.class);

  private final UpdateCoordinator coordinator;
  private final CauClusterRole role;
  private final String cluster;
  private final Clock clock;
  private final TimerScheduler scheduler;
  private final UnaryOperator<RunOptions> secrets;
  private TimerScheduler.@Nullable Cancellable trigger;
  private @Nullable UpdatingRun run;
  private boolean online;
  private Consumer<UpdatingRun> runListener = started -> {};

  /**
   * Creates the host of the role on this node.
   *
   * @param cluster the cluster
   * @param coordinator this node's self-updating coordinator
   * @param role the role's configuration
   * @param clock the node's clock
   * @param scheduler where to wait for the next trigger
   * @param secrets adds the secret plug-in arguments, which the configuration never stores, to
   *     the configured options
   */
  public SelfUpdatingHost(ClusterController cluster, UpdateCoordinator coordinator, CauClusterRole role,
      Clock clock, TimerScheduler scheduler, UnaryOperator<RunOptions> secrets) {
    this.cluster = Objects.requireNonNull(cluster, "cluster").name();
    this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
    this.role = Objects.requireNonNull(role, "role");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    if (!coordinator.identity().isSelfUpdating()) {
      throw new IllegalArgumentException("Coordinator " + coordinator.identity()
          + " is not a self-updating coordinator; give it a CoordinatorIdentity.selfUpdating identity");
    }
  }

  /**
   * The role came online on this node: resumes the cluster's interrupted run, or waits for the
   * next scheduled one.
   *
   * @return the resumed run, or empty if there was none to resume
   */
  public synchronized Optional<UpdatingRun> online() {
    online = true;
    RunState state = coordinator.status().state();
    if (state != RunState.RUN_NOT_IN_PROGRESS) {
      RoleConfiguration configuration = configuration();
      LOG.info("Self-updating role on cluster \"{}\" came online on {}: it carries the interrupted run on",
          cluster, coordinator.identity().host());
      try {
        UpdatingRun resumed = coordinator.resume(secrets.apply(configuration.options()));
        follow(resumed);
        return Optional.of(resumed);
      } catch (CoordinatorLockedException e) {
        // A coordinator outside the cluster carries the run; the schedule waits for it.
        LOG.info("Self-updating role on cluster \"{}\": {}", cluster, e.getMessage());
      }
    }
    waitForNextRun(clock.instant().minus(CATCH_UP));
    return Optional.empty();
  }

  /** The role went offline on this node: stops waiting for the next run. */
  public synchronized void offline() {
    online = false;
    if (trigger != null) {
      trigger.cancel();
      trigger = null;
    }
  }

  /**
   * Returns the run this host started or resumed last.
   *
   * @return the run, or empty if it has carried none
   */
  public synchronized Optional<UpdatingRun> currentRun() {
    return Optional.ofNullable(run);
  }

  /**
   * Returns when this host will start the next run.
   *
   * @return the next trigger, or empty if none is scheduled
   */
  public Optional<ZonedDateTime> nextRun() {
    return role.nextRun(clock.instant());
  }

  private void waitForNextRun(Instant after) {
    Optional<ZonedDateTime> next = role.nextRun(after);
    if (next.isEmpty() || !online) {
      return;
    }
    Duration delay = Duration.between(clock.instant(), next.get().toInstant());
    trigger = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::startScheduledRun);
  }

  private synchronized void startScheduledRun() {
    trigger = null;
    if (!online) {
      return;
    }
    Instant now = clock.instant();
    try {
      UpdatingRun started = coordinator.start(secrets.apply(configuration().options()));
      role.markRunStarted(now);
      follow(started);
    } catch (CauException e) {
      LOG.error("Self-updating role on cluster \"{}\" could not start its scheduled run: {}", cluster, e.getMessage());
      role.markRunStarted(now); // do not retry the same trigger in a loop; the next one is tried
      waitForNextRun(now);
    }
  }

  /**
   * Sets who is told of every run this host starts or resumes.
   *
   * @param listener receives each run as it starts
   */
  public synchronized void onRun(Consumer<UpdatingRun> listener) {
    this.runListener = Objects.requireNonNull(listener, "listener");
  }

  private void follow(UpdatingRun started) {
    run = started;
    runListener.accept(started);
    started.completion().whenComplete((result, failure) -> {
      synchronized (this) {
        waitForNextRun(clock.instant());
      }
    });
  }

  private RoleConfiguration configuration() {
    return role.get().orElseThrow(() -> new CauClusterRoleException(CauClusterRoleException.Reason.NOT_CONFIGURED,
        "Cluster \"" + cluster + "\" has no self-updating role configuration"));
  }
}
