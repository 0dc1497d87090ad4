package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CancellationSignal;
import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.StorageDegradedException;
import dev.cau.api.cluster.DrainMode;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.RemoteShutdownFirewall;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.plugin.UpdateResultCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A node of a {@link SimulatedCluster}: its controller and its update catalogue. Every call
 * charges its simulated duration to the cluster's simulator and records a {@link StepRecord}.
 *
 * <p>Its {@linkplain #capability(Class) capabilities} are its {@link UpdateCatalog}, a
 * {@link RemoteShutdownFirewall} when the node was given a firewall rule, its
 * {@linkplain #files() files} as {@link NodeFiles}, its {@linkplain #programs() programs} as
 * {@link ProgramRunner}, and whatever a test {@linkplain #offer offers}; a test
 * {@linkplain #withdraw withdraws} any of them to plant a node that lacks one.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedNode implements NodeController, UpdateCatalog {
  private final SimulatedCluster cluster;
  private final String name;
  private final int voteWeight;
  /** The node's place in the cluster's order of nodes, set when the cluster is built. */
  int index;
  private final FaultDomain faultDomain;
  private final List<SimulatedUpdate> catalogue;
  private final boolean neverReturnsFromRestart;
  private final boolean awaitReadyIgnoresTimeout;
  private final boolean softRebootBypassed;
  private final boolean drainHangs;
  private boolean crashesWhileInstalling;
  private @Nullable Boolean remoteShutdownAllowed;
  private final List<RebootMode> bootTypes = new ArrayList<>();
  private final Set<String> installed = new LinkedHashSet<>();
  private final Map<String, Integer> installCounts = new HashMap<>();
  private NodeState state;
  private int restarts;
  /** Counts the node's boots: a new one each time it comes up from down. */
  private int boots = 1;
  private String currentBoot;
  /** An installed update needs a restart that has not happened yet. */
  private boolean restartPending;
  private Instant readyAt = Instant.MIN;
  private @Nullable NodeSnapshot shown;
  private final SimulatedFiles files;
  private final SimulatedPrograms programs;
  private final Map<Class<?>, Object> offered = new HashMap<>();
  private final Set<Class<?>> withdrawn = new java.util.HashSet<>();
  private final List<Runnable> bootActions = new ArrayList<>();
  private String osVersion = "";
  private String osBuild = "";
  private @Nullable SimulatedUpdate stagedFeatureUpdate;

  SimulatedNode(SimulatedCluster cluster, SimulatedCluster.NodeSpec spec) {
    this.cluster = cluster;
    this.name = spec.name;
    this.voteWeight = spec.voteWeight;
    this.faultDomain = spec.faultDomain;
    this.catalogue = List.copyOf(spec.updates);
    this.neverReturnsFromRestart = spec.neverReturnsFromRestart;
    this.awaitReadyIgnoresTimeout = spec.awaitReadyIgnoresTimeout;
    this.softRebootBypassed = spec.softRebootBypassed;
    this.drainHangs = spec.drainHangs;
    this.crashesWhileInstalling = spec.crashesWhileInstalling;
    this.remoteShutdownAllowed = spec.remoteShutdownAllowed;
    this.state = spec.state;
    this.currentBoot = name + "/boot-1";
    this.files = new SimulatedFiles(this, cluster);
    this.programs = new SimulatedPrograms(this, cluster);
  }

  /**
   * Makes the node offer a capability of a type, for plug-ins to ask for with
   * {@code context.capability(type)}; replaces what it offered for that type before, including
   * its own {@link NodeFiles} and {@link ProgramRunner}, and undoes a {@link #withdraw} of it.
   *
   * @param type the capability's interface
   * @param capability the object that implements it
   * @param <T> the capability's type
   * @return this node
   * @throws IllegalArgumentException for {@link UpdateCatalog} and
   *     {@link RemoteShutdownFirewall}, which the node models itself (give a firewall rule with
   *     {@link SimulatedCluster.NodeSpec#remoteShutdownRule(boolean)})
   */
  public <T> SimulatedNode offer(Class<T> type, T capability) {
    Objects.requireNonNull(type, "type");
    if (type == UpdateCatalog.class || type == RemoteShutdownFirewall.class) {
      throw new IllegalArgumentException("Node \"" + name + "\" models its own " + type.getSimpleName()
          + "; it cannot be replaced");
    }
    offered.put(type, type.cast(Objects.requireNonNull(capability, "capability")));
    withdrawn.remove(type);
    return this;
  }

  /**
   * Makes the node stop offering a capability, its own ones included, so that a plug-in that
   * needs it is refused on this node.
   *
   * @param type the capability's interface
   * @return this node
   */
  public SimulatedNode withdraw(Class<?> type) {
    withdrawn.add(Objects.requireNonNull(type, "type"));
    return this;
  }

  /**
   * Returns the files the node sees, to plant files, links, access lists and shares. The node
   * offers them as its {@link NodeFiles} capability unless another was offered or it was
   * withdrawn.
   *
   * @return the node's files
   */
  public SimulatedFiles files() {
    return files;
  }

  /**
   * Returns the programs the node runs, to define them and look at what ran. The node offers
   * them as its {@link ProgramRunner} capability unless another was offered or it was withdrawn.
   *
   * @return the node's programs
   */
  public SimulatedPrograms programs() {
    return programs;
  }

  /**
   * Sets the operating system the node runs, as a feature update moves it on.
   *
   * @param version its version, such as {@code 22H2}
   * @param build its build and revision, such as {@code 20349.2322}
   * @return this node
   */
  public SimulatedNode operatingSystem(String version, String build) {
    this.osVersion = Objects.requireNonNull(version, "version");
    this.osBuild = Objects.requireNonNull(build, "build");
    return this;
  }

  /**
   * Returns the operating-system version the node runs.
   *
   * @return such as {@code 23H2}; empty when never set
   */
  public String osVersion() {
    return osVersion;
  }

  /**
   * Returns the operating-system build the node runs.
   *
   * @return such as {@code 25398.469}; empty when never set
   */
  public String osBuild() {
    return osBuild;
  }

  /**
   * Adds an action run every time the node comes up again after a restart, such as a fake agent
   * activating firmware flashed before it.
   *
   * @param action what booting does
   * @return this node
   */
  public SimulatedNode onBoot(Runnable action) {
    bootActions.add(Objects.requireNonNull(action, "action"));
    return this;
  }

  /**
   * Leaves a restart pending on the node, as something outside the run would (an update
   * installed by hand): {@link #pendingRestart} reports it until the node restarts.
   *
   * @return this node
   */
  public SimulatedNode plantPendingRestart() {
    restartPending = true;
    return this;
  }

  /**
   * Tells whether the node has a restart pending: an update installed by the run, or planted,
   * needs a restart that has not happened yet.
   *
   * @return whether a restart is pending
   */
  public boolean restartPending() {
    return restartPending;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the node's state now.
   *
   * @return the membership state
   */
  public NodeState state() {
    return state;
  }

  /**
   * Returns the identity of the node's current boot, as a controller reads it from a running
   * node: it changes each time the node comes up again, and is unknown ({@code ""}) while the
   * node is down.
   *
   * @return the boot identity, or {@code ""}
   */
  public String bootId() {
    return state == NodeState.DOWN || state == NodeState.UNKNOWN ? "" : currentBoot;
  }

  int voteWeight() {
    return voteWeight;
  }

  FaultDomain faultDomain() {
    return faultDomain;
  }

  /** The update of the catalogue with this id. */
  private SimulatedUpdate known(String id) {
    for (SimulatedUpdate update : catalogue) {
      if (update.id().equals(id)) {
        return update;
      }
    }
    throw new NodeOperationException(name, "Node \"" + name + "\" has no update \"" + id + "\"");
  }

  /** The node as a cluster snapshot shows it; the same object while its state stays the same. */
  NodeSnapshot snapshot() {
    NodeSnapshot last = shown;
    String boot = bootId();
    if (last != null && last.state() == state && last.bootId().equals(boot)) {
      return last;
    }
    NodeSnapshot now = new NodeSnapshot(name, state, voteWeight, faultDomain, boot);
    shown = now;
    return now;
  }

  /**
   * Returns the ids of the updates installed so far, in order.
   *
   * @return the installed update ids
   */
  public List<String> installedUpdates() {
    return List.copyOf(installed);
  }

  /**
   * Returns how many times an update was installed on this node; more than once is a bug.
   *
   * @param updateId the update's id
   * @return the number of installations
   */
  public int installCount(String updateId) {
    return installCounts.getOrDefault(updateId, 0);
  }

  /**
   * Returns how many times the node restarted.
   *
   * @return the restart count
   */
  public int restarts() {
    return restarts;
  }

  /**
   * Returns the kinds of restart the node went through, in order.
   *
   * @return the boot types
   */
  public List<RebootMode> bootTypes() {
    return List.copyOf(bootTypes);
  }

  @Override
  public void suspend(SuspendRequest request, OperationContext context) {
    requireRunning("suspend");
    if (cluster.storageDegraded()) {
      cluster.record(name, "suspend refused", Duration.ZERO);
      throw new StorageDegradedException(name,
          "Suspend of node \"" + name + "\" refused: a clustered space is degraded (ERROR_CLUSTER_SPACE_DEGRADED)");
    }
    cluster.record(name, "suspend", drainHangs ? Duration.ofDays(30) : cluster.timings().suspend());
    if (state == NodeState.PAUSED) {
      return;
    }
    if (request.drain() != DrainMode.NONE) {
      cluster.drain(this, request.drain() == DrainMode.FORCE_DRAIN, request.migration());
    }
    cluster.changeState(this, NodeState.PAUSED);
  }

  @Override
  public void resume(FailbackMode failback, OperationContext context) {
    requireRunning("resume");
    cluster.record(name, "resume", cluster.timings().resume());
    if (state != NodeState.PAUSED) {
      return;
    }
    cluster.changeState(this, NodeState.UP);
    if (failback != FailbackMode.NO_FAILBACK) {
      cluster.failBack(this, failback == FailbackMode.POLICY);
    }
  }

  @Override
  public RebootMode restart(RebootMode requested, OperationContext context) {
    if (state == NodeState.DOWN && readyAt.isAfter(cluster.simulator().now()) && !bootTypes.isEmpty()) {
      // Asked again while it restarts (a coordinator that took a run over repeats a lost call).
      cluster.record(name, "restart already in progress", Duration.ZERO);
      return bootTypes.get(bootTypes.size() - 1);
    }
    requireRunning("restart");
    if (Boolean.FALSE.equals(remoteShutdownAllowed)) {
      throw new NodeOperationException(name, "Node \"" + name + "\" refused a remote restart: its firewall blocks it");
    }
    RebootMode actual = requested == RebootMode.SOFT && !softRebootBypassed ? RebootMode.SOFT : RebootMode.FULL;
    cluster.record(name, "restart " + actual, Duration.ZERO);
    NodeState after = state;
    cluster.changeState(this, NodeState.DOWN);
    restarts++;
    bootTypes.add(actual);
    if (neverReturnsFromRestart) {
      readyAt = Instant.MAX;
      return actual;
    }
    Duration boot = actual == RebootMode.SOFT ? cluster.timings().softReboot() : cluster.timings().reboot();
    readyAt = cluster.simulator().now().plus(boot);
    cluster.simulator().schedule(readyAt, () -> {
      cluster.changeState(this, after);
      cluster.nodeReturned(this);
    });
    return actual;
  }

  @Override
  public boolean awaitReady(Duration timeout, OperationContext context) {
    Instant now = cluster.simulator().now();
    // A faulty controller waits a day whatever timeout it was given.
    Instant deadline = now.plus(awaitReadyIgnoresTimeout ? Duration.ofDays(1) : timeout);
    boolean ready = !readyAt.isAfter(deadline);
    Duration waited = ready
        ? (readyAt.isAfter(now) ? Duration.between(now, readyAt) : Duration.ZERO)
        : Duration.between(now, deadline);
    cluster.record(name, "await ready", waited);
    // Called directly by a test rather than by the engine: let the node come back now.
    cluster.simulator().runDue();
    return ready;
  }

  @Override
  public PendingRestart pendingRestart(OperationContext context) {
    requireRunning("read the pending restart");
    return restartPending ? PendingRestart.PENDING : PendingRestart.NONE;
  }

  @Override
  public ScriptOutcome runScript(ScriptRequest request, OperationContext context) {
    requireRunning("run a script");
    cluster.record(name, "script " + request.path(), cluster.timings().script());
    return cluster.scriptOutcome(name, request);
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    if (withdrawn.contains(type)) {
      return Optional.empty();
    }
    Object given = offered.get(type);
    if (given != null) {
      return Optional.of(type.cast(given));
    }
    if (type == NodeFiles.class) {
      return Optional.of(type.cast(files));
    }
    if (type == ProgramRunner.class) {
      return Optional.of(type.cast(programs));
    }
    if (type == UpdateCatalog.class) {
      return Optional.of(type.cast(this));
    }
    if (type == RemoteShutdownFirewall.class && remoteShutdownAllowed != null) {
      return Optional.of(type.cast(new RemoteShutdownFirewall() {
        @Override
        public boolean isRemoteShutdownAllowed() {
          return Boolean.TRUE.equals(remoteShutdownAllowed);
        }

        @Override
        public void allowRemoteShutdown() {
          remoteShutdownAllowed = true;
          cluster.changed("remote shutdown firewall rule enabled on \"" + name + "\"");
        }
      }));
    }
    return Optional.empty();
  }

  @Override
  public List<Update> scan() {
    requireRunning("scan");
    cluster.record(name, "scan", cluster.timings().scan());
    List<Update> applicable = new ArrayList<>();
    for (SimulatedUpdate update : catalogue) {
      String prerequisite = update.appearsAfter();
      boolean outstanding = !installed.contains(update.id()) || update.reportedAfterInstall();
      if (outstanding && (prerequisite == null || installed.contains(prerequisite))) {
        applicable.add(offered(update));
      }
    }
    return applicable;
  }

  /** A feature update is reported with its target, so that core knows it moves the node to a new version. */
  private static Update offered(SimulatedUpdate update) {
    Update offered = new Update(update.id(), update.title(), "");
    String build = update.targetBuild();
    String version = update.targetVersion();
    return build == null || version == null ? offered : offered.withFacts(UpdateFacts.NONE.withTarget(version, build));
  }

  @Override
  public void stage(List<Update> updates) {
    requireRunning("stage");
    cluster.record(name, "stage", cluster.timings().stage());
  }

  @Override
  public List<InstallResult> install(List<Update> updates, CancellationSignal cancellation, Clock clock) {
    requireRunning("install");
    if (crashesWhileInstalling && !updates.isEmpty()) {
      crashesWhileInstalling = false;
      Duration half = updates.stream().map(u -> catalogue.stream().filter(c -> c.id().equals(u.id())).findFirst()
          .map(SimulatedUpdate::installDuration).orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus).dividedBy(2);
      cluster.simulator().schedule(cluster.simulator().now().plus(half), () -> cluster.crash(this));
    }
    List<InstallResult> results = new ArrayList<>();
    int selfRestarts = 0;
    for (Update update : updates) {
      if (cancellation.isCancellationRequested()) {
        // Honour a cancel between updates: what is not started is reported canceled.
        results.add(new InstallResult(update, UpdateResultCode.CANCELED, 0, false, clock.instant()));
        continue;
      }
      SimulatedUpdate known = known(update.id());
      cluster.record(name, "install " + known.id(), known.installDuration());
      Instant at = clock.instant();
      if (known.failureCode() != 0) {
        results.add(InstallResult.failed(update, known.failureCode(), at));
      } else {
        installed.add(known.id());
        installCounts.merge(known.id(), 1, Integer::sum);
        results.add(InstallResult.succeeded(update, known.requiresRestart(), at));
        restartPending |= known.requiresRestart();
        selfRestarts += known.selfRestarts();
        if (known.targetBuild() != null) {
          stagedFeatureUpdate = known; // the new version runs from the next boot on
        }
      }
    }
    if (selfRestarts > 0) {
      restartItself(selfRestarts);
    }
    return results;
  }

  /**
   * Restarts the node by itself, as an installer does after the call that started it returns (an
   * operating-system setup restarts a node several times): the node goes down at the current
   * virtual instant, once the running call has returned, and comes back after {@code times} boots.
   * Used by simulated node-side programs, such as a simulated setup, whose answer is followed by
   * restarts the plug-in declares its own.
   *
   * @param times how many restarts, one after another; at least 1
   */
  public void restartByItself(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("A node restarts itself at least once, not " + times + " times");
    }
    restartItself(times);
  }

  /** The installed updates restart the node by themselves, one restart after another, once the install returns. */
  private void restartItself(int times) {
    Instant down = cluster.simulator().now(); // the end of the install call: its time is charged already
    NodeState back = state;
    readyAt = neverReturnsFromRestart ? Instant.MAX : down.plus(cluster.timings().reboot().multipliedBy(times));
    cluster.simulator().schedule(down, () -> {
      cluster.record(name, "installer restarts the node x" + times, Duration.ZERO);
      cluster.changeState(this, NodeState.DOWN);
      for (int i = 0; i < times; i++) {
        restarts++;
        bootTypes.add(RebootMode.FULL);
      }
    });
    if (!neverReturnsFromRestart) {
      cluster.simulator().schedule(readyAt, () -> {
        boots += times - 1; // each restart but the last came up and went down again
        cluster.changeState(this, back);
        cluster.nodeReturned(this);
      });
    }
  }

  void requireRunning(String what) {
    if (state == NodeState.DOWN || state == NodeState.UNKNOWN) {
      throw new NodeOperationException(name, "Cannot " + what + " on node \"" + name + "\": it is " + state);
    }
  }

  void setState(NodeState state) {
    boolean wasDown = this.state == NodeState.DOWN || this.state == NodeState.UNKNOWN;
    if (wasDown && (state == NodeState.UP || state == NodeState.PAUSED)) {
      boots++;
      currentBoot = name + "/boot-" + boots;
      restartPending = false;
      this.state = state;
      SimulatedUpdate feature = stagedFeatureUpdate;
      if (feature != null) {
        stagedFeatureUpdate = null;
        osVersion = Objects.requireNonNull(feature.targetVersion());
        osBuild = Objects.requireNonNull(feature.targetBuild());
      }
      bootActions.forEach(Runnable::run);
      return;
    }
    this.state = state;
  }
}
