package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.options.RunOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Checks an update plug-in against the contract of the plug-in SPI, from a plain test.
 *
 * <pre>{@code
 * PluginConformance.of(new MyPluginProvider())
 *     .arguments(Map.of("Repository", "https://repo.example", "Token", "not-a-real-token"))
 *     .node(() -> ConformanceNode.of(new FakeAgent()))
 *     .failingNode(() -> ConformanceNode.of(FakeAgent.unreachable()))
 *     .assertConforms();
 * }</pre>
 *
 * <p>The kit binds the arguments as a run would (checking them against the plug-in's
 * descriptors and completing defaults), creates a new plug-in instance for every check and calls
 * it on a fresh node, in the calling thread, with a {@link ConformanceContext}. It runs every
 * check of {@link ConformanceCheck}; a check that needs something it was not given, such as a
 * failing node, is reported as not run rather than failed. Give the node applicable updates,
 * including one that only applies after another, so that every check has work to look at.
 *
 * <p>Each setting may be given once; a value out of range is refused at once. An instance is not
 * thread-safe; {@link #check()} may be called more than once.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class PluginConformance {
  /** Default bound on install passes: the engine's default {@code MaxUpdatePasses}. */
  public static final int DEFAULT_MAX_INSTALL_PASSES = RunOptions.DEFAULT_MAX_UPDATE_PASSES;

  /** Largest bound on install passes: the engine's largest. */
  public static final int MAX_INSTALL_PASSES_LIMIT = RunOptions.MAX_UPDATE_PASSES_LIMIT;

  private final UpdatePluginProvider provider;
  private @Nullable Map<String, String> arguments;
  private @Nullable Supplier<ConformanceNode> nodes;
  private @Nullable Supplier<ConformanceNode> failingNodes;
  private int maxInstallPasses = -1;

  private PluginConformance(UpdatePluginProvider provider) {
    this.provider = provider;
  }

  /**
   * Starts checking a plug-in.
   *
   * @param provider the plug-in's provider, as {@link java.util.ServiceLoader} would create it
   * @return the kit, to configure and then {@link #check()}
   */
  public static PluginConformance of(UpdatePluginProvider provider) {
    return new PluginConformance(Objects.requireNonNull(provider, "provider"));
  }

  /**
   * Sets the arguments a run gives the plug-in, as CAU's {@code CauPluginArguments} hashtable:
   * names in any letter case, values as text. Give every secret argument a value so that the kit
   * can look for it where it must not appear. Empty by default.
   *
   * @param arguments the values by argument name
   * @return this kit
   * @throws IllegalStateException if the arguments were already given
   */
  public PluginConformance arguments(Map<String, String> arguments) {
    Objects.requireNonNull(arguments, "arguments");
    requireUnset(this.arguments, "arguments(...)");
    Map<String, String> copy = new LinkedHashMap<>();
    arguments.forEach((name, value) -> copy.put(
        Objects.requireNonNull(name, "argument name"),
        Objects.requireNonNull(value, () -> "value of argument \"" + name + "\"")));
    this.arguments = copy;
    return this;
  }

  /**
   * Sets how the kit gets a fresh node: one that offers the capabilities the plug-in needs, in
   * the state before any update was installed, with applicable updates. Called once per check.
   * Required.
   *
   * @param nodes returns a new node on every call
   * @return this kit
   * @throws IllegalStateException if the node supplier was already given
   */
  public PluginConformance node(Supplier<ConformanceNode> nodes) {
    Objects.requireNonNull(nodes, "nodes");
    requireUnset(this.nodes, "node(...)");
    this.nodes = nodes;
    return this;
  }

  /**
   * Sets how the kit gets a node whose infrastructure fails, such as one whose agent does not
   * answer, to check that the plug-in reports that as a
   * {@link dev.cau.api.PluginFailureException}. Without it, that check does not run.
   *
   * @param failingNodes returns a new failing node on every call
   * @return this kit
   * @throws IllegalStateException if the failing node supplier was already given
   */
  public PluginConformance failingNode(Supplier<ConformanceNode> failingNodes) {
    Objects.requireNonNull(failingNodes, "failingNodes");
    requireUnset(this.failingNodes, "failingNode(...)");
    this.failingNodes = failingNodes;
    return this;
  }

  /**
   * Sets how many install passes the kit makes on one node before it reports that the plug-in's
   * scan does not converge: the first install, then one per re-scan that finds updates that only
   * now apply. {@value #DEFAULT_MAX_INSTALL_PASSES} by default, like the engine.
   *
   * @param passes from 1 to {@value #MAX_INSTALL_PASSES_LIMIT}
   * @return this kit
   * @throws IllegalArgumentException if the value is out of range
   * @throws IllegalStateException if the bound was already given
   */
  public PluginConformance maxInstallPasses(int passes) {
    if (maxInstallPasses != -1) {
      throw new IllegalStateException("maxInstallPasses(...) was already called, with "
          + maxInstallPasses + "; each setting may be given once");
    }
    if (passes < 1 || passes > MAX_INSTALL_PASSES_LIMIT) {
      throw new IllegalArgumentException("The bound on install passes must be from 1 to "
          + MAX_INSTALL_PASSES_LIMIT + ", but was " + passes);
    }
    maxInstallPasses = passes;
    return this;
  }

  /**
   * Runs every check.
   *
   * @return one finding per check
   * @throws IllegalStateException if no node supplier was set
   */
  public ConformanceReport check() {
    Supplier<ConformanceNode> healthy = nodes;
    if (healthy == null) {
      throw new IllegalStateException("No node supplier was set: call node(...) with a supplier"
          + " of fresh nodes that offer the capabilities the plug-in needs, or"
          + " ConformanceNode::empty if it needs none");
    }
    Map<String, String> given = arguments == null ? Map.of() : arguments;
    int passes = maxInstallPasses == -1 ? DEFAULT_MAX_INSTALL_PASSES : maxInstallPasses;
    return new ConformanceRun(provider, given, healthy, failingNodes, passes).run();
  }

  /**
   * Runs every check and fails if one of them failed.
   *
   * @return the report, when every check that ran passed
   * @throws AssertionError listing every failed check with what is wrong
   * @throws IllegalStateException if no node supplier was set
   */
  public ConformanceReport assertConforms() {
    ConformanceReport report = check();
    if (!report.conforms()) {
      throw new AssertionError(report.failureSummary());
    }
    return report;
  }

  private static void requireUnset(@Nullable Object current, String setter) {
    if (current != null) {
      throw new IllegalStateException(
          setter + " was already called; each setting may be given once");
    }
  }
}
