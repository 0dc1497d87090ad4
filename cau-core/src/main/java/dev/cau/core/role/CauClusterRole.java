package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginArgumentBinder;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The self-updating role of one cluster: CAU's {@code Add-}, {@code Get-}, {@code Set-},
 * {@code Enable-}, {@code Disable-} and {@code Remove-CauClusterRole}.
 *
 * <pre>{@code
 * CauClusterRole role = CauClusterRole.of(cluster, plugins);
 * role.add(RoleConfiguration.builder("CAU-Role")
 *     .defaultSchedule(ZoneId.of("Europe/Paris"), LocalDate.of(2026, 1, 1))
 *     .build());
 * role.set(role.get().orElseThrow().options().toBuilder().rebootTimeoutMinutes(30).build());
 * role.disable();
 * }</pre>
 *
 * <p>The role itself is a clustered role the embedding product's cluster already has (CAU's
 * {@code GroupName}); the node that owns it runs the update coordinator. This class keeps the
 * role's {@link RoleConfiguration} in the cluster's {@link RunStore}, as one line of text that
 * every node can read, and checks it against the cluster: {@link #add} refuses a group that is not
 * a clustered role of the cluster or that fewer than two nodes may own (CAU's rule: the role must
 * be able to fail over when its node is updated), and {@link #add} and the {@code set} methods
 * check the options as the coordinator does when a run starts. Every refusal is thrown before
 * anything is written.
 *
 * <p>Options are stored as a run profile: as in CAU, the value of a secret plug-in argument is
 * never stored, and the coordinator that runs the role's options must be given it again. Writing
 * options looks their plug-ins up in the registry; operations that keep the options (status,
 * schedule, {@code UpdateNow}, a recorded start) and {@link #parameters()} copy the stored options
 * as they are, so they work even after a plug-in was unregistered. The stored text is described
 * in {@code docs/self-updating.md}.
 *
 * <p>This class reads no clock and starts no run. The node that owns the role asks
 * {@link #nextRun(Instant)} when the next run is due, with instants from its own clock, and calls
 * {@link #markRunStarted(Instant)} when it starts one. A stored configuration that cannot be read
 * makes every method but {@link #remove()} throw {@link InvalidRoleConfigurationException}.
 *
 * <p>Instances are thread-safe: each operation reads, checks and writes the configuration while
 * holding this instance's lock. The run store has no compare-and-set for the configuration, so
 * two instances (on two nodes, say) changing it at the same moment leave the last one written.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CauClusterRole {
  private final ClusterController cluster;
  private final RunStore store;
  private final PluginRegistry registry;

  private CauClusterRole(ClusterController cluster, RunStore store, PluginRegistry registry) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Binds to a cluster and a run store.
   *
   * @param cluster the cluster, whose snapshot lists the clustered roles and nodes
   * @param store where the configuration is kept; usually the cluster's own
   * @param registry the plug-ins: the role's plug-ins must be in it, and their descriptors say
   *     which arguments are secret and so never stored
   * @return the role
   */
  public static CauClusterRole of(ClusterController cluster, RunStore store, PluginRegistry registry) {
    return new CauClusterRole(cluster, store, registry);
  }

  /**
   * Binds to a cluster and the run store it keeps, {@link ClusterController#runStore()}.
   *
   * @param cluster the cluster
   * @param registry the plug-ins
   * @return the role
   * @throws IllegalArgumentException if the cluster keeps no run store
   */
  public static CauClusterRole of(ClusterController cluster, PluginRegistry registry) {
    RunStore store = cluster.runStore().orElseThrow(() -> new IllegalArgumentException(
        "Cluster \"" + cluster.name() + "\" keeps no run store, so it cannot keep a self-updating"
            + " role's configuration; give a store to CauClusterRole.of(cluster, store, registry)"));
    return new CauClusterRole(cluster, store, registry);
  }

  /**
   * Configures the self-updating role, as {@code Add-CauClusterRole} does.
   *
   * @param configuration the group, status, options and schedule
   * @return the configuration as stored, which {@link #get()} returns from now on: the same, but
   *     without the values of secret plug-in arguments
   * @throws CauClusterRoleException if the cluster already has a configuration
   *     ({@link CauClusterRoleException.Reason#ALREADY_CONFIGURED}); use the {@code set} methods,
   *     or {@link #remove()} it first
   * @throws InvalidOptionsException if the group is not a clustered role of the cluster, fewer
   *     than two of the cluster's nodes may own it, or an option is not allowed for this cluster
   *     ({@code MaxFailedNodes}, {@code NodeOrder}, {@code SiteAwareUpdatingOrder}, plug-in
   *     arguments)
   * @throws dev.cau.api.PluginNotFoundException if a plug-in of the options is not in the
   *     registry
   * @throws dev.cau.core.profile.InvalidProfileException if an option holds a value a profile
   *     cannot hold, such as a line break
   */
  public synchronized RoleConfiguration add(RoleConfiguration configuration) {
    Objects.requireNonNull(configuration, "configuration");
    if (store.roleConfiguration().isPresent()) {
      throw new CauClusterRoleException(CauClusterRoleException.Reason.ALREADY_CONFIGURED,
          "Cluster \"" + cluster.name() + "\" already has a self-updating role configuration;"
              + " use set(...) to change it, or remove() it before adding another");
    }
    ClusterSnapshot snapshot = cluster.snapshot();
    checkGroup(snapshot, configuration.groupName());
    checkOptions(snapshot, configuration.options());
    return write(configuration);
  }

  /**
   * Reads the configuration, as {@code Get-CauClusterRole} does.
   *
   * @return the configuration, or empty if the cluster has no self-updating role
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized Optional<RoleConfiguration> get() {
    return store.roleConfiguration().map(RoleConfigurationText::read);
  }

  /**
   * Lists the configuration as {@code Get-CauClusterRole}'s Name/Value rows:
   * {@code ResourceGroupName}, {@code Status} ({@code Online} or {@code Offline}),
   * {@code StartDate}, then {@code DaysOfWeek} (CAU's flags value) with {@code WeeksOfMonth} or
   * {@code WeeksInterval}, or {@code RunOnce}; {@code UpdateNow} and {@code LastRunStarted} when
   * there are; then every run option with its profile name and value (never a secret plug-in
   * argument), {@code NodeOrder} when there is one, and {@code QuorumPolicy}.
   *
   * @return the rows, in that order; empty if the cluster has no self-updating role
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized List<RoleParameter> parameters() {
    return store.roleConfiguration().map(RoleConfigurationText::parameters).orElse(List.of());
  }

  /**
   * Replaces the run options, as {@code Set-CauClusterRole} with run options does. The group,
   * status, schedule and any {@code UpdateNow} request stay.
   *
   * @param options the new options; to change a few, start from
   *     {@code get().orElseThrow().options().toBuilder()}
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidOptionsException if an option is not allowed for this cluster
   * @throws dev.cau.api.PluginNotFoundException if a plug-in is not in the registry
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration set(RunOptions options) {
    Objects.requireNonNull(options, "options");
    RoleConfiguration current = require("set the options of");
    checkOptions(cluster.snapshot(), options);
    return write(current.toBuilder().options(options).build());
  }

  /**
   * Replaces the schedule, as {@code Set-CauClusterRole} with schedule parameters does.
   *
   * @param schedule the new schedule
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration set(UpdateSchedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    Stored stored = requireStored("set the schedule of");
    RoleConfiguration current = stored.configuration();
    return rewrite(stored, current.toBuilder().schedule(schedule).build());
  }

  /**
   * Replaces the run options and the schedule.
   *
   * @param options the new options
   * @param schedule the new schedule
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidOptionsException if an option is not allowed for this cluster
   * @throws dev.cau.api.PluginNotFoundException if a plug-in is not in the registry
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration set(RunOptions options, UpdateSchedule schedule) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(schedule, "schedule");
    RoleConfiguration current = require("set the options and schedule of");
    checkOptions(cluster.snapshot(), options);
    return write(current.toBuilder().options(options).schedule(schedule).build());
  }

  /**
   * Restores the default options and schedule, as {@code Set-CauClusterRole -UseDefault} without
   * other parameters does. The default schedule, the third Tuesday of every month at 03:00,
   * starts on the current schedule's start day, in its zone.
   *
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration setUsingDefaults() {
    RoleConfiguration current = require("restore the defaults of");
    RunOptions options = RunOptions.defaults();
    checkOptions(cluster.snapshot(), options);
    return write(current.toBuilder().options(options).schedule(defaultSchedule(current)).build());
  }

  /**
   * Sets the run options and restores the default schedule, as
   * {@code Set-CauClusterRole -UseDefault} with run options does.
   *
   * @param options the new options
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidOptionsException if an option is not allowed for this cluster
   * @throws dev.cau.api.PluginNotFoundException if a plug-in is not in the registry
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   * @see #setUsingDefaults()
   */
  public synchronized RoleConfiguration setUsingDefaults(RunOptions options) {
    Objects.requireNonNull(options, "options");
    RoleConfiguration current = require("set the options of");
    checkOptions(cluster.snapshot(), options);
    return write(current.toBuilder().options(options).schedule(defaultSchedule(current)).build());
  }

  /**
   * Sets the schedule and restores the default run options, as
   * {@code Set-CauClusterRole -UseDefault} with schedule parameters does.
   *
   * @param schedule the new schedule
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidOptionsException if the default options do not suit this cluster
   * @throws dev.cau.api.PluginNotFoundException if the default plug-in is not in the registry
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration setUsingDefaults(UpdateSchedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    RoleConfiguration current = require("set the schedule of");
    RunOptions options = RunOptions.defaults();
    checkOptions(cluster.snapshot(), options);
    return write(current.toBuilder().options(options).schedule(schedule).build());
  }

  /**
   * Asks for a run as soon as possible, as {@code Set-CauClusterRole -UpdateNow} does: from now
   * on {@link #nextRun(Instant)} says a run is due, until {@link #markRunStarted(Instant)}
   * records that one started.
   *
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration, or the role is disabled
   *     ({@link CauClusterRoleException.Reason#DISABLED}); enable it first
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration updateNow() {
    Stored stored = requireStored("ask for a run now from");
    RoleConfiguration current = stored.configuration();
    if (!current.isEnabled()) {
      throw new CauClusterRoleException(CauClusterRoleException.Reason.DISABLED,
          "The self-updating role \"" + current.groupName() + "\" of cluster \"" + cluster.name()
              + "\" is disabled, so it cannot run now; enable() it first");
    }
    if (current.updateNowRequested()) {
      return current;
    }
    return rewrite(stored, current.toBuilder().updateNowRequested(true).build());
  }

  /**
   * Lets the role start runs on its schedule, as {@code Enable-CauClusterRole} does. Enabling an
   * enabled role changes nothing.
   *
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration enable() {
    Stored stored = requireStored("enable");
    RoleConfiguration current = stored.configuration();
    if (current.isEnabled()) {
      return current;
    }
    return rewrite(stored, current.toBuilder().status(RoleStatus.ENABLED).build());
  }

  /**
   * Stops the role from starting runs, as {@code Disable-CauClusterRole} does; a pending
   * {@code UpdateNow} request is dropped. A run in progress is not stopped. Disabling a disabled
   * role changes nothing.
   *
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration; add one first
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration disable() {
    Stored stored = requireStored("disable");
    RoleConfiguration current = stored.configuration();
    if (!current.isEnabled() && !current.updateNowRequested()) {
      return current;
    }
    return rewrite(stored, current.toBuilder().status(RoleStatus.DISABLED).updateNowRequested(false).build());
  }

  /**
   * Deletes the configuration, as {@code Remove-CauClusterRole} does. The clustered role itself
   * belongs to the cluster and stays. The stored configuration is not read, so a damaged one can
   * be removed.
   *
   * @return {@code true} if there was a configuration, {@code false} if there was none
   */
  public synchronized boolean remove() {
    boolean present = store.roleConfiguration().isPresent();
    if (present) {
      store.removeRoleConfiguration();
    }
    return present;
  }

  /**
   * Returns when the next run is due, as {@link RoleConfiguration#nextRun(Instant)} of the stored
   * configuration says.
   *
   * <p>The node that owns the role calls this with instants from its clock. A result that is not
   * after the clock is due: the node calls {@link #markRunStarted(Instant)} and starts the run
   * with the configuration's options. Pass the instant of the previous look, so that a trigger
   * that passed between two looks (or while the role moved between nodes) is still found; a
   * trigger at or before the last recorded start is never returned again.
   *
   * @param after the instant to look after
   * @return when the next run is due, in the schedule's zone; empty if the cluster has no
   *     configuration, the role is disabled, or a {@code RunOnce} schedule has passed or run
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized Optional<ZonedDateTime> nextRun(Instant after) {
    Objects.requireNonNull(after, "after");
    return get().flatMap(c -> c.nextRun(after));
  }

  /**
   * Records that a run of the role started: a pending {@code UpdateNow} request is served, a
   * {@code RunOnce} schedule whose time has come is used up, and no trigger at or before
   * {@code startedAt} is due again. Call it when the run has been started (its options were
   * accepted), before waiting for it to end. A start earlier than the one already recorded
   * (another node's clock may be behind) keeps the later one.
   *
   * @param startedAt when the run started, by the caller's clock
   * @return the configuration as stored
   * @throws CauClusterRoleException if the cluster has no configuration
   * @throws InvalidRoleConfigurationException if the stored configuration cannot be read
   */
  public synchronized RoleConfiguration markRunStarted(Instant startedAt) {
    Objects.requireNonNull(startedAt, "startedAt");
    Stored stored = requireStored("record a run of");
    RoleConfiguration current = stored.configuration();
    Instant last = current.lastRunStarted()
        .filter(previous -> previous.isAfter(startedAt))
        .orElse(startedAt);
    return rewrite(stored, current.toBuilder().updateNowRequested(false).lastRunStarted(last).build());
  }

  @Override
  public String toString() {
    return "CauClusterRole[cluster=" + cluster.name() + "]";
  }

  private RoleConfiguration require(String action) {
    return requireStored(action).configuration();
  }

  private Stored requireStored(String action) {
    String text = store.roleConfiguration().orElseThrow(() -> new CauClusterRoleException(
        CauClusterRoleException.Reason.NOT_CONFIGURED,
        "Cannot " + action + " the self-updating role: cluster \"" + cluster.name()
            + "\" is not configured with a Cluster-Aware Updating clustered role; add(...) one first"));
    return new Stored(text, RoleConfigurationText.read(text));
  }

  /** Writes a configuration with new options, checked by the caller. */
  private RoleConfiguration write(RoleConfiguration configuration) {
    return put(RoleConfigurationText.write(configuration, registry));
  }

  /**
   * Writes a configuration whose options are those stored, copying them as they are stored, so
   * that a change of status or schedule needs no plug-in (one may have been unregistered since).
   */
  private RoleConfiguration rewrite(Stored current, RoleConfiguration configuration) {
    return put(RoleConfigurationText.rewrite(configuration, current.text()));
  }

  private RoleConfiguration put(String text) {
    RoleConfiguration stored = RoleConfigurationText.read(text);
    store.putRoleConfiguration(text);
    return stored;
  }

  /** A stored line and the configuration read from it. */
  private record Stored(String text, RoleConfiguration configuration) {}

  private static UpdateSchedule defaultSchedule(RoleConfiguration current) {
    UpdateSchedule schedule = current.schedule();
    return UpdateSchedule.defaults(schedule.zone(), schedule.startDate().toLocalDate());
  }

  /** Checks CAU's rule that at least two of the cluster's nodes may own the role. */
  private static void checkGroup(ClusterSnapshot snapshot, String groupName) {
    ClusteredRole role = snapshot.roles().stream()
        .filter(r -> r.name().equals(groupName))
        .findFirst()
        .orElseThrow(() -> new InvalidOptionsException("GroupName", quote(groupName),
            "the name of a clustered role of cluster \"" + snapshot.name() + "\" ("
                + (snapshot.roles().isEmpty()
                    ? "it has none"
                    : quoted(snapshot.roles().stream().map(ClusteredRole::name).toList()))
                + ")"));
    List<String> nodes = snapshot.nodes().stream().map(NodeSnapshot::name).toList();
    List<String> owners = nodes.stream().filter(role::canRunOn).toList();
    if (owners.size() < 2) {
      String value = quote(groupName) + ", whose possible owners are "
          + (role.possibleOwners().isEmpty()
              ? "every node: " + quoted(nodes)
              : quoted(role.possibleOwners()) + ", of which the cluster's nodes are " + quoted(owners));
      throw new InvalidOptionsException("GroupName", value,
          "a clustered role that at least two nodes of cluster \"" + snapshot.name() + "\" may own,"
              + " so that it can fail over when the node that owns it is updated (CAU's rule: at"
              + " least two failover cluster nodes must be possible owners of the CAU clustered role)");
    }
  }

  /** Checks the options against the cluster, as the coordinator does before a run starts. */
  private void checkOptions(ClusterSnapshot snapshot, RunOptions options) {
    UpdateCoordinator.checkAgainstCluster(options, snapshot);
    for (PluginSelection selection : options.plugins()) {
      UpdatePluginProvider provider = registry.require(selection.name());
      PluginArgumentBinder.bind(provider, withStandInsForSecrets(provider, selection.arguments()));
    }
  }

  /**
   * Adds a stand-in for each required secret argument that is not given: secrets are never
   * stored, so the run that uses the stored options is given them, and only the other arguments
   * can be checked now.
   */
  private static Map<String, String> withStandInsForSecrets(
      UpdatePluginProvider provider, Map<String, String> given) {
    Set<String> names = given.keySet().stream()
        .map(name -> name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(HashSet::new));
    Map<String, String> arguments = new LinkedHashMap<>(given);
    for (PluginArgument argument : provider.arguments()) {
      if (argument.required() && argument.secret()
          && !names.contains(argument.name().toLowerCase(Locale.ROOT))) {
        arguments.put(argument.name(), switch (argument.type()) {
          case STRING -> "secret";
          case BOOLEAN -> "false";
          case INTEGER -> "0";
        });
      }
    }
    return arguments;
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private static String quoted(List<String> texts) {
    return texts.stream().map(CauClusterRole::quote).collect(Collectors.joining(", ", "[", "]"));
  }
}
