package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.cluster.ClusterActionUnsupportedException;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.FunctionalLevel;
import dev.cau.api.cluster.StoragePoolVersion;
import dev.cau.api.cluster.ValidationSummary;
import dev.cau.api.cluster.RunLock;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodePostUpgradeResult;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.StorageHealthStatus;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.testkit.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory failover cluster driven by a {@link Simulator}.
 *
 * <p>Roles move to the least loaded up node that may host them when their node is drained, and
 * return when it is resumed with failback. The cluster records every change in its
 * {@linkplain #history() history} and every operation in its {@linkplain #steps() step log}, and
 * calls its observers after every change, which is where invariant checks hook in. Single
 * threaded, like the simulator.
 *
 * <p>It supports offline updating: {@link #stopCluster} takes every role offline while the nodes
 * keep running, and {@link #startCluster} brings the roles online again on their owners (or, for
 * an owner that is not up, on another node that may host them). Clustered storage resyncs once the
 * cluster has started when nodes restarted while it was stopped.
 *
 * <p>It models the cluster-wide post-upgrade actions. Unless a test configures them, the cluster
 * is at functional level 11 with 11 the highest its nodes support, its storage pool
 * {@code S2D on <cluster>} is at version {@code 1} with no upgrade available, and validation
 * passes 40 tests. Raising the level takes {@link #FUNCTIONAL_LEVEL_RAISE}, upgrading the pool
 * {@link #STORAGE_POOL_UPGRADE} and validating {@link #VALIDATION}; reading takes no time. Each
 * is recorded as a step of the cluster. {@link #postUpgradeActionsUnsupported()} makes them
 * behave like a controller that does not support them.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedCluster implements ClusterController {
  private static final class Role {
    final String name;
    List<String> possibleOwners;
    /** The role's place in the cluster's order of roles, set when the cluster is built. */
    int index;
    String owner;
    @Nullable String drainedFrom;
    boolean failbackAllowed;
    RoleState state = RoleState.ONLINE;
    /** The role as the last snapshot showed it, reused while owner and state stay the same. */
    @Nullable ClusteredRole shown;

    Role(String name, String owner, List<String> possibleOwners) {
      this.name = name;
      this.owner = owner;
      this.possibleOwners = List.copyOf(possibleOwners);
    }

    boolean canRunOn(String node) {
      return possibleOwners.isEmpty() || possibleOwners.contains(node);
    }

    ClusteredRole snapshot() {
      ClusteredRole last = shown;
      if (last != null && last.ownerNode().equals(owner) && last.state() == state) {
        return last;
      }
      ClusteredRole now = new ClusteredRole(name, owner, possibleOwners, state);
      shown = now;
      return now;
    }
  }

  /** How long raising the functional level takes: 30 seconds. */
  public static final Duration FUNCTIONAL_LEVEL_RAISE = Duration.ofSeconds(30);

  /** How long upgrading the storage pool takes: 1 minute. */
  public static final Duration STORAGE_POOL_UPGRADE = Duration.ofMinutes(1);

  /** How long validating the cluster takes: 5 minutes. */
  public static final Duration VALIDATION = Duration.ofMinutes(5);

  /** Where the validation report of a cluster that was not given another summary is. */
  public static final String DEFAULT_VALIDATION_REPORT = "C:\\Windows\\Cluster\\Reports\\Validation Report.htm";

  private static final Comparator<Role> ROLE_ORDER = Comparator.comparingInt(r -> r.index);

  private final String name;
  private final Simulator simulator;
  private final Timings timings;
  private final Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
  private final Map<String, Role> roles = new LinkedHashMap<>();
  /** The roles each node owns, in the cluster's order of roles: a drain finds them without a scan. */
  private final Map<String, Set<Role>> rolesByOwner = new HashMap<>();
  /** Each node's set of {@link #rolesByOwner}, by the node's index: a drain weighs every node's load. */
  private final List<Set<Role>> rolesOfNode = new ArrayList<>();
  private final Set<String> failingScripts;
  private Witness witness;
  private Instant storageDegradedUntil;
  private boolean running = true;
  /** A node restarted while the cluster was stopped: storage resyncs when it starts. */
  private boolean resyncOnStart;
  private final List<ClusterChange> history = new ArrayList<>();
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<Consumer<SimulatedCluster>> observers = new ArrayList<>();
  private final InMemoryRunLock runLock = new InMemoryRunLock();
  private final InMemoryRunStore runStore = new InMemoryRunStore();
  private FunctionalLevel functionalLevel = new FunctionalLevel(11, 11);
  private StoragePoolVersion storagePool;
  private ValidationSummary validation = new ValidationSummary(40, 0, 0, List.of(), DEFAULT_VALIDATION_REPORT);
  private boolean postUpgradeActionsSupported = true;
  private final Map<String, String> vmVersions = new HashMap<>();
  private String highestVmVersion = "";
  private long sequence;
  /** Counts the changes of what a snapshot shows, so that an unchanged cluster reuses its snapshot. */
  private long version;
  private long snapshotVersion = -1;
  private @Nullable ClusterSnapshot lastSnapshot;
  /** The nodes and roles in the cluster's order, and each as the last snapshot showed it. */
  private final List<SimulatedNode> nodeOrder = new ArrayList<>();
  private final List<Role> roleOrder = new ArrayList<>();
  private NodeSnapshot[] shownNodes = new NodeSnapshot[0];
  private ClusteredRole[] shownRoles = new ClusteredRole[0];
  /**
   * The nodes and roles changed since the last snapshot, by their place in the cluster's order: a
   * snapshot looks at those only, since most steps change one node or one role and a run looks at
   * the cluster after nearly every step.
   */
  private final BitSet dirtyNodes = new BitSet();
  private final BitSet dirtyRoles = new BitSet();

  private SimulatedCluster(Builder b) {
    this.name = b.name;
    this.simulator = new Simulator(b.start);
    this.timings = b.timings;
    this.witness = b.witness;
    this.failingScripts = Set.copyOf(b.failingScripts);
    this.storageDegradedUntil = b.start.plus(b.storageDegradedAtStart);
    this.storagePool = new StoragePoolVersion("S2D on " + b.name, "1", false);
    b.crashes.forEach((node, after) -> simulator.schedule(b.start.plus(after), () -> crash(node(node))));
    b.nodes.forEach(spec -> nodes.put(spec.name, new SimulatedNode(this, spec)));
    for (Role role : b.roles) {
      SimulatedNode owner = nodes.get(role.owner);
      if (owner == null || owner.state() != NodeState.UP) {
        throw new IllegalArgumentException(
            "Role \"" + role.name + "\" must be placed on a node that is up, not \"" + role.owner + "\"");
      }
      roles.put(role.name, role);
    }
    int index = 0;
    for (Role role : roles.values()) {
      role.index = index++;
      ownedBy(role.owner).add(role);
      roleOrder.add(role);
    }
    for (SimulatedNode node : nodes.values()) {
      node.index = nodeOrder.size();
      nodeOrder.add(node);
      rolesOfNode.add(ownedBy(node.name()));
    }
  }

  /**
   * Starts describing a cluster.
   *
   * @param name the cluster's name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the simulator whose virtual time this cluster lives in.
   *
   * @return the simulator
   */
  public Simulator simulator() {
    return simulator;
  }

  /**
   * Returns how long the simulated steps take.
   *
   * @return the timings
   */
  public Timings timings() {
    return timings;
  }

  /**
   * Returns the cluster as it is now. While nothing changed since the last call, the same
   * immutable snapshot is returned again; nodes and roles that did not change are the same
   * objects as in the last snapshot.
   *
   * @return the snapshot
   */
  @Override
  public ClusterSnapshot snapshot() {
    StorageHealth storage = storage();
    ClusterSnapshot last = lastSnapshot;
    if (last != null && snapshotVersion == version && last.storage().equals(storage)) {
      return last;
    }
    List<NodeSnapshot> nodeSnapshots;
    List<ClusteredRole> roleSnapshots;
    if (last == null) {
      shownNodes = new NodeSnapshot[nodeOrder.size()];
      for (int i = 0; i < shownNodes.length; i++) {
        shownNodes[i] = nodeOrder.get(i).snapshot();
      }
      shownRoles = new ClusteredRole[roleOrder.size()];
      for (int i = 0; i < shownRoles.length; i++) {
        shownRoles[i] = roleOrder.get(i).snapshot();
      }
      nodeSnapshots = List.of(shownNodes);
      roleSnapshots = List.of(shownRoles);
    } else {
      boolean nodesChanged = false;
      for (int i = dirtyNodes.nextSetBit(0); i >= 0; i = dirtyNodes.nextSetBit(i + 1)) {
        NodeSnapshot now = nodeOrder.get(i).snapshot();
        nodesChanged |= now != shownNodes[i];
        shownNodes[i] = now;
      }
      boolean rolesChanged = false;
      for (int i = dirtyRoles.nextSetBit(0); i >= 0; i = dirtyRoles.nextSetBit(i + 1)) {
        ClusteredRole now = roleOrder.get(i).snapshot();
        rolesChanged |= now != shownRoles[i];
        shownRoles[i] = now;
      }
      // Lists the snapshot does not copy: the last ones while nothing in them changed.
      nodeSnapshots = nodesChanged ? List.of(shownNodes) : last.nodes();
      roleSnapshots = rolesChanged ? List.of(shownRoles) : last.roles();
    }
    dirtyNodes.clear();
    dirtyRoles.clear();
    ClusterSnapshot now = new ClusterSnapshot(name, nodeSnapshots, witness, roleSnapshots, storage);
    lastSnapshot = now;
    snapshotVersion = version;
    return now;
  }

  /** Marks a role's state changed, for the next snapshot. */
  private void setRoleState(Role role, RoleState state) {
    role.state = state;
    dirtyRoles.set(role.index);
  }

  /**
   * Returns the health of clustered storage now: degraded, with one repair job, while it
   * resyncs after a restart.
   *
   * @return the storage health
   */
  public StorageHealth storage() {
    return storageDegraded() ? new StorageHealth(StorageHealthStatus.DEGRADED, 1) : StorageHealth.HEALTHY;
  }

  boolean storageDegraded() {
    return simulator.now().isBefore(storageDegradedUntil);
  }

  /** An unplanned failure: the node goes down and its roles fail over to nodes that are up. */
  void crash(SimulatedNode node) {
    // Roles fail over first, so that no moment shows a role on a node that is down; a role
    // with nowhere to go fails.
    for (Role role : roles.values()) {
      if (role.owner.equals(node.name())) {
        String target = nodes.values().stream()
            .filter(n -> n != node && n.state() == NodeState.UP && role.canRunOn(n.name()))
            .map(SimulatedNode::name).findFirst().orElse(null);
        if (target == null) {
          setRoleState(role, RoleState.FAILED);
          version++;
          continue;
        }
        move(role, target);
        changed("role \"" + role.name + "\" failed over from crashing \"" + node.name() + "\" to \"" + target + "\"");
      }
    }
    changeState(node, NodeState.DOWN);
  }

  void nodeReturned(SimulatedNode node) {
    if (timings.storageResync().isZero()) {
      return;
    }
    if (!running) {
      resyncOnStart = true;
      changed("node \"" + node.name() + "\" returned while the cluster is stopped; storage resyncs when it starts");
      return;
    }
    resync("after node \"" + node.name() + "\" returned");
  }

  private void resync(String why) {
    Instant until = simulator.now().plus(timings.storageResync());
    if (until.isAfter(storageDegradedUntil)) {
      storageDegradedUntil = until;
    }
    changed("storage resyncs " + why + ", until " + until);
    simulator.schedule(until, () -> {
      if (!storageDegraded()) {
        changed("storage is healthy");
      }
    });
  }

  /**
   * Tells whether the cluster is running, as opposed to stopped for an offline update.
   *
   * @return {@code false} between {@link #stopCluster} and {@link #startCluster}
   */
  public boolean isRunning() {
    return running;
  }

  /**
   * Returns the state of each role now.
   *
   * @return role name to state
   */
  public Map<String, RoleState> roleStates() {
    Map<String, RoleState> states = new LinkedHashMap<>();
    roles.values().forEach(r -> states.put(r.name, r.state));
    return states;
  }

  /**
   * Stops the cluster: every role goes offline on its owner; the nodes keep running. Takes
   * {@link Timings#clusterStop()} and is recorded as the step {@code stop cluster} of the cluster.
   *
   * @param context the call's context
   */
  @Override
  public void stopCluster(OperationContext context) {
    record(name, "stop cluster", timings.clusterStop());
    if (!running) {
      return;
    }
    for (Role role : roles.values()) {
      setRoleState(role, RoleState.OFFLINE);
      changed("role \"" + role.name + "\" is offline on \"" + role.owner + "\"");
    }
    running = false;
    changed("cluster \"" + name + "\" is stopped");
  }

  /**
   * Returns the cluster's single-coordinator lock, which records every lease taken.
   *
   * @return the lock
   */
  @Override
  public Optional<RunLock> runLock() {
    return Optional.of(runLock);
  }

  /**
   * Returns the lock itself, to inspect the leases it held.
   *
   * @return the lock
   */
  public InMemoryRunLock lock() {
    return runLock;
  }

  /**
   * Returns the run store the cluster keeps: it outlives every coordinator.
   *
   * @return the store
   */
  @Override
  public Optional<RunStore> runStore() {
    return Optional.of(runStore);
  }

  /**
   * Returns the store itself, to watch appends or damage it.
   *
   * @return the store
   */
  public InMemoryRunStore store() {
    return runStore;
  }

  /**
   * Starts the cluster again: each role comes online on its owner, or, if the owner is not up, on
   * the least loaded up node that may host it; a role with no such node stays offline. Takes
   * {@link Timings#clusterStart()} and is recorded as the step {@code start cluster} of the
   * cluster.
   *
   * @param context the call's context
   * @throws NodeOperationException if no node is up
   */
  @Override
  public void startCluster(OperationContext context) {
    record(name, "start cluster", timings.clusterStart());
    if (running) {
      return;
    }
    if (nodes.values().stream().noneMatch(SimulatedCluster::isUp)) {
      throw new NodeOperationException(name, "Cluster \"" + name + "\" cannot start: no node is up");
    }
    running = true;
    changed("cluster \"" + name + "\" is started");
    for (Role role : roles.values()) {
      SimulatedNode owner = nodes.get(role.owner);
      if (owner != null && isUp(owner)) {
        setRoleState(role, RoleState.ONLINE);
        changed("role \"" + role.name + "\" is online on \"" + role.owner + "\"");
        continue;
      }
      Map<String, Long> load = new LinkedHashMap<>();
      nodes.values().forEach(n -> load.put(n.name(), roles.values().stream()
          .filter(r -> r.owner.equals(n.name()) && r.state == RoleState.ONLINE).count()));
      String target = nodes.values().stream()
          .filter(n -> isUp(n) && role.canRunOn(n.name()))
          .min(Comparator.comparingLong((SimulatedNode n) -> load.getOrDefault(n.name(), 0L)))
          .map(SimulatedNode::name)
          .orElse(null);
      if (target == null) {
        changed("role \"" + role.name + "\" stays offline: no node that may host it is up");
        continue;
      }
      String from = role.owner;
      move(role, target);
      setRoleState(role, RoleState.ONLINE);
      changed("role \"" + role.name + "\" is online on \"" + target + "\" because its owner \"" + from + "\" is not up");
    }
    if (resyncOnStart) {
      resyncOnStart = false;
      resync("after the cluster started with restarted nodes");
    }
  }

  private static boolean isUp(SimulatedNode node) {
    return node.state() == NodeState.UP || node.state() == NodeState.PAUSED;
  }

  @Override
  public SimulatedNode node(String nodeName) {
    SimulatedNode node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("Cluster \"" + name + "\" has no node \"" + nodeName + "\"");
    }
    return node;
  }

  /**
   * Returns every node.
   *
   * @return the nodes in the cluster's order
   */
  public List<SimulatedNode> nodes() {
    return List.copyOf(nodes.values());
  }

  /**
   * Returns the roles that are failed now: a forced drain or a crash left them nowhere to run.
   *
   * @return the names of failed roles
   */
  public Set<String> failedRoles() {
    Set<String> failed = new java.util.TreeSet<>();
    roles.values().stream().filter(r -> r.state == RoleState.FAILED).forEach(r -> failed.add(r.name));
    return failed;
  }

  /**
   * Returns the owner of each role now.
   *
   * @return role name to owning node
   */
  public Map<String, String> roleOwners() {
    Map<String, String> owners = new LinkedHashMap<>();
    roles.values().forEach(r -> owners.put(r.name, r.owner));
    return owners;
  }

  /**
   * Changes the witness's state, as a fault would.
   *
   * @param state the new state
   */
  public void setWitnessState(WitnessState state) {
    witness = new Witness(witness.kind(), state);
    changed("witness is " + state);
  }

  /**
   * Registers a callback run after every change of the cluster's state.
   *
   * @param observer the callback
   */
  public void observe(Consumer<SimulatedCluster> observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  /**
   * Returns every change of the cluster's state so far.
   *
   * @return the history, oldest first
   */
  public List<ClusterChange> history() {
    return List.copyOf(history);
  }

  /**
   * Returns every simulated operation so far.
   *
   * @return the step log, oldest first
   */
  public List<StepRecord> steps() {
    return List.copyOf(steps);
  }

  /**
   * Writes the same text file on every node, as a script shared by copying it to each.
   *
   * @param path the file's path
   * @param content its text
   */
  public void writeOnEveryNode(String path, String content) {
    nodes.values().forEach(n -> n.files().write(path, content));
  }

  /**
   * Changes which nodes may own a role, as {@code Set-ClusterOwnerNode} does, for example to
   * leave the CAU role with a single possible owner after its configuration was added. The role
   * stays where it is.
   *
   * @param roleName a role of the cluster
   * @param nodeNames the nodes that may own it; empty for all
   * @throws IllegalArgumentException if the cluster has no such role or one of the nodes is not
   *     in the cluster
   */
  public void possibleOwners(String roleName, List<String> nodeNames) {
    Role role = roles.get(roleName);
    if (role == null) {
      throw new IllegalArgumentException("Cluster \"" + name + "\" has no role \"" + roleName + "\"");
    }
    for (String nodeName : nodeNames) {
      node(nodeName);
    }
    role.possibleOwners = List.copyOf(nodeNames);
    role.shown = null;
    dirtyRoles.set(role.index);
    changed("possible owners of role \"" + roleName + "\" are " + (nodeNames.isEmpty() ? "all nodes" : nodeNames));
  }

  // ---------------------------------------------------------------- post-upgrade actions

  /**
   * Sets the cluster's functional level.
   *
   * @param current the level now
   * @param highestSupported the highest every node supports
   */
  public void functionalLevel(int current, int highestSupported) {
    functionalLevel = new FunctionalLevel(current, highestSupported);
  }

  /** The functional level now, read without recording a step (for the described cluster's boot hook). */
  FunctionalLevel functionalLevelNow() {
    return functionalLevel;
  }

  /**
   * Sets the cluster's storage pool.
   *
   * @param pool the pool's name
   * @param version its metadata version
   * @param upgradeAvailable whether an upgrade is available
   */
  public void storagePool(String pool, String version, boolean upgradeAvailable) {
    storagePool = new StoragePoolVersion(pool, version, upgradeAvailable);
  }

  /**
   * Sets what validating the cluster finds.
   *
   * @param summary the summary {@link #validate} returns
   */
  public void validationResult(ValidationSummary summary) {
    validation = Objects.requireNonNull(summary, "summary");
  }

  /**
   * Makes the post-upgrade actions behave as the SPI's defaults do for a controller that does not
   * support them: each throws {@link ClusterActionUnsupportedException}.
   */
  public void postUpgradeActionsUnsupported() {
    postUpgradeActionsSupported = false;
  }

  /**
   * Reads the functional level; recorded as the step {@code read functional level}.
   *
   * @param context the call's context
   * @return the level
   */
  @Override
  public FunctionalLevel functionalLevel(OperationContext context) {
    requireSupported("read the cluster functional level");
    record(name, "read functional level", Duration.ZERO);
    return functionalLevel;
  }

  /**
   * Raises the functional level to the highest the nodes support; recorded as the step
   * {@code raise functional level}. Raising a level that is at its highest changes nothing.
   *
   * @param context the call's context
   * @return the level afterwards
   * @throws NodeOperationException if a node is not up (down, paused or unknown) or the cluster
   *     is stopped
   */
  @Override
  public FunctionalLevel raiseFunctionalLevel(OperationContext context) {
    requireSupported("raise the cluster functional level");
    record(name, "raise functional level", FUNCTIONAL_LEVEL_RAISE);
    List<String> notUp = nodes.values().stream().filter(n -> n.state() != NodeState.UP)
        .map(n -> n.name() + " is " + n.state()).toList();
    if (!notUp.isEmpty() || !running) {
      throw new NodeOperationException(name, "Cluster \"" + name + "\" cannot raise its functional level: "
          + (running ? "every node must be up and not paused, but " + String.join(", ", notUp) : "it is stopped"));
    }
    if (functionalLevel.canRaise()) {
      functionalLevel = new FunctionalLevel(functionalLevel.highestSupported(), functionalLevel.highestSupported());
      changed("functional level of cluster \"" + name + "\" raised to " + functionalLevel.current());
    }
    return functionalLevel;
  }

  /**
   * Reads the storage pool's version; recorded as the step {@code read storage pool version}.
   *
   * @param context the call's context
   * @return the version
   */
  @Override
  public StoragePoolVersion storagePoolVersion(OperationContext context) {
    requireSupported("read the storage pool version");
    record(name, "read storage pool version", Duration.ZERO);
    return storagePool;
  }

  /**
   * Upgrades the storage pool when an upgrade is available: a numeric version goes up by one,
   * another gets {@code -upgraded} appended; recorded as the step {@code upgrade storage pool}.
   *
   * @param context the call's context
   * @return the version afterwards
   */
  @Override
  public StoragePoolVersion upgradeStoragePool(OperationContext context) {
    requireSupported("upgrade the storage pool");
    record(name, "upgrade storage pool", STORAGE_POOL_UPGRADE);
    if (storagePool.upgradeAvailable()) {
      String version = storagePool.version();
      String next;
      try {
        next = Long.toString(Long.parseLong(version) + 1);
      } catch (NumberFormatException e) {
        next = version + "-upgraded";
      }
      storagePool = new StoragePoolVersion(storagePool.pool(), next, false);
      changed("storage pool \"" + storagePool.pool() + "\" upgraded to version " + next);
    }
    return storagePool;
  }

  /**
   * Validates the cluster; recorded as the step {@code validate}.
   *
   * @param context the call's context
   * @return the summary set with {@link #validationResult}, or 40 passed tests
   */
  @Override
  public ValidationSummary validate(OperationContext context) {
    requireSupported("validate the cluster");
    record(name, "validate", VALIDATION);
    return validation;
  }

  /**
   * Gives a role a virtual machine configuration version, and sets the highest the cluster
   * supports once its functional level is raised.
   *
   * @param role the role, a virtual machine
   * @param version its configuration version, such as {@code 9.0}
   * @param highest the highest version, such as {@code 12.0}
   */
  public void vmConfigurationVersion(String role, String version, String highest) {
    if (!roles.containsKey(role)) {
      throw new IllegalArgumentException("The cluster has no role \"" + role + "\"");
    }
    vmVersions.put(role, Objects.requireNonNull(version, "version"));
    highestVmVersion = Objects.requireNonNull(highest, "highest");
  }

  /**
   * Shuts a role down, as an administrator shuts a virtual machine down before upgrading its
   * configuration version.
   *
   * @param role the role
   */
  public void shutDownRole(String role) {
    Role known = roles.get(role);
    if (known == null) {
      throw new IllegalArgumentException("The cluster has no role \"" + role + "\"");
    }
    setRoleState(known, RoleState.OFFLINE);
    changed("role \"" + role + "\" is offline on \"" + known.owner + "\"");
  }

  /**
   * Returns a role's virtual machine configuration version.
   *
   * @param role the role
   * @return the version, or {@code null} when it has none
   */
  public @Nullable String vmConfigurationVersion(String role) {
    return vmVersions.get(role);
  }

  /**
   * Upgrades the configuration version of the node's virtual machines that are not running;
   * recorded as the step {@code upgrade VM versions}.
   *
   * @param node the node
   * @param context the call's context
   * @return per virtual machine, what was done or what blocks it
   */
  @Override
  public NodePostUpgradeResult upgradeVmConfigurationVersions(String node, OperationContext context) {
    requireSupported("upgrade virtual machine configuration versions");
    record(node, "upgrade VM versions", Duration.ZERO);
    List<String> done = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    for (Role role : roles.values()) {
      String version = vmVersions.get(role.name);
      if (!role.owner.equals(node) || version == null || version.equals(highestVmVersion)) {
        continue;
      }
      if (role.state == RoleState.ONLINE) {
        blockers.add("VM \"" + role.name + "\" is running: shut it down to upgrade its configuration version from "
            + version + " to " + highestVmVersion);
      } else {
        vmVersions.put(role.name, highestVmVersion);
        done.add("VM \"" + role.name + "\" from " + version + " to " + highestVmVersion);
        changed("VM \"" + role.name + "\" upgraded to configuration version " + highestVmVersion);
      }
    }
    return new NodePostUpgradeResult(node, done, blockers);
  }

  /**
   * Verifies that each role the node owns has another node up that it may run on; recorded as the
   * step {@code verify failover}. The simulation checks; it does not move the roles.
   *
   * @param node the node
   * @param context the call's context
   * @return per role, where it can go or why it cannot
   */
  @Override
  public NodePostUpgradeResult verifyFailover(String node, OperationContext context) {
    requireSupported("verify failover");
    record(node, "verify failover", Duration.ZERO);
    List<String> done = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    for (Role role : roles.values()) {
      if (!role.owner.equals(node)) {
        continue;
      }
      String target = nodes.values().stream()
          .filter(n -> !n.name().equals(node) && n.state() == NodeState.UP && role.canRunOn(n.name()))
          .map(SimulatedNode::name).findFirst().orElse(null);
      if (target == null) {
        blockers.add("role \"" + role.name + "\" has no other node up to fail over to");
      } else {
        done.add("role \"" + role.name + "\" can fail over to \"" + target + "\"");
      }
    }
    return new NodePostUpgradeResult(node, done, blockers);
  }

  private void requireSupported(String action) {
    if (!postUpgradeActionsSupported) {
      throw new ClusterActionUnsupportedException(name, action);
    }
  }

  // ---------------------------------------------------------------- used by nodes

  void record(String node, String step, Duration duration) {
    steps.add(new StepRecord(sequence++, node, step, simulator.now(), duration));
    simulator.charge(duration);
  }

  /** Records a step whose duration is known only when it ends; returns its place for {@link #end}. */
  int begin(String node, String step) {
    steps.add(new StepRecord(sequence++, node, step, simulator.now(), Duration.ZERO));
    return steps.size() - 1;
  }

  /** Sets the duration of a step {@link #begin} recorded; the time was charged as it passed. */
  void end(int index, Duration duration) {
    StepRecord started = steps.get(index);
    steps.set(index, new StepRecord(started.sequence(), started.node(), started.step(), started.start(), duration));
  }

  void changeState(SimulatedNode node, NodeState state) {
    node.setState(state);
    dirtyNodes.set(node.index);
    changed("node \"" + node.name() + "\" is " + state);
  }

  void drain(SimulatedNode node, boolean force, MigrationMode migration) {
    List<Role> owned = List.copyOf(ownedBy(node.name()));
    Map<String, String> targets = new LinkedHashMap<>();
    // Each node's load: the roles it owns, and those this drain has planned to move to it.
    Map<String, Integer> planned = new HashMap<>();
    for (Role role : owned) {
      String target = leastLoaded(node, role, planned);
      if (target == null && !force) {
        throw new NodeOperationException(node.name(),
            "Drain of node \"" + node.name() + "\" failed: role \"" + role.name + "\" has no other node that is up and may host it");
      }
      if (target == null) {
        // A forced drain stops the role and moves it as failed to a node it may not run on.
        target = nodes.values().stream()
            .filter(n -> !n.name().equals(node.name()) && n.state() == NodeState.UP)
            .map(SimulatedNode::name).findFirst().orElse(null);
        setRoleState(role, RoleState.FAILED);
        version++;
        if (target == null) {
          changed("role \"" + role.name + "\" stopped as failed on \"" + node.name() + "\": no node can take it");
          continue;
        }
      }
      targets.put(role.name, target);
      planned.merge(target, 1, Integer::sum);
    }
    String how = migration == MigrationMode.LIVE_MIGRATION ? "by live migration" : "by saving state";
    targets.forEach((roleName, target) -> {
      Role role = roles.get(roleName);
      if (role != null) {
        move(role, target);
        role.drainedFrom = node.name();
        changed("role \"" + roleName + "\" moved from \"" + node.name() + "\" to \"" + target + "\" " + how
            + (role.state == RoleState.FAILED ? " as failed" : ""));
      }
    });
  }

  void failBack(SimulatedNode node, boolean onlyWhereAllowed) {
    for (Role role : roles.values()) {
      if (node.name().equals(role.drainedFrom) && (role.failbackAllowed || !onlyWhereAllowed)) {
        String from = role.owner;
        move(role, node.name());
        role.drainedFrom = null;
        setRoleState(role, RoleState.ONLINE);
        changed("role \"" + role.name + "\" failed back from \"" + from + "\" to \"" + node.name() + "\"");
      }
    }
  }

  ScriptOutcome scriptOutcome(String node, ScriptRequest request) {
    changed("script \"" + request.path() + "\" ran on \"" + node + "\" in configuration \""
        + request.configurationName() + "\"");
    return failingScripts.contains(request.path())
        ? new ScriptOutcome(1, "script \"" + request.path() + "\" failed on \"" + node + "\"")
        : new ScriptOutcome(0, "");
  }

  /**
   * Finds the up node, other than the one drained, that may host a role and owns the fewest roles
   * (counting those the drain planned to move to it); the first in the cluster's order on a tie.
   */
  private @Nullable String leastLoaded(SimulatedNode drained, Role role, Map<String, Integer> planned) {
    String least = null;
    int leastLoad = Integer.MAX_VALUE;
    for (SimulatedNode candidate : nodeOrder) {
      if (candidate == drained || candidate.state() != NodeState.UP || !role.canRunOn(candidate.name())) {
        continue;
      }
      int load = rolesOfNode.get(candidate.index).size()
          + (planned.isEmpty() ? 0 : planned.getOrDefault(candidate.name(), 0));
      if (load < leastLoad) {
        least = candidate.name();
        leastLoad = load;
        if (load == 0) {
          break; // nothing is lighter, and a tie goes to the first
        }
      }
    }
    return least;
  }

  /** Moves a role to another owner, keeping the roles indexed by owner. */
  private void move(Role role, String to) {
    ownedBy(role.owner).remove(role);
    role.owner = to;
    ownedBy(to).add(role);
    dirtyRoles.set(role.index);
    version++;
  }

  private Set<Role> ownedBy(String node) {
    return rolesByOwner.computeIfAbsent(node, n -> new TreeSet<>(ROLE_ORDER));
  }

  void changed(String description) {
    version++;
    history.add(new ClusterChange(sequence++, simulator.now(), description));
    observers.forEach(o -> o.accept(this));
  }

  /** Describes a {@link SimulatedCluster}. Not thread-safe. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private final List<NodeSpec> nodes = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final Set<String> failingScripts = new HashSet<>();
    private Witness witness = Witness.NONE;
    private Timings timings = Timings.defaults();
    private Instant start = Instant.parse("2026-01-20T03:00:00Z");
    private Duration storageDegradedAtStart = Duration.ZERO;
    private final Map<String, Duration> crashes = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds a node.
     *
     * @param nodeName the node's name
     * @param spec describes the node
     * @return this builder
     */
    public Builder node(String nodeName, Consumer<NodeSpec> spec) {
      NodeSpec node = new NodeSpec(nodeName);
      spec.accept(node);
      if (nodes.stream().anyMatch(n -> n.name.equals(nodeName))) {
        throw new IllegalArgumentException("Node \"" + nodeName + "\" was added twice");
      }
      nodes.add(node);
      return this;
    }

    /**
     * Adds a node with default settings and no updates.
     *
     * @param nodeName the node's name
     * @return this builder
     */
    public Builder node(String nodeName) {
      return node(nodeName, n -> {});
    }

    /**
     * Configures the witness.
     *
     * @param kind the kind of witness
     * @param state whether it is online
     * @return this builder
     */
    public Builder witness(WitnessKind kind, WitnessState state) {
      this.witness = new Witness(kind, state);
      return this;
    }

    /**
     * Adds a role that any node may host.
     *
     * @param roleName the role's name
     * @param owner the node hosting it at the start
     * @return this builder
     */
    public Builder role(String roleName, String owner) {
      return role(roleName, owner, List.of());
    }

    /**
     * Adds a role.
     *
     * @param roleName the role's name
     * @param owner the node hosting it at the start
     * @param possibleOwners the nodes allowed to host it; empty for all
     * @return this builder
     */
    public Builder role(String roleName, String owner, List<String> possibleOwners) {
      roles.add(new Role(roleName, owner, possibleOwners));
      return this;
    }

    /**
     * Lets a role return to its node under {@code FailbackMode.POLICY}, as a group whose
     * failback policy allows it; other roles stay where a drain put them under that mode.
     *
     * @param roleName a role added before
     * @return this builder
     */
    public Builder allowFailback(String roleName) {
      Role role = roles.stream().filter(r -> r.name.equals(roleName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No role \"" + roleName + "\" was added"));
      role.failbackAllowed = true;
      return this;
    }

    /**
     * Makes a node crash, unplanned, at a virtual time after the start: it goes down and its
     * roles fail over.
     *
     * @param nodeName a node added to the cluster
     * @param after when, from the start of the simulation
     * @return this builder
     */
    public Builder crash(String nodeName, Duration after) {
      crashes.put(nodeName, Objects.requireNonNull(after, "after"));
      return this;
    }

    /**
     * Makes clustered storage degraded for a while from the start, as after a disk failure.
     *
     * @param duration how long
     * @return this builder
     */
    public Builder storageDegradedFor(Duration duration) {
      this.storageDegradedAtStart = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Sets how long simulated steps take.
     *
     * @param value the timings
     * @return this builder
     */
    public Builder timings(Timings value) {
      this.timings = Objects.requireNonNull(value, "timings");
      return this;
    }

    /**
     * Makes a script path fail on every node.
     *
     * @param path the script's path
     * @return this builder
     */
    public Builder failingScript(String path) {
      failingScripts.add(path);
      return this;
    }

    /**
     * Sets the virtual instant the simulation starts at.
     *
     * @param instant the start
     * @return this builder
     */
    public Builder startingAt(Instant instant) {
      this.start = Objects.requireNonNull(instant, "instant");
      return this;
    }

    /**
     * Builds the cluster and its simulator.
     *
     * @return the cluster
     */
    public SimulatedCluster build() {
      return new SimulatedCluster(this);
    }
  }

  /** Describes one node of a simulated cluster. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public static final class NodeSpec {
    final String name;
    NodeState state = NodeState.UP;
    int voteWeight = 1;
    FaultDomain faultDomain = FaultDomain.NONE;
    final List<SimulatedUpdate> updates = new ArrayList<>();
    boolean neverReturnsFromRestart;
    boolean awaitReadyIgnoresTimeout;
    boolean softRebootBypassed;
    boolean drainHangs;
    boolean crashesWhileInstalling;
    @Nullable Boolean remoteShutdownAllowed;

    private NodeSpec(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the node's state at the start.
     *
     * @param value the state
     * @return this spec
     */
    public NodeSpec state(NodeState value) {
      this.state = Objects.requireNonNull(value, "state");
      return this;
    }

    /**
     * Sets the node's vote.
     *
     * @param value 0 or 1
     * @return this spec
     */
    public NodeSpec voteWeight(int value) {
      this.voteWeight = value;
      return this;
    }

    /**
     * Sets the node's fault domain.
     *
     * @param value the fault domain
     * @return this spec
     */
    public NodeSpec faultDomain(FaultDomain value) {
      this.faultDomain = Objects.requireNonNull(value, "faultDomain");
      return this;
    }

    /**
     * Adds updates to the node's catalogue.
     *
     * @param values the updates
     * @return this spec
     */
    public NodeSpec updates(SimulatedUpdate... values) {
      updates.addAll(List.of(values));
      return this;
    }

    /**
     * Makes the node stay down after its first restart.
     *
     * @return this spec
     */
    public NodeSpec neverReturnsFromRestart() {
      this.neverReturnsFromRestart = true;
      return this;
    }

    /**
     * Makes the node's controller ignore the timeout it is given while waiting for the node to
     * come back, as a faulty controller might: the engine's own timer must end the wait.
     *
     * @return this spec
     */
    public NodeSpec awaitReadyIgnoresTimeout() {
      this.awaitReadyIgnoresTimeout = true;
      return this;
    }

    /**
     * Makes the node crash, unplanned, halfway through its first installation.
     *
     * @return this spec
     */
    public NodeSpec crashesWhileInstalling() {
      this.crashesWhileInstalling = true;
      return this;
    }

    /**
     * Makes the node's drain hang: a suspend takes thirty days.
     *
     * @return this spec
     */
    public NodeSpec drainHangs() {
      this.drainHangs = true;
      return this;
    }

    /**
     * Makes the node opt out of kernel soft reboots: it always restarts fully.
     *
     * @return this spec
     */
    public NodeSpec softRebootBypassed() {
      this.softRebootBypassed = true;
      return this;
    }

    /**
     * Gives the node a remote-shutdown firewall rule in the given state; without this the node
     * offers no firewall capability.
     *
     * @param allowed whether the rule is enabled at the start
     * @return this spec
     */
    public NodeSpec remoteShutdownRule(boolean allowed) {
      this.remoteShutdownAllowed = allowed;
      return this;
    }
  }
}
