package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.core.quorum.QuorumPolicy;
import dev.cau.core.text.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The options of an updating run, with CAU's names, defaults and ranges.
 *
 * <p>Instances are immutable. {@link Builder} checks every value as it is set and throws
 * {@link InvalidOptionsException} naming the option, the value and what is allowed. Checks that
 * need the cluster (such as {@code MaxFailedNodes} against the node count) run when the run
 * starts, before any node is touched.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class RunOptions {
  /** CAU's default plug-in. */
  public static final String DEFAULT_PLUGIN = "Microsoft.WindowsUpdatePlugin";
  /** Default of {@code MaxRetriesPerNode}. */
  public static final int DEFAULT_MAX_RETRIES_PER_NODE = 3;
  /** Largest allowed {@code MaxRetriesPerNode}. */
  public static final int MAX_RETRIES_PER_NODE_LIMIT = 64;
  /** Default of {@code RebootTimeoutMinutes}: 15 minutes. */
  public static final Duration DEFAULT_REBOOT_TIMEOUT = Duration.ofMinutes(15);
  /** Default session configuration for pre- and post-update scripts. */
  public static final String DEFAULT_CONFIGURATION_NAME = "Microsoft.PowerShell";
  /** Default bound on install passes per node attempt: the first install plus two re-scans. */
  public static final int DEFAULT_MAX_UPDATE_PASSES = 3;
  /** Largest allowed bound on install passes. */
  public static final int MAX_UPDATE_PASSES_LIMIT = 16;
  /** Longest script path CAU accepts, path and file name together. */
  public static final int MAX_SCRIPT_PATH_LENGTH = 260;
  /**
   * Default of {@code SuspendClusterNodeTimeoutMinutes}: how long a suspend refused because
   * clustered storage is degraded is retried. CAU documents no default; cau4j waits 30 minutes.
   */
  public static final Duration DEFAULT_SUSPEND_CLUSTER_NODE_TIMEOUT = Duration.ofMinutes(30);
  /** Default of {@code SuspendRetriesPerNode}; CAU documents none. */
  public static final int DEFAULT_SUSPEND_RETRIES_PER_NODE = 30;
  /**
   * Default of {@code WaitForStorageRepairTimeoutMinutes}. CAU documents none; VMM waits 600
   * minutes for storage resync, and cau4j takes that figure.
   */
  public static final Duration DEFAULT_WAIT_FOR_STORAGE_REPAIR_TIMEOUT = Duration.ofHours(10); // 600 minutes
  /**
   * Default bound on any single call into a controller or plug-in (other than waiting for a
   * restart, which the reboot timeout bounds): 6 hours. CAU has no such option; cau4j has it so
   * that every wait ends.
   */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofHours(6);
  /**
   * Default of {@code PluginRestartTimeoutMinutes}: 4 hours, for an operating-system upgrade that
   * restarts its node several times.
   */
  public static final Duration DEFAULT_PLUGIN_RESTART_TIMEOUT = Duration.ofHours(4);
  /** How often the engine looks again while it waits for storage. */
  public static final Duration STORAGE_POLL_INTERVAL = Duration.ofMinutes(1);

  private final @Nullable Integer maxFailedNodes;
  private final int maxRetriesPerNode;
  private final boolean requireAllNodesOnline;
  private final Duration rebootTimeout;
  private final @Nullable String preUpdateScript;
  private final @Nullable String postUpdateScript;
  private final String configurationName;
  private final List<PluginSelection> plugins;
  private final FailbackMode failbackMode;
  private final List<String> nodeOrder;
  private final int maxUpdatePasses;
  private final QuorumPolicy quorumPolicy;
  private final @Nullable Duration warnAfter;
  private final @Nullable Duration stopAfter;
  private final boolean runPluginsSerially;
  private final boolean stopOnPluginFailure;
  private final boolean separateReboots;
  private final List<String> siteAwareUpdatingOrder;
  private final PauseMode pauseMode;
  private final boolean enableFirewallRules;
  private final RebootMode rebootMode;
  private final Duration suspendClusterNodeTimeout;
  private final int suspendRetriesPerNode;
  private final Duration waitForStorageRepairTimeout;
  private final WorkflowOrder workflowOrder;
  private final SecondOrderStaging secondOrderStaging;
  private final boolean skipCompliantNodes;
  private final boolean bypassMaintenanceModeCheck;
  private final MigrationMode migrationMode;
  private final boolean suspendReboot;
  private final Duration operationTimeout;
  private final Duration pluginRestartTimeout;

  private RunOptions(Builder b) {
    this.maxFailedNodes = b.maxFailedNodes;
    this.maxRetriesPerNode = b.maxRetriesPerNode;
    this.requireAllNodesOnline = b.requireAllNodesOnline;
    this.rebootTimeout = b.rebootTimeout;
    this.preUpdateScript = b.preUpdateScript;
    this.postUpdateScript = b.postUpdateScript;
    this.configurationName = b.configurationName;
    this.plugins = b.plugins.isEmpty() ? List.of(PluginSelection.of(b.defaultPlugin)) : List.copyOf(b.plugins);
    this.failbackMode = b.failbackMode;
    this.nodeOrder = List.copyOf(b.nodeOrder);
    this.maxUpdatePasses = b.maxUpdatePasses;
    this.quorumPolicy = b.quorumPolicy;
    this.warnAfter = b.warnAfter;
    this.stopAfter = b.stopAfter;
    this.runPluginsSerially = b.runPluginsSerially;
    this.stopOnPluginFailure = b.stopOnPluginFailure;
    this.separateReboots = b.separateReboots;
    this.siteAwareUpdatingOrder = List.copyOf(b.siteAwareUpdatingOrder);
    this.pauseMode = b.pauseMode;
    this.enableFirewallRules = b.enableFirewallRules;
    this.rebootMode = b.rebootMode;
    this.suspendClusterNodeTimeout = b.suspendClusterNodeTimeout;
    this.suspendRetriesPerNode = b.suspendRetriesPerNode;
    this.waitForStorageRepairTimeout = b.waitForStorageRepairTimeout;
    this.workflowOrder = b.workflowOrder;
    this.secondOrderStaging = b.secondOrderStaging;
    this.skipCompliantNodes = b.skipCompliantNodes;
    this.bypassMaintenanceModeCheck = b.bypassMaintenanceModeCheck;
    this.migrationMode = b.migrationMode;
    this.suspendReboot = b.suspendReboot;
    this.operationTimeout = b.operationTimeout;
    this.pluginRestartTimeout = b.pluginRestartTimeout;
  }

  /**
   * Returns options with every default.
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return builder().build();
  }

  /**
   * Starts building options from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts building options from these ones.
   *
   * @return a builder holding these options
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxFailedNodes = maxFailedNodes;
    b.maxRetriesPerNode = maxRetriesPerNode;
    b.requireAllNodesOnline = requireAllNodesOnline;
    b.rebootTimeout = rebootTimeout;
    b.preUpdateScript = preUpdateScript;
    b.postUpdateScript = postUpdateScript;
    b.configurationName = configurationName;
    b.plugins.addAll(plugins);
    b.failbackMode = failbackMode;
    b.nodeOrder.addAll(nodeOrder);
    b.maxUpdatePasses = maxUpdatePasses;
    b.quorumPolicy = quorumPolicy;
    b.warnAfter = warnAfter;
    b.stopAfter = stopAfter;
    b.runPluginsSerially = runPluginsSerially;
    b.stopOnPluginFailure = stopOnPluginFailure;
    b.separateReboots = separateReboots;
    b.siteAwareUpdatingOrder.addAll(siteAwareUpdatingOrder);
    b.pauseMode = pauseMode;
    b.enableFirewallRules = enableFirewallRules;
    b.rebootMode = rebootMode;
    b.suspendClusterNodeTimeout = suspendClusterNodeTimeout;
    b.suspendRetriesPerNode = suspendRetriesPerNode;
    b.waitForStorageRepairTimeout = waitForStorageRepairTimeout;
    b.workflowOrder = workflowOrder;
    b.secondOrderStaging = secondOrderStaging;
    b.skipCompliantNodes = skipCompliantNodes;
    b.bypassMaintenanceModeCheck = bypassMaintenanceModeCheck;
    b.migrationMode = migrationMode;
    b.suspendReboot = suspendReboot;
    b.operationTimeout = operationTimeout;
    b.pluginRestartTimeout = pluginRestartTimeout;
    return b;
  }

  /**
   * Returns {@code MaxFailedNodes} as set, or empty when the default applies.
   *
   * @return the configured value
   */
  public OptionalInt maxFailedNodes() {
    return maxFailedNodes == null ? OptionalInt.empty() : OptionalInt.of(maxFailedNodes);
  }

  /**
   * Returns {@code MaxFailedNodes} for a cluster of a given size, checking it against that size.
   *
   * <p>CAU documents the default only as "approximately one-third of the number of cluster
   * nodes"; cau4j uses {@code floor(nodes / 3)}: 0 for 2 nodes, 1 for 3 to 5, 2 for 6 to 8.
   *
   * @param nodeCount the number of nodes in the cluster
   * @return the most nodes that may fail before the run stops
   * @throws InvalidOptionsException if the configured value is not below the node count
   */
  public int effectiveMaxFailedNodes(int nodeCount) {
    if (maxFailedNodes == null) {
      return nodeCount / 3;
    }
    if (maxFailedNodes >= nodeCount) {
      throw new InvalidOptionsException(
          "MaxFailedNodes",
          String.valueOf(maxFailedNodes),
          "between 0 and " + (nodeCount - 1) + " (below the cluster's " + Counts.of(nodeCount, "node") + ")");
    }
    return maxFailedNodes;
  }

  /**
   * Returns {@code MaxRetriesPerNode}: how many times a node's update process is tried at most.
   *
   * @return a value from 1 to 64; 3 by default
   */
  public int maxRetriesPerNode() {
    return maxRetriesPerNode;
  }

  /**
   * Returns {@code RequireAllNodesOnline}.
   *
   * @return whether every node must be up before updating begins
   */
  public boolean requireAllNodesOnline() {
    return requireAllNodesOnline;
  }

  /**
   * Returns {@code RebootTimeoutMinutes} as a duration: how long a node may take to restart and
   * report ready.
   *
   * @return a positive duration; 15 minutes by default
   */
  public Duration rebootTimeout() {
    return rebootTimeout;
  }

  /**
   * Returns {@code PreUpdateScript}.
   *
   * @return the script run on each node before it is suspended, if any
   */
  public Optional<String> preUpdateScript() {
    return Optional.ofNullable(preUpdateScript);
  }

  /**
   * Returns {@code PostUpdateScript}.
   *
   * @return the script run on each node after it is resumed, if any
   */
  public Optional<String> postUpdateScript() {
    return Optional.ofNullable(postUpdateScript);
  }

  /**
   * Returns {@code ConfigurationName}: the session configuration the scripts run in.
   *
   * @return the configuration name
   */
  public String configurationName() {
    return configurationName;
  }

  /**
   * Returns the plug-ins in {@code CauPluginName} order with their arguments.
   *
   * @return at least one plug-in; when none was added, the builder's
   *     {@linkplain Builder#defaultPlugin default plug-in}, {@value #DEFAULT_PLUGIN} unless set
   */
  public List<PluginSelection> plugins() {
    return plugins;
  }

  /**
   * Returns {@code FailbackMode}.
   *
   * @return how roles return to a resumed node; {@link FailbackMode#IMMEDIATE} by default
   */
  public FailbackMode failbackMode() {
    return failbackMode;
  }

  /**
   * Returns {@code NodeOrder}: nodes to update first, in this order; the rest follow in the
   * default order (fewest roles first).
   *
   * @return the requested order; empty by default
   */
  public List<String> nodeOrder() {
    return nodeOrder;
  }

  /**
   * Returns the bound on install passes in one attempt on a node: the first install, then one
   * per re-scan that finds updates that have only now become applicable.
   *
   * @return a value from 1 to 16; 3 by default
   */
  public int maxUpdatePasses() {
    return maxUpdatePasses;
  }

  /**
   * Returns the policy of the quorum guard.
   *
   * @return {@link QuorumPolicy#STATIC_MAJORITY} by default
   */
  public QuorumPolicy quorumPolicy() {
    return quorumPolicy;
  }

  /**
   * Returns {@code WarnAfter}: after this long, a warning is published if the run is not over.
   *
   * @return the delay, or empty for no warning (the default)
   */
  public Optional<Duration> warnAfter() {
    return Optional.ofNullable(warnAfter);
  }

  /**
   * Returns {@code StopAfter}: after this long, the run is canceled if it is not over.
   *
   * @return the limit, or empty for none (the default)
   */
  public Optional<Duration> stopAfter() {
    return Optional.ofNullable(stopAfter);
  }

  /**
   * Returns {@code RunPluginsSerially}: scan and stage one plug-in after another instead of all
   * at once. Installing is always one plug-in after another.
   *
   * @return whether plug-ins scan and stage serially
   */
  public boolean runPluginsSerially() {
    return runPluginsSerially;
  }

  /**
   * Returns {@code StopOnPluginFailure}: when one plug-in fails on a node, skip the remaining
   * plug-ins on that node.
   *
   * @return whether a plug-in failure stops the others
   */
  public boolean stopOnPluginFailure() {
    return stopOnPluginFailure;
  }

  /**
   * Returns {@code SeparateReboots}: restart after each plug-in that needs it, instead of once
   * after all plug-ins.
   *
   * @return whether each plug-in gets its own restart
   */
  public boolean separateReboots() {
    return separateReboots;
  }

  /**
   * Returns {@code SiteAwareUpdatingOrder}: site names; every node of the first site is updated
   * before the next site's, nodes without a listed site last.
   *
   * @return the site order; empty by default
   */
  public List<String> siteAwareUpdatingOrder() {
    return siteAwareUpdatingOrder;
  }

  /**
   * Returns how nodes are paused: CAU's default drain or one of its {@code ForcePause…}
   * switches.
   *
   * @return the pause mode
   */
  public PauseMode pauseMode() {
    return pauseMode;
  }

  /**
   * Returns {@code EnableFirewallRules}: enable each node's remote-shutdown firewall rule when it
   * is off.
   *
   * @return whether the engine enables the rule
   */
  public boolean enableFirewallRules() {
    return enableFirewallRules;
  }

  /**
   * Returns the kind of restart asked of nodes: {@code RebootMode}, or soft when
   * {@code AttemptSoftReboot} is set.
   *
   * @return {@link RebootMode#FULL} by default
   */
  public RebootMode rebootMode() {
    return rebootMode;
  }

  /**
   * Returns {@code SuspendClusterNodeTimeoutMinutes}: how long a suspend refused because
   * clustered storage is degraded is retried. These retries do not count against
   * {@code MaxRetriesPerNode}.
   *
   * @return the limit; 30 minutes by default
   */
  public Duration suspendClusterNodeTimeout() {
    return suspendClusterNodeTimeout;
  }

  /**
   * Returns {@code SuspendRetriesPerNode}: how many times such a suspend is retried at most.
   *
   * @return the limit; 30 by default
   */
  public int suspendRetriesPerNode() {
    return suspendRetriesPerNode;
  }

  /**
   * Returns {@code WaitForStorageRepairTimeoutMinutes}: how long the run waits for storage
   * repair jobs to finish after a node returns, before the next node goes down.
   *
   * @return the limit; 600 minutes by default
   */
  public Duration waitForStorageRepairTimeout() {
    return waitForStorageRepairTimeout;
  }

  /**
   * Returns the order of steps on a node.
   *
   * @return {@link WorkflowOrder#DRAIN_THEN_INSTALL} by default
   */
  public WorkflowOrder workflowOrder() {
    return workflowOrder;
  }

  /**
   * Returns when updates that a re-scan finds after a restart are staged (downloaded).
   *
   * @return {@link SecondOrderStaging#OUTSIDE_DRAINED_WINDOW} by default
   */
  public SecondOrderStaging secondOrderStaging() {
    return secondOrderStaging;
  }

  /**
   * Returns VMM's "skip compliant nodes": a node with nothing to install is left alone. When
   * off, every node is drained, restarted if it has a restart pending, and resumed.
   *
   * @return {@code true} by default
   */
  public boolean skipCompliantNodes() {
    return skipCompliantNodes;
  }

  /**
   * Returns VMM's {@code BypassMaintenanceModeCheck}: without it, a run fails at the start when a
   * node is already paused (in maintenance); with it, such a node is updated without being
   * resumed afterwards.
   *
   * @return {@code false} by default
   */
  public boolean bypassMaintenanceModeCheck() {
    return bypassMaintenanceModeCheck;
  }

  /**
   * Returns how virtual machines leave a drained node: VMM's live migration or save state.
   *
   * @return {@link MigrationMode#LIVE_MIGRATION} by default
   */
  public MigrationMode migrationMode() {
    return migrationMode;
  }

  /**
   * Returns VMM's "do not restart the servers" ({@code SuspendReboot}): no node is restarted; a
   * node that needs one is reported as pending restart.
   *
   * @return {@code false} by default
   */
  public boolean suspendReboot() {
    return suspendReboot;
  }

  /**
   * Returns the bound on any single call into a controller or plug-in. A call that has not
   * returned by then counts as failed: a scan or staging as a plug-in failure; an operation that
   * changes the node fails the node, which is reported as left as it was.
   *
   * @return the bound; 6 hours by default
   */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /**
   * Returns how long a node may take to come back after a plug-in that restarts it by itself
   * ({@link dev.cau.api.plugin.UpdatePlugin#restartsNodeItself()}) has installed, counting every
   * restart the plug-in makes: the engine waits this long instead of {@link #rebootTimeout()}.
   *
   * @return a positive duration; 4 hours by default
   */
  public Duration pluginRestartTimeout() {
    return pluginRestartTimeout;
  }

  @Override
  public String toString() {
    return "RunOptions{MaxFailedNodes=" + (maxFailedNodes == null ? "default" : maxFailedNodes)
        + ", MaxRetriesPerNode=" + maxRetriesPerNode
        + ", RequireAllNodesOnline=" + requireAllNodesOnline
        + ", RebootTimeout=" + rebootTimeout
        + ", plugins=" + plugins
        + ", FailbackMode=" + failbackMode
        + ", NodeOrder=" + nodeOrder
        + ", maxUpdatePasses=" + maxUpdatePasses
        + ", quorumPolicy=" + quorumPolicy
        + ", WarnAfter=" + warnAfter
        + ", StopAfter=" + stopAfter
        + ", RunPluginsSerially=" + runPluginsSerially
        + ", StopOnPluginFailure=" + stopOnPluginFailure
        + ", SeparateReboots=" + separateReboots
        + ", SiteAwareUpdatingOrder=" + siteAwareUpdatingOrder
        + ", pauseMode=" + pauseMode
        + ", EnableFirewallRules=" + enableFirewallRules
        + ", RebootMode=" + rebootMode
        + ", SuspendClusterNodeTimeout=" + suspendClusterNodeTimeout
        + ", SuspendRetriesPerNode=" + suspendRetriesPerNode
        + ", WaitForStorageRepairTimeout=" + waitForStorageRepairTimeout
        + ", workflowOrder=" + workflowOrder
        + ", secondOrderStaging=" + secondOrderStaging
        + ", skipCompliantNodes=" + skipCompliantNodes
        + ", BypassMaintenanceModeCheck=" + bypassMaintenanceModeCheck
        + ", migrationMode=" + migrationMode
        + ", SuspendReboot=" + suspendReboot
        + ", operationTimeout=" + operationTimeout
        + ", pluginRestartTimeout=" + pluginRestartTimeout + "}";
  }

  /** Builds {@link RunOptions}, checking each value as it is set. Not thread-safe. */
  @API(status = MAINTAINED, since = "0.1.0")
  public static final class Builder {
    private @Nullable Integer maxFailedNodes;
    private int maxRetriesPerNode = DEFAULT_MAX_RETRIES_PER_NODE;
    private boolean requireAllNodesOnline;
    private Duration rebootTimeout = DEFAULT_REBOOT_TIMEOUT;
    private @Nullable String preUpdateScript;
    private @Nullable String postUpdateScript;
    private String configurationName = DEFAULT_CONFIGURATION_NAME;
    private final List<PluginSelection> plugins = new ArrayList<>();
    private String defaultPlugin = DEFAULT_PLUGIN;
    private FailbackMode failbackMode = FailbackMode.IMMEDIATE;
    private final List<String> nodeOrder = new ArrayList<>();
    private int maxUpdatePasses = DEFAULT_MAX_UPDATE_PASSES;
    private QuorumPolicy quorumPolicy = QuorumPolicy.STATIC_MAJORITY;
    private @Nullable Duration warnAfter;
    private @Nullable Duration stopAfter;
    private boolean runPluginsSerially;
    private boolean stopOnPluginFailure;
    private boolean separateReboots;
    private final List<String> siteAwareUpdatingOrder = new ArrayList<>();
    private PauseMode pauseMode = PauseMode.DRAIN;
    private boolean enableFirewallRules;
    private RebootMode rebootMode = RebootMode.FULL;
    private Duration suspendClusterNodeTimeout = DEFAULT_SUSPEND_CLUSTER_NODE_TIMEOUT;
    private int suspendRetriesPerNode = DEFAULT_SUSPEND_RETRIES_PER_NODE;
    private Duration waitForStorageRepairTimeout = DEFAULT_WAIT_FOR_STORAGE_REPAIR_TIMEOUT;
    private WorkflowOrder workflowOrder = WorkflowOrder.DRAIN_THEN_INSTALL;
    private SecondOrderStaging secondOrderStaging = SecondOrderStaging.OUTSIDE_DRAINED_WINDOW;
    private boolean skipCompliantNodes = true;
    private boolean bypassMaintenanceModeCheck;
    private MigrationMode migrationMode = MigrationMode.LIVE_MIGRATION;
    private boolean suspendReboot;
    private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
    private Duration pluginRestartTimeout = DEFAULT_PLUGIN_RESTART_TIMEOUT;

    private Builder() {}

    /**
     * Sets {@code MaxFailedNodes}: the run stops when one more node than this has failed. It
     * must also be below the cluster's node count, which is checked when the run starts.
     *
     * @param value 0 or more
     * @return this builder
     * @throws InvalidOptionsException if the value is negative
     */
    public Builder maxFailedNodes(int value) {
      if (value < 0) {
        throw new InvalidOptionsException(
            "MaxFailedNodes", String.valueOf(value), "between 0 and the node count minus 1");
      }
      this.maxFailedNodes = value;
      return this;
    }

    /**
     * Sets {@code MaxRetriesPerNode}: how many times a node's update process, scripts included,
     * is tried at most.
     *
     * @param value from 1 to 64
     * @return this builder
     * @throws InvalidOptionsException if the value is out of range
     */
    public Builder maxRetriesPerNode(int value) {
      if (value < 1 || value > MAX_RETRIES_PER_NODE_LIMIT) {
        throw new InvalidOptionsException(
            "MaxRetriesPerNode", String.valueOf(value), "between 1 and " + MAX_RETRIES_PER_NODE_LIMIT);
      }
      this.maxRetriesPerNode = value;
      return this;
    }

    /**
     * Sets {@code RequireAllNodesOnline}.
     *
     * @param value whether every node must be up before updating begins
     * @return this builder
     */
    public Builder requireAllNodesOnline(boolean value) {
      this.requireAllNodesOnline = value;
      return this;
    }

    /**
     * Sets how long a node may take to restart and report ready ({@code RebootTimeoutMinutes}).
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder rebootTimeout(Duration value) {
      Objects.requireNonNull(value, "rebootTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new InvalidOptionsException("RebootTimeoutMinutes", value.toString(), "a positive duration");
      }
      this.rebootTimeout = value;
      return this;
    }

    /**
     * Sets {@code RebootTimeoutMinutes} in CAU's unit.
     *
     * @param minutes a positive number of minutes
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder rebootTimeoutMinutes(int minutes) {
      if (minutes <= 0) {
        throw new InvalidOptionsException(
            "RebootTimeoutMinutes", String.valueOf(minutes), "a positive number of minutes");
      }
      this.rebootTimeout = Duration.ofMinutes(minutes);
      return this;
    }

    /**
     * Sets {@code PreUpdateScript}: run on each node before it is suspended; if it fails, the
     * node is not updated.
     *
     * @param path the script's path as the nodes see it
     * @return this builder
     * @throws InvalidOptionsException if the path is blank or longer than
     *     {@value RunOptions#MAX_SCRIPT_PATH_LENGTH} characters
     */
    public Builder preUpdateScript(String path) {
      this.preUpdateScript = requireScript("PreUpdateScript", path);
      return this;
    }

    /**
     * Sets {@code PostUpdateScript}: run on each node after it is resumed.
     *
     * @param path the script's path as the nodes see it
     * @return this builder
     * @throws InvalidOptionsException if the path is blank or longer than
     *     {@value RunOptions#MAX_SCRIPT_PATH_LENGTH} characters
     */
    public Builder postUpdateScript(String path) {
      this.postUpdateScript = requireScript("PostUpdateScript", path);
      return this;
    }

    /**
     * Sets {@code ConfigurationName}: the session configuration the scripts run in.
     *
     * @param name a non-blank name
     * @return this builder
     * @throws InvalidOptionsException if the name is blank
     */
    public Builder configurationName(String name) {
      Objects.requireNonNull(name, "configurationName");
      if (name.isBlank()) {
        throw new InvalidOptionsException("ConfigurationName", "\"" + name + "\"", "a non-blank name");
      }
      this.configurationName = name;
      return this;
    }

    /**
     * Adds a plug-in; plug-ins install in the order they are added. Adding any replaces the
     * default plug-in.
     *
     * @param selection the plug-in and its arguments
     * @return this builder
     * @throws InvalidOptionsException if the plug-in was already added
     */
    public Builder plugin(PluginSelection selection) {
      Objects.requireNonNull(selection, "selection");
      for (PluginSelection existing : plugins) {
        if (existing.name().equals(selection.name())) {
          throw new InvalidOptionsException(
              "CauPluginName", "\"" + selection.name() + "\"", "a plug-in name listed only once");
        }
      }
      plugins.add(selection);
      return this;
    }

    /**
     * Replaces the plug-ins with these, in install order.
     *
     * @param selections the plug-ins and their arguments; empty for the default plug-in
     * @return this builder
     * @throws InvalidOptionsException if a plug-in is listed twice
     */
    public Builder plugins(List<PluginSelection> selections) {
      plugins.clear();
      selections.forEach(this::plugin);
      return this;
    }

    /**
     * Sets the plug-in a run uses when none is added: {@value RunOptions#DEFAULT_PLUGIN} unless
     * set. The first plug-in added with {@link #plugin(String)}, {@link #plugin(PluginSelection)}
     * or {@link #plugins(List)} replaces it, as it replaces CAU's default; a test kit whose
     * simulated clusters are updated by its own plug-in sets that one here, so that adding a
     * plug-in replaces it instead of running beside it.
     *
     * @param name the default plug-in's name, without arguments
     * @return this builder
     * @throws InvalidOptionsException if the name is blank
     */
    public Builder defaultPlugin(String name) {
      Objects.requireNonNull(name, "defaultPlugin");
      if (name.isBlank()) {
        throw new InvalidOptionsException("CauPluginName", "\"" + name + "\"", "a non-blank plug-in name");
      }
      this.defaultPlugin = name;
      return this;
    }

    /**
     * Adds a plug-in without arguments.
     *
     * @param name the plug-in's name
     * @return this builder
     */
    public Builder plugin(String name) {
      return plugin(PluginSelection.of(name));
    }

    /**
     * Sets {@code FailbackMode}.
     *
     * @param mode how roles return to a resumed node
     * @return this builder
     */
    public Builder failbackMode(FailbackMode mode) {
      this.failbackMode = Objects.requireNonNull(mode, "failbackMode");
      return this;
    }

    /**
     * Sets {@code NodeOrder}: nodes to update first, in this order. Names are checked against
     * the cluster when the run starts.
     *
     * @param nodes node names, each at most once
     * @return this builder
     * @throws InvalidOptionsException if a name is blank or repeated
     */
    public Builder nodeOrder(List<String> nodes) {
      Set<String> seen = new HashSet<>();
      for (String node : nodes) {
        if (node.isBlank() || !seen.add(node)) {
          throw new InvalidOptionsException(
              "NodeOrder", "\"" + node + "\"", "node names that are not blank and appear once");
        }
      }
      nodeOrder.clear();
      nodeOrder.addAll(nodes);
      return this;
    }

    /**
     * Sets the bound on install passes in one attempt on a node.
     *
     * @param value from 1 to 16
     * @return this builder
     * @throws InvalidOptionsException if the value is out of range
     */
    public Builder maxUpdatePasses(int value) {
      if (value < 1 || value > MAX_UPDATE_PASSES_LIMIT) {
        throw new InvalidOptionsException(
            "MaxUpdatePasses", String.valueOf(value), "between 1 and " + MAX_UPDATE_PASSES_LIMIT);
      }
      this.maxUpdatePasses = value;
      return this;
    }

    /**
     * Sets the policy of the quorum guard.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder quorumPolicy(QuorumPolicy policy) {
      this.quorumPolicy = Objects.requireNonNull(policy, "quorumPolicy");
      return this;
    }


    /**
     * Sets {@code WarnAfter}: publish a warning if the run is not over after this long. Must be
     * shorter than {@code StopAfter} when both are set (checked by {@link #build()}).
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder warnAfter(Duration value) {
      this.warnAfter = positive("WarnAfter", value);
      return this;
    }

    /**
     * Sets {@code StopAfter}: cancel the run if it is not over after this long.
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder stopAfter(Duration value) {
      this.stopAfter = positive("StopAfter", value);
      return this;
    }

    /**
     * Sets {@code RunPluginsSerially}.
     *
     * @param value whether plug-ins scan and stage one after another
     * @return this builder
     */
    public Builder runPluginsSerially(boolean value) {
      this.runPluginsSerially = value;
      return this;
    }

    /**
     * Sets {@code StopOnPluginFailure}.
     *
     * @param value whether a plug-in failure on a node skips the remaining plug-ins there
     * @return this builder
     */
    public Builder stopOnPluginFailure(boolean value) {
      this.stopOnPluginFailure = value;
      return this;
    }

    /**
     * Sets {@code SeparateReboots}.
     *
     * @param value whether to restart after each plug-in that needs it
     * @return this builder
     */
    public Builder separateReboots(boolean value) {
      this.separateReboots = value;
      return this;
    }

    /**
     * Sets {@code SiteAwareUpdatingOrder}: site names, checked against the cluster's fault
     * domains when the run starts.
     *
     * @param sites site names, each at most once
     * @return this builder
     * @throws InvalidOptionsException if a name is blank or repeated
     */
    public Builder siteAwareUpdatingOrder(List<String> sites) {
      Set<String> seen = new HashSet<>();
      for (String site : sites) {
        if (site.isBlank() || !seen.add(site)) {
          throw new InvalidOptionsException(
              "SiteAwareUpdatingOrder", "\"" + site + "\"", "site names that are not blank and appear once");
        }
      }
      siteAwareUpdatingOrder.clear();
      siteAwareUpdatingOrder.addAll(sites);
      return this;
    }

    /**
     * Sets how nodes are paused; {@link PauseMode#DRAIN} unless one of CAU's
     * {@code ForcePause…} switches is wanted.
     *
     * @param mode the pause mode
     * @return this builder
     */
    public Builder pauseMode(PauseMode mode) {
      this.pauseMode = Objects.requireNonNull(mode, "pauseMode");
      return this;
    }

    /**
     * Sets {@code EnableFirewallRules}.
     *
     * @param value whether to enable each node's remote-shutdown firewall rule when it is off
     * @return this builder
     */
    public Builder enableFirewallRules(boolean value) {
      this.enableFirewallRules = value;
      return this;
    }

    /**
     * Sets {@code RebootMode}.
     *
     * @param mode a full or a soft restart
     * @return this builder
     */
    public Builder rebootMode(RebootMode mode) {
      this.rebootMode = Objects.requireNonNull(mode, "rebootMode");
      return this;
    }

    /**
     * Sets {@code AttemptSoftReboot}: ask for a kernel soft reboot where a node supports it.
     *
     * @param value whether to attempt soft reboots
     * @return this builder
     */
    public Builder attemptSoftReboot(boolean value) {
      this.rebootMode = value ? RebootMode.SOFT : RebootMode.FULL;
      return this;
    }

    /**
     * Sets {@code SuspendClusterNodeTimeoutMinutes}.
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder suspendClusterNodeTimeout(Duration value) {
      this.suspendClusterNodeTimeout = positive("SuspendClusterNodeTimeoutMinutes", value);
      return this;
    }

    /**
     * Sets {@code SuspendRetriesPerNode}.
     *
     * @param value 0 or more
     * @return this builder
     * @throws InvalidOptionsException if the value is negative
     */
    public Builder suspendRetriesPerNode(int value) {
      if (value < 0) {
        throw new InvalidOptionsException("SuspendRetriesPerNode", String.valueOf(value), "0 or more");
      }
      this.suspendRetriesPerNode = value;
      return this;
    }

    /**
     * Sets {@code WaitForStorageRepairTimeoutMinutes}.
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder waitForStorageRepairTimeout(Duration value) {
      this.waitForStorageRepairTimeout = positive("WaitForStorageRepairTimeoutMinutes", value);
      return this;
    }

    /**
     * Sets the order of steps on a node.
     *
     * @param order the workflow order
     * @return this builder
     */
    public Builder workflowOrder(WorkflowOrder order) {
      this.workflowOrder = Objects.requireNonNull(order, "workflowOrder");
      return this;
    }

    /**
     * Sets when updates that a re-scan finds after a restart are staged (downloaded): outside the
     * node's drained window (the default, with one more resume and drain of the node) or, as CAU
     * does, while it is still drained.
     *
     * @param staging when second-order updates are staged
     * @return this builder
     */
    public Builder secondOrderStaging(SecondOrderStaging staging) {
      this.secondOrderStaging = Objects.requireNonNull(staging, "secondOrderStaging");
      return this;
    }

    /**
     * Sets VMM's "skip compliant nodes".
     *
     * @param value whether a node with nothing to install is left alone
     * @return this builder
     */
    public Builder skipCompliantNodes(boolean value) {
      this.skipCompliantNodes = value;
      return this;
    }

    /**
     * Sets VMM's {@code BypassMaintenanceModeCheck}.
     *
     * @param value whether a run may start while a node is already paused
     * @return this builder
     */
    public Builder bypassMaintenanceModeCheck(boolean value) {
      this.bypassMaintenanceModeCheck = value;
      return this;
    }

    /**
     * Sets how virtual machines leave a drained node.
     *
     * @param mode live migration or save state
     * @return this builder
     */
    public Builder migrationMode(MigrationMode mode) {
      this.migrationMode = Objects.requireNonNull(mode, "migrationMode");
      return this;
    }

    /**
     * Sets VMM's "do not restart the servers" ({@code SuspendReboot}).
     *
     * @param value whether to leave restarts to the administrator
     * @return this builder
     */
    public Builder suspendReboot(boolean value) {
      this.suspendReboot = value;
      return this;
    }

    /**
     * Sets the bound on any single call into a controller or plug-in.
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder operationTimeout(Duration value) {
      this.operationTimeout = positive("OperationTimeout", value);
      return this;
    }

    /**
     * Sets how long a node may take to come back after a plug-in that restarts it by itself has
     * installed ({@code PluginRestartTimeoutMinutes}).
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidOptionsException if the value is zero or negative
     */
    public Builder pluginRestartTimeout(Duration value) {
      this.pluginRestartTimeout = positive("PluginRestartTimeoutMinutes", value);
      return this;
    }

    /**
     * Builds the options, checking values that depend on each other.
     *
     * @return immutable options
     * @throws InvalidOptionsException if {@code WarnAfter} is not shorter than {@code StopAfter},
     *     or {@code SuspendReboot} is combined with {@code ForcePauseDrainAndReboot}
     */
    public RunOptions build() {
      if (warnAfter != null && stopAfter != null && warnAfter.compareTo(stopAfter) >= 0) {
        throw new InvalidOptionsException(
            "WarnAfter", warnAfter.toString(), "shorter than StopAfter (" + stopAfter + ")");
      }
      if (suspendReboot && pauseMode == PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT) {
        throw new InvalidOptionsException(
            "SuspendReboot", "true", "false when ForcePauseDrainAndReboot is set, which always restarts");
      }
      return new RunOptions(this);
    }

    private static Duration positive(String option, Duration value) {
      Objects.requireNonNull(value, option);
      if (value.isNegative() || value.isZero()) {
        throw new InvalidOptionsException(option, value.toString(), "a positive duration");
      }
      return value;
    }

    private static String requireScript(String option, String path) {
      Objects.requireNonNull(path, option);
      if (path.isBlank() || path.length() > MAX_SCRIPT_PATH_LENGTH) {
        throw new InvalidOptionsException(option, "\"" + path + "\"",
            "a script path of 1 to " + MAX_SCRIPT_PATH_LENGTH + " characters");
      }
      return path;
    }
  }
}
