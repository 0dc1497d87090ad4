package dev.cau.testkit.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import org.apiguardian.api.API;

/**
 * Provides an {@link InMemoryUpdatePlugin}: by default under the name {@value #NAME}, handling
 * every update of the simulated catalogues; or, for runs with several plug-ins, under another
 * name and handling only updates whose id starts with a prefix.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InMemoryUpdatePluginProvider implements UpdatePluginProvider {
  /** The default plug-in's name. */
  public static final String NAME = "Cau4j.InMemoryUpdatePlugin";

  private final String name;
  private final String idPrefix;
  private final boolean restartsNodes;

  /** Creates the default provider; {@link java.util.ServiceLoader} calls this. */
  public InMemoryUpdatePluginProvider() {
    this(NAME, "");
  }

  /**
   * Creates a provider for a share of the catalogue.
   *
   * @param name the plug-in's name
   * @param idPrefix the plug-in handles updates whose id starts with this; empty for all
   */
  public InMemoryUpdatePluginProvider(String name, String idPrefix) {
    this(name, idPrefix, false);
  }

  private InMemoryUpdatePluginProvider(String name, String idPrefix, boolean restartsNodes) {
    this.name = name;
    this.idPrefix = idPrefix;
    this.restartsNodes = restartsNodes;
  }

  /**
   * Creates a provider of a plug-in that restarts nodes itself when it installs
   * ({@link UpdatePlugin#restartsNodeItself()}), for updates made with
   * {@link dev.cau.testkit.cluster.SimulatedUpdate#restartingNodeItself}.
   *
   * @param name the plug-in's name
   * @param idPrefix the plug-in handles updates whose id starts with this; empty for all
   * @return the provider
   */
  public static InMemoryUpdatePluginProvider restartingNodes(String name, String idPrefix) {
    return new InMemoryUpdatePluginProvider(name, idPrefix, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new InMemoryUpdatePlugin(idPrefix, restartsNodes);
  }
}
