package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.InvalidOptionsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The argument values a run gives one plug-in, by name, as text.
 *
 * <p>Values named secret are kept but never printed: {@link #toString()} masks them. Arguments
 * may name the plug-in they belong to ({@link #forPlugin(String)}); the engine's do, so that a
 * refused value is named as a run names it, {@code CauPluginArguments[<plug-in>].<argument>}.
 * Equality compares the values and which are secret; the plug-in's name only labels messages.
 */
@API(status = STABLE, since = "0.1.0")
public final class PluginArguments {
  /** No arguments. */
  public static final PluginArguments EMPTY = new PluginArguments(Map.of(), Set.of(), null);


  /** The most characters of a refused value a message shows. */
  private static final int SHOWN_LENGTH = 200;

  private static final String MASK = "********";

  private final Map<String, String> values;
  private final Set<String> secretNames;
  private final @Nullable String pluginName;

  private PluginArguments(Map<String, String> values, Set<String> secretNames, @Nullable String pluginName) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.secretNames = Set.copyOf(secretNames);
    this.pluginName = pluginName;
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
    return new PluginArguments(values, secretNames, null);
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
   * Returns the same arguments, naming the plug-in they belong to in the messages that refuse a
   * value.
   *
   * @param pluginName the plug-in's name, such as {@code Microsoft.HotfixPlugin}
   * @return arguments with the same values and secrets that name the plug-in
   */
  public PluginArguments forPlugin(String pluginName) {
    // Not checked further: a provider's name is the registry's to refuse, with its own message.
    return new PluginArguments(values, secretNames, Objects.requireNonNull(pluginName, "pluginName"));
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
   * Returns the value of an argument read as a boolean, as CAU passes {@code 'True'}: {@code true}
   * or {@code false} in any letter case.
   *
   * @param name the argument's name
   * @return the value, or empty if absent
   * @throws InvalidOptionsException if the value is neither, naming the argument (with the plug-in
   *     if {@link #forPlugin(String)} named it), the value (masked if secret) and what is allowed
   */
  public Optional<Boolean> getBoolean(String name) {
    return get(name).map(v -> {
      PluginArgument.ArgumentType.BOOLEAN.problemWith(v).ifPresent(allowed -> {
        throw new InvalidOptionsException(optionName(name), '"' + shortened(shown(name)) + '"', allowed);
      });
      return Boolean.parseBoolean(v);
    });
  }

  /** Keeps a message readable when a value is huge. */
  private static String shortened(String value) {
    return value.length() <= SHOWN_LENGTH ? value
        : value.substring(0, SHOWN_LENGTH) + "… (" + value.length() + " characters)";
  }

  /** Names an argument as a run does, or by its name alone if the plug-in is unknown. */
  private String optionName(String name) {
    return pluginName == null ? name : "CauPluginArguments[" + pluginName + "]." + name;
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
