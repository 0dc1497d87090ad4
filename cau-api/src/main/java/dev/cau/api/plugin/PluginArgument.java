package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Describes one argument an update plug-in accepts.
 *
 * @param name the argument's name, such as {@code HotfixRootFolderPath}
 * @param type how its text is interpreted
 * @param defaultValue the value used when a run gives none, or {@code null} for no default
 * @param required whether a run must give it
 * @param secret whether the value is a secret that must never appear in logs, events or reports
 * @param description one sentence for operators
 */
@API(status = STABLE, since = "0.1.0")
public record PluginArgument(
    String name,
    ArgumentType type,
    @Nullable String defaultValue,
    boolean required,
    boolean secret,
    String description) {
  /**
   * Checks the components.
   *
   * @param name the argument's name
   * @param type how its text is interpreted
   * @param defaultValue the default value, or {@code null}
   * @param required whether a run must give it
   * @param secret whether the value is a secret
   * @param description one sentence for operators
   */
  public PluginArgument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A plug-in argument name must not be blank");
    }
    if (required && defaultValue != null) {
      throw new IllegalArgumentException(
          "Plug-in argument \"" + name + "\" is required and so cannot have a default");
    }
  }

  /**
   * Describes an optional argument with a default.
   *
   * @param name the argument's name
   * @param type how its text is interpreted
   * @param defaultValue the value used when a run gives none
   * @param description one sentence for operators
   * @return the descriptor
   */
  public static PluginArgument optional(
      String name, ArgumentType type, String defaultValue, String description) {
    return new PluginArgument(name, type, defaultValue, false, false, description);
  }

  /**
   * Describes a required argument.
   *
   * @param name the argument's name
   * @param type how its text is interpreted
   * @param description one sentence for operators
   * @return the descriptor
   */
  public static PluginArgument required(String name, ArgumentType type, String description) {
    return new PluginArgument(name, type, null, true, false, description);
  }

  /** How the text of an argument is interpreted. */
  @API(status = STABLE, since = "0.1.0")
  public enum ArgumentType {
    /** Any text. */
    STRING,
    /** {@code true} or {@code false}, in any letter case, as CAU passes {@code 'True'}. */
    BOOLEAN,
    /** A whole number. */
    INTEGER;

    /**
     * Checks the text of a value against this type: the one rule that binding a run's arguments
     * and {@link PluginArguments}' typed getters both apply.
     *
     * @param value the value as text
     * @return what a value of this type must be, if this one does not fit; empty if it does
     */
    public Optional<String> problemWith(String value) {
      Objects.requireNonNull(value, "value");
      // Comparisons, not a switch: a switch on an enum compiles to a helper class, and cau-api
      // holds interfaces, values and exceptions only.
      if (this == BOOLEAN) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
            ? Optional.empty()
            : Optional.of("True or False (in any letter case)");
      }
      if (this == INTEGER) {
        return isInt(value)
            ? Optional.empty()
            : Optional.of("a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      }
      return Optional.empty();
    }

    private static boolean isInt(String value) {
      try {
        Integer.parseInt(value);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
