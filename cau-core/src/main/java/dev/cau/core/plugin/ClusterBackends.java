package dev.cau.core.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterBackendProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apiguardian.api.API;

/**
 * Knows the cluster backends a product or the {@code cau} command may use, by name, as found with
 * {@link ServiceLoader}.
 *
 * <p>A provider that cannot be loaded or named is skipped, logged at WARN and reported in
 * {@link #problems()}, so that one broken backend does not hide the others. A blank name, or two
 * providers of one name, are problems too: neither of two conflicting providers is offered.
 * Immutable and safe to share between threads.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ClusterBackends {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterBackends.class);
  private static final int MAX_CONSECUTIVE_FAILURES = 100;

  private final Map<String, ClusterBackendProvider> providers;
  private final List<String> problems;

  private ClusterBackends(Map<String, ClusterBackendProvider> providers, List<String> problems) {
    this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    this.problems = List.copyOf(problems);
  }

  /**
   * Finds the backends a class loader offers.
   *
   * @param loader the class loader whose {@code META-INF/services} entries and module
   *     {@code provides} clauses are searched
   * @return the backends
   */
  public static ClusterBackends discover(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    Map<String, ClusterBackendProvider> found = new TreeMap<>();
    List<String> conflicting = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Iterator<ClusterBackendProvider> iterator = ServiceLoader.load(ClusterBackendProvider.class, loader).iterator();
    int failuresInARow = 0;
    while (failuresInARow < MAX_CONSECUTIVE_FAILURES) {
      ClusterBackendProvider provider;
      String name;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        provider = iterator.next();
        name = provider.name();
        failuresInARow = 0;
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        failuresInARow++;
        report(problems, "Skipped a cluster backend that cannot be loaded: " + e);
        continue;
      }
      if (name == null || name.isBlank()) {
        report(problems, "Skipped cluster backend " + provider.getClass().getName() + ": its name is blank");
      } else if (found.containsKey(name) || conflicting.contains(name)) {
        ClusterBackendProvider other = found.remove(name);
        conflicting.add(name);
        report(problems, "Cluster backend \"" + name + "\" is offered by " + provider.getClass().getName()
            + (other == null ? " and another provider" : " and " + other.getClass().getName()) + "; neither is used");
      } else {
        found.put(name, provider);
        LOG.debug("Found cluster backend \"{}\" ({})", name, provider.getClass().getName());
      }
    }
    return new ClusterBackends(found, problems);
  }

  /**
   * Returns the names of the backends offered, in alphabetical order.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  /**
   * Finds a backend by name.
   *
   * @param name the name
   * @return the provider, or empty if none is offered under that name
   */
  public Optional<ClusterBackendProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * Returns a backend by name, or refuses the name listing the ones offered.
   *
   * @param name the name a cluster description gives
   * @param where where the name was written, for the message, such as {@code "lab.json" line 3}
   * @return the provider
   * @throws InvalidOptionsException if no backend is offered under that name
   */
  public ClusterBackendProvider require(String name, String where) {
    ClusterBackendProvider provider = providers.get(name);
    if (provider == null) {
      throw new InvalidOptionsException("backend", '"' + name + "\" at " + where, providers.isEmpty()
          ? "the name of an installed cluster backend, and none is installed"
          : "one of \"" + String.join("\", \"", providers.keySet()) + "\"");
    }
    return provider;
  }

  /**
   * Returns what went wrong while searching: providers that could not be loaded or named.
   *
   * @return the messages, in the order they happened
   */
  public List<String> problems() {
    return problems;
  }

  private static void report(List<String> problems, String message) {
    LOG.warn(message);
    problems.add(message);
  }
}
