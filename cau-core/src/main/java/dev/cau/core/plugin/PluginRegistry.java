package dev.cau.core.plugin;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.PluginNotFoundException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the update plug-ins a run may use, by name.
 *
 * <p>Plug-ins come from {@link ServiceLoader} discovery and from explicit registration. An
 * explicitly registered plug-in wins over a discovered one of the same name. A blank name, two
 * discovered providers of one name, or two explicit registrations of one name are errors that
 * name the plug-in and the provider classes. A provider that cannot be loaded, or whose
 * {@link UpdatePluginProvider#name()} throws, is skipped, logged at WARN and reported in
 * {@link #problems()}, so one broken plug-in does not stop the others.
 *
 * <p>A registry is immutable and safe to share between threads. It hands the same provider
 * instances to every caller.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  /**
   * Failures in a row after which discovery from one class loader gives up, so that a
   * {@link ServiceLoader} iterator that fails the same way on every call cannot loop for ever.
   */
  private static final int MAX_CONSECUTIVE_FAILURES = 100;

  private final Map<String, UpdatePluginProvider> providers;
  private final List<String> names;
  private final List<String> problems;

  private PluginRegistry(Map<String, UpdatePluginProvider> providers, List<String> problems) {
    this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    this.names = List.copyOf(this.providers.keySet());
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates a registry of the plug-ins {@link ServiceLoader} finds through a class loader.
   *
   * @param loader the class loader whose {@code META-INF/services} entries and module
   *     {@code provides} clauses are searched
   * @return the registry
   * @throws PluginRegistrationException if a provider has a blank name or two share a name
   */
  public static PluginRegistry discover(ClassLoader loader) {
    return builder().discover(loader).build();
  }

  /**
   * Starts a registry that combines discovered and explicitly registered plug-ins.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Looks up a plug-in by its exact, case-sensitive name.
   *
   * @param name the plug-in's name, such as {@code Microsoft.WindowsUpdatePlugin}
   * @return its provider, or empty if none has that name
   */
  public Optional<UpdatePluginProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * Looks up a plug-in by its exact, case-sensitive name, failing if there is none.
   *
   * @param name the plug-in's name, such as {@code Microsoft.WindowsUpdatePlugin}
   * @return its provider
   * @throws PluginNotFoundException if none has that name; it lists the available names
   */
  public UpdatePluginProvider require(String name) {
    UpdatePluginProvider provider = providers.get(name);
    if (provider == null) {
      throw new PluginNotFoundException(name, names);
    }
    return provider;
  }

  /**
   * Returns the names of every plug-in.
   *
   * @return the names, sorted
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns what went wrong while discovering plug-ins that were skipped.
   *
   * @return one message per provider that could not be loaded or named, in discovery order;
   *     empty if there was none
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "PluginRegistry" + names + (problems.isEmpty() ? "" : " (" + problems.size()
        + (problems.size() == 1 ? " problem)" : " problems)"));
  }

  /**
   * Collects plug-ins for a {@link PluginRegistry}.
   *
   * <p>A builder is not thread-safe; use it from one thread, then share the registry it builds.
   */
  @API(status = MAINTAINED, since = "0.1.0")
  public static final class Builder {
    private final Map<String, List<UpdatePluginProvider>> discovered = new LinkedHashMap<>();
    private final Map<String, UpdatePluginProvider> explicit = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the plug-ins {@link ServiceLoader} finds through a class loader, now.
     *
     * <p>A provider that cannot be loaded or named is skipped and reported in
     * {@link PluginRegistry#problems()}. Finding the same provider class again, for example
     * through a second class loader that delegates to the first, is not a conflict.
     *
     * @param loader the class loader whose {@code META-INF/services} entries and module
     *     {@code provides} clauses are searched
     * @return this builder
     * @throws PluginRegistrationException if a discovered provider has a blank name
     */
    public Builder discover(ClassLoader loader) {
      Objects.requireNonNull(loader, "loader");
      Iterator<UpdatePluginProvider> iterator;
      try {
        iterator = ServiceLoader.load(UpdatePluginProvider.class, loader).iterator();
      } catch (ServiceConfigurationError e) {
        problem("Cannot search for update plug-ins: " + describe(e), e);
        return this;
      }
      int failuresInARow = 0;
      while (true) {
        UpdatePluginProvider provider;
        try {
          if (!iterator.hasNext()) {
            break;
          }
          provider = iterator.next();
          failuresInARow = 0;
        } catch (ServiceConfigurationError | LinkageError e) {
          problem("Skipped an update plug-in provider that cannot be loaded: " + describe(e), e);
          if (++failuresInARow >= MAX_CONSECUTIVE_FAILURES) {
            problem("Stopped searching for update plug-ins after " + failuresInARow
                + " failures in a row", null);
            break;
          }
          continue;
        }
        accept(provider);
      }
      return this;
    }

    /**
     * Adds a plug-in explicitly. It wins over any discovered plug-in of the same name.
     *
     * @param provider the plug-in's provider
     * @return this builder
     * @throws PluginRegistrationException if its name is blank, or another provider was
     *     registered explicitly with the same name
     */
    public Builder register(UpdatePluginProvider provider) {
      Objects.requireNonNull(provider, "provider");
      String name = checkedName(provider, provider.name(), "registered");
      UpdatePluginProvider earlier = explicit.get(name);
      if (earlier != null) {
        throw new PluginRegistrationException("Update plug-in \"" + name
            + "\" is registered explicitly twice, by \"" + earlier.getClass().getName()
            + "\" and by \"" + provider.getClass().getName() + "\"; register one only");
      }
      explicit.put(name, provider);
      LOG.debug("Registered update plug-in \"{}\" ({})", name, provider.getClass().getName());
      return this;
    }

    /**
     * Creates the registry.
     *
     * @return a registry of every plug-in added so far
     * @throws PluginRegistrationException if two discovered providers share a name that no
     *     explicit registration overrides
     */
    public PluginRegistry build() {
      Map<String, UpdatePluginProvider> chosen = new LinkedHashMap<>();
      discovered.forEach((name, candidates) -> {
        UpdatePluginProvider override = explicit.get(name);
        if (override != null) {
          LOG.debug("Update plug-in \"{}\" registered explicitly ({}) overrides the discovered {}",
              name, override.getClass().getName(), classNames(candidates));
        } else if (candidates.size() > 1) {
          throw new PluginRegistrationException("Update plug-in \"" + name
              + "\" is provided by more than one class: " + classNames(candidates)
              + "; remove all but one from the class path, or register one explicitly");
        } else {
          chosen.put(name, candidates.get(0));
        }
      });
      chosen.putAll(explicit);
      return new PluginRegistry(chosen, problems);
    }

    private void accept(UpdatePluginProvider provider) {
      Class<?> type = provider.getClass();
      @Nullable String reported;
      try {
        reported = provider.name();
      } catch (RuntimeException | LinkageError e) {
        problem("Skipped update plug-in provider \"" + type.getName()
            + "\" because its name() failed: " + describe(e), e);
        return;
      }
      String name = checkedName(provider, reported, "discovered");
      List<UpdatePluginProvider> candidates =
          discovered.computeIfAbsent(name, k -> new ArrayList<>());
      if (candidates.stream().anyMatch(c -> c.getClass() == type)) {
        LOG.debug("Update plug-in \"{}\" ({}) was already discovered", name, type.getName());
        return;
      }
      candidates.add(provider);
      LOG.debug("Discovered update plug-in \"{}\" ({})", name, type.getName());
    }

    /** Records and logs a problem, once if the same one happens several times in a row. */
    private void problem(String message, @Nullable Throwable cause) {
      if (!problems.isEmpty() && problems.get(problems.size() - 1).equals(message)) {
        return;
      }
      problems.add(message);
      LOG.warn(message, cause);
    }

    private static String checkedName(
        UpdatePluginProvider provider, @Nullable String name, String how) {
      if (name == null || name.isBlank()) {
        throw new PluginRegistrationException("Update plug-in provider \""
            + provider.getClass().getName() + "\" (" + how + ") has a blank name; "
            + "name() must return the plug-in's stable, non-blank name");
      }
      return name;
    }

    /** Describes a failure with its cause, which for a provider's constructor says the most. */
    private static String describe(Throwable e) {
      String message = e.getMessage();
      String text = message != null ? message : e.getClass().getName();
      Throwable cause = e.getCause();
      return cause == null ? text : text + ": " + cause;
    }

    private static String classNames(List<UpdatePluginProvider> providers) {
      return providers.stream()
          .map(p -> "\"" + p.getClass().getName() + "\"")
          .collect(Collectors.joining(", "));
    }
  }
}
