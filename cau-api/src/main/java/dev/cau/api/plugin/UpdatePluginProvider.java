package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The type {@link java.util.ServiceLoader} discovers: it names an update plug-in, describes its
 * arguments, and creates an instance for each run.
 *
 * <p>Constructing a provider must be cheap and must not do I/O: registries instantiate every
 * provider they find in order to read its name.
 */
@API(status = STABLE, since = "0.1.0")
public interface UpdatePluginProvider {
  /**
   * Returns the plug-in's stable name, such as {@code Microsoft.WindowsUpdatePlugin}. Runs select
   * plug-ins by this name.
   *
   * @return a non-blank name that never changes between releases
   */
  String name();

  /**
   * Describes the arguments the plug-in accepts. The engine checks a run's arguments against it
   * before any node is touched.
   *
   * @return the argument descriptors; empty by default
   */
  default List<PluginArgument> arguments() {
    return List.of();
  }

  /**
   * Creates the plug-in for one run.
   *
   * @param arguments the run's arguments for this plug-in, already checked against
   *     {@link #arguments()} and completed with defaults
   * @return a plug-in instance used for every node of the run
   */
  UpdatePlugin create(PluginArguments arguments);
}
