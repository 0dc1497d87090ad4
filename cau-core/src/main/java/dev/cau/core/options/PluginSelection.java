package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One plug-in a run uses, with its arguments: one entry of CAU's {@code CauPluginName} with the
 * {@code CauPluginArguments} hashtable at the same position.
 *
 * @param name the plug-in's name, such as {@code Microsoft.WindowsUpdatePlugin}
 * @param arguments the argument values by name, as text
 */
@API(status = MAINTAINED, since = "0.1.0")
public record PluginSelection(String name, Map<String, String> arguments) {
  /**
   * Checks the name and copies the arguments, keeping their order.
   *
   * @param name the plug-in's name
   * @param arguments the argument values by name
   */
  public PluginSelection {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new dev.cau.api.InvalidOptionsException("CauPluginName", "\"" + name + "\"", "a plug-in name");
    }
    arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /**
   * Selects a plug-in without arguments.
   *
   * @param name the plug-in's name
   * @return the selection
   */
  public static PluginSelection of(String name) {
    return new PluginSelection(name, Map.of());
  }

  @Override
  public String toString() {
    // Argument values may be secrets; only the names are shown.
    return name + arguments.keySet();
  }
}
