package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The argument values a run gives one plug-in, by name, as text.
 *
 * <p>Values named secret are kept but never printed: {@link #toString()} masks them.
 */
@API(status = STABLE, since = "0.1.0")
public final class PluginArguments {
  /** No arguments. */
  public static final PluginArguments EMPTY = new PluginArguments(Map.of(), Set.of());

  private static final String MASK = "********";

  private final Map<String, String> values;
  private final Set<String> secretNames;

  private PluginArguments(Map<String, String> values, Set<String> secretNames) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.secretNames = Set.copyOf(secretNames);
  }

  /**
   * Creates arguments from name-value pairs.
   *
   * @param values the values by argument name
   * @param secretNames the names whose values are secret
   * @return the arguments
   */
  public static PluginArguments of(Map<String, String> values, Set<String> secretNames) {
    values.forEach((k, v) -> {
      Objects.requireNonNull(k, "argument name");
      Objects.requireNonNull(v, "value of argument " + k);
    });
    return new PluginArguments(values, secretNames);
  }

  /**
   * Creates arguments of which none is secret.
   *
   * @param values the values by argument name
   * @return the arguments
   */
  public static PluginArguments of(Map<String, String> values) {
    return of(values, Set.of());
  }

  /**
   * Returns the value of an argument.
   *
   * @param name the argument's name
   * @return its value, or empty if the run gave none and it has no default
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * Returns the value of an argument read as a boolean, as CAU passes {@code 'True'}.
   *
   * @param name the argument's name
   * @return the value, or empty if absent
   * @throws IllegalArgumentException if the value is not {@code true} or {@code false}
   */
  public Optional<Boolean> getBoolean(String name) {
    return get(name).map(v -> {
      if (v.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (v.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException(
          "Plug-in argument \"" + name + "\" must be True or False, but was \"" + shown(name) + "\"");
    });
  }

  /**
   * Returns the names of every argument given.
   *
   * @return the names, in the order they were given
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * Tells whether an argument holds a secret.
   *
   * @param name the argument's name
   * @return {@code true} if its value must never be shown
   */
  public boolean isSecret(String name) {
    return secretNames.contains(name);
  }

  /**
   * Returns the value of an argument as it may be shown: secrets are masked.
   *
   * @param name the argument's name
   * @return the value, or a mask for a secret
   */
  public String shown(String name) {
    return isSecret(name) ? MASK : values.getOrDefault(name, "");
  }

  /**
   * Returns every value as it may be shown, secrets masked, for events and reports.
   *
   * @return the displayable values by name
   */
  public Map<String, String> toDisplayMap() {
    Map<String, String> shown = new LinkedHashMap<>();
    values.keySet().forEach(k -> shown.put(k, shown(k)));
    return Collections.unmodifiableMap(shown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginArguments other
        && values.equals(other.values)
        && secretNames.equals(other.secretNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, secretNames);
  }

  @Override
  public String toString() {
    return new TreeSet<>(values.keySet()).stream()
        .map(k -> k + "=" + shown(k))
        .reduce((a, b) -> a + ", " + b)
        .map(s -> "{" + s + "}")
        .orElse("{}");
  }
}
