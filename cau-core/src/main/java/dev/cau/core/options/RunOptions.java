package dev.cau.core.options;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.core.quorum.QuorumPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of an updating run, with CAU's names, defaults and ranges.
 *
 * <p>Instances are immutable. {@link Builder} checks every value as it is set and throws
 * {@link InvalidOptionsException} naming the option, the value and what is allowed. Checks that
 * need the cluster (such as {@code MaxFailedNodes} against the node count) run when the run
 * starts, before any node is touched.
 */
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

  private RunOptions(Builder b) {
    this.maxFailedNodes = b.maxFailedNodes;
    this.maxRetriesPerNode = b.maxRetriesPerNode;
    this.requireAllNodesOnline = b.requireAllNodesOnline;
    this.rebootTimeout = b.rebootTimeout;
    this.preUpdateScript = b.preUpdateScript;
    this.postUpdateScript = b.postUpdateScript;
    this.configurationName = b.configurationName;
    this.plugins = b.plugins.isEmpty() ? List.of(PluginSelection.of(DEFAULT_PLUGIN)) : List.copyOf(b.plugins);
    this.failbackMode = b.failbackMode;
    this.nodeOrder = List.copyOf(b.nodeOrder);
    this.maxUpdatePasses = b.maxUpdatePasses;
    this.quorumPolicy = b.quorumPolicy;
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
          "between 0 and " + (nodeCount - 1) + " (below the cluster's " + nodeCount + " nodes)");
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
   * @return at least one plug-in; {@value #DEFAULT_PLUGIN} by default
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
        + ", quorumPolicy=" + quorumPolicy + "}";
  }

  /** Builds {@link RunOptions}, checking each value as it is set. Not thread-safe. */
  public static final class Builder {
    private @Nullable Integer maxFailedNodes;
    private int maxRetriesPerNode = DEFAULT_MAX_RETRIES_PER_NODE;
    private boolean requireAllNodesOnline;
    private Duration rebootTimeout = DEFAULT_REBOOT_TIMEOUT;
    private @Nullable String preUpdateScript;
    private @Nullable String postUpdateScript;
    private String configurationName = DEFAULT_CONFIGURATION_NAME;
    private final List<PluginSelection> plugins = new ArrayList<>();
    private FailbackMode failbackMode = FailbackMode.IMMEDIATE;
    private final List<String> nodeOrder = new ArrayList<>();
    private int maxUpdatePasses = DEFAULT_MAX_UPDATE_PASSES;
    private QuorumPolicy quorumPolicy = QuorumPolicy.STATIC_MAJORITY;

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
     * @throws InvalidOptionsException if the path is blank
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
     * @throws InvalidOptionsException if the path is blank
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
     * Builds the options.
     *
     * @return immutable options
     */
    public RunOptions build() {
      return new RunOptions(this);
    }

    private static String requireScript(String option, String path) {
      Objects.requireNonNull(path, option);
      if (path.isBlank()) {
        throw new InvalidOptionsException(option, "\"" + path + "\"", "a script path");
      }
      return path;
    }
  }
}
