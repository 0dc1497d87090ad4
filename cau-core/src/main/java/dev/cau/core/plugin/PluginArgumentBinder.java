package dev.cau.core.plugin;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginRegistrationException;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Checks the arguments a run gives a plug-in against the plug-in's descriptors.
 *
 * <p>It runs before any node is touched. Argument names match regardless of letter case, as
 * PowerShell hashtable keys do; the result spells them as the descriptors do. The value of a
 * secret argument never appears in an exception message: it is shown masked.
 *
 * <p>The class has no state and is safe to use from any thread.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class PluginArgumentBinder {
  private static final String MASK = "********";

  private PluginArgumentBinder() {}

  /**
   * Checks a run's arguments for a plug-in and completes them with defaults.
   *
   * <p>Every given name must be one of the plug-in's arguments, and no two given names may differ
   * only in letter case. Every required argument must be given a non-blank value. A
   * {@link ArgumentType#BOOLEAN} value must be {@code true} or {@code false} in any letter case;
   * an {@link ArgumentType#INTEGER} value must be a whole number that fits in an {@code int}. An
   * optional argument that is not given takes its default, if it has one.
   *
   * @param provider the plug-in whose {@link UpdatePluginProvider#arguments()} are checked against
   * @param given the run's values by argument name, such as one {@code CauPluginArguments}
   *     hashtable; names in any letter case
   * @return the values by the descriptors' names, with defaults filled in and secret arguments
   *     marked secret, in the order of the descriptors, naming the plug-in
   *     ({@link PluginArguments#forPlugin(String)})
   * @throws InvalidOptionsException if a given name is unknown or given twice, a required
   *     argument is missing or blank, or a value does not fit its argument's type
   * @throws PluginRegistrationException if the plug-in describes one argument name twice, or
   *     declares a default that does not fit its argument's type
   */
  public static PluginArguments bind(UpdatePluginProvider provider, Map<String, String> given) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(given, "given");
    String option = "CauPluginArguments[" + provider.name() + "]";
    Map<String, PluginArgument> descriptors = descriptorsByKey(provider);

    Map<String, String> givenNames = new LinkedHashMap<>();
    Map<String, String> givenValues = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    // Sorted, so that the same arguments always fail the same way.
    new TreeMap<>(given).forEach((name, value) -> {
      Objects.requireNonNull(value, () -> "value of " + option + " entry \"" + name + "\"");
      String key = key(name);
      if (!descriptors.containsKey(key)) {
        unknown.add(name);
        return;
      }
      String earlier = givenNames.putIfAbsent(key, name);
      if (earlier != null) {
        throw new InvalidOptionsException(option, quoted(List.of(earlier, name)),
            "given each argument once (names are matched regardless of letter case)");
      }
      givenValues.put(key, value);
    });
    if (!unknown.isEmpty()) {
      throw new InvalidOptionsException(option, quoted(unknown), descriptors.isEmpty()
          ? "empty, as the plug-in takes no arguments"
          : "limited to the argument names " + quoted(descriptors.values().stream()
              .map(PluginArgument::name).collect(Collectors.toList()))
              + " (in any letter case)");
    }

    Map<String, String> values = new LinkedHashMap<>();
    Set<String> secretNames = new HashSet<>();
    for (Map.Entry<String, PluginArgument> entry : descriptors.entrySet()) {
      PluginArgument argument = entry.getValue();
      String value = givenValues.get(entry.getKey());
      if (value == null) {
        value = defaultOf(provider, argument, option);
        if (value == null) {
          continue;
        }
      } else {
        checkGiven(argument, value, option);
      }
      values.put(argument.name(), value);
      if (argument.secret()) {
        secretNames.add(argument.name());
      }
    }
    return PluginArguments.of(values, secretNames).forPlugin(provider.name());
  }

  private static Map<String, PluginArgument> descriptorsByKey(UpdatePluginProvider provider) {
    Map<String, PluginArgument> byKey = new LinkedHashMap<>();
    for (PluginArgument argument : provider.arguments()) {
      PluginArgument earlier = byKey.putIfAbsent(key(argument.name()), argument);
      if (earlier != null) {
        throw new PluginRegistrationException("Update plug-in \"" + provider.name() + "\" (\""
            + provider.getClass().getName() + "\") describes argument \"" + earlier.name()
            + "\" twice, the second time as \"" + argument.name()
            + "\"; argument names are matched regardless of letter case");
      }
    }
    return byKey;
  }

  /** Checks a value a run gave. */
  private static void checkGiven(PluginArgument argument, String value, String option) {
    String argumentOption = option + "." + argument.name();
    if (argument.required() && value.isBlank()) {
      throw new InvalidOptionsException(
          argumentOption, "blank", "given a value, as the plug-in requires it");
    }
    String allowed = typeProblem(argument.type(), value);
    if (allowed != null) {
      throw new InvalidOptionsException(argumentOption, shown(argument, value), allowed);
    }
  }

  /** Returns the value of an argument a run did not give, or null if it stays absent. */
  private static @Nullable String defaultOf(
      UpdatePluginProvider provider, PluginArgument argument, String option) {
    if (argument.required()) {
      throw new InvalidOptionsException(option + "." + argument.name(), "absent",
          "given, as the plug-in requires it");
    }
    String value = argument.defaultValue();
    if (value == null) {
      return null;
    }
    String allowed = typeProblem(argument.type(), value);
    if (allowed != null) {
      throw new PluginRegistrationException("Update plug-in \"" + provider.name() + "\" (\""
          + provider.getClass().getName() + "\") declares the default "
          + shown(argument, value) + " for its " + argument.type() + " argument \""
          + argument.name() + "\", which must be " + allowed);
    }
    return value;
  }

  /**
   * Checks a value against an argument type, as binding does.
   *
   * @param type the argument's type
   * @param value the value as text
   * @return what a value of the type must be if this one does not fit, or {@code null} if it does
   */
  public static @Nullable String typeProblem(ArgumentType type, String value) {
    return type.problemWith(value).orElse(null);
  }

  private static String shown(PluginArgument argument, String value) {
    return '"' + (argument.secret() ? MASK : value) + '"';
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> '"' + n + '"').collect(Collectors.joining(", "));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
