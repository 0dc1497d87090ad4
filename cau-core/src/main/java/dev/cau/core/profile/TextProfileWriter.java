package dev.cau.core.profile;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes run options in the readable profile format: a header, then every profile key with its
 * current value in {@link ProfileKeys#KEYS} order, so that a saved profile documents itself.
 *
 * <p>The value of a secret plug-in argument is never written; a comment names the argument.
 */
final class TextProfileWriter {
  private TextProfileWriter() {}

  /**
   * Returns the lines of a profile.
   *
   * @param options the options to write
   * @param registry the plug-ins, whose descriptors say which arguments are secret
   * @return the lines, without line ends
   * @throws dev.cau.api.PluginNotFoundException if a plug-in with arguments is not in the
   *     registry, so that which of them are secret is unknown
   * @throws InvalidProfileException if a value holds a line break or other control character,
   *     which a line cannot hold
   */
  static List<String> lines(RunOptions options, PluginRegistry registry) {
    List<String> lines = new ArrayList<>(List.of(
        "# cau4j updating run profile",
        "# One \"Key = Value\" a line, with CAU's parameter names; lines starting with # are comments.",
        "# Durations: ISO-8601 (PT1H30M) or hh:mm:ss; lists: comma-separated; \"quotes\" keep spaces.",
        "# A profile never holds credentials, the self-updating schedule, ClusterName or NodeOrder.",
        ""));
    boolean extras = false;
    for (ProfileKeys.Key<?> key : ProfileKeys.KEYS) {
      if (!key.isCau() && !extras) {
        extras = true;
        lines.add("");
        lines.add("# cau4j and System Center VMM options");
      }
      if (!key.isWritten()) {
        continue;
      }
      Optional<String> text = key.text(options);
      if (text.isPresent()) {
        lines.add(key.name() + " = " + writable(key.name(), text.get()));
      } else {
        lines.add("# " + key.name() + " = (not set: " + key.unsetMeaning() + ")");
      }
      if (key.name().equals("CauPluginName")) {
        pluginArguments(options, registry, lines);
      }
    }
    return List.copyOf(lines);
  }

  private static void pluginArguments(RunOptions options, PluginRegistry registry, List<String> lines) {
    for (PluginSelection plugin : options.plugins()) {
      if (plugin.arguments().isEmpty()) {
        continue;
      }
      UpdatePluginProvider provider = registry.require(plugin.name());
      Map<String, PluginArgument> descriptors = new HashMap<>();
      for (PluginArgument descriptor : provider.arguments()) {
        descriptors.put(descriptor.name().toLowerCase(Locale.ROOT), descriptor);
      }
      for (Map.Entry<String, String> argument : plugin.arguments().entrySet()) {
        String key = ProfileKeys.PLUGIN_ARGUMENTS_PREFIX + plugin.name() + "." + argument.getKey();
        checkName(key);
        PluginArgument descriptor = descriptors.get(argument.getKey().toLowerCase(Locale.ROOT));
        if (descriptor == null) {
          lines.add("# " + key + " was not written: " + plugin.name() + " declares no such argument");
        } else if (descriptor.secret()) {
          lines.add("# " + key + " was not written: it is secret; give it when you request the run");
        } else {
          lines.add(key + " = " + writable(key, ProfileText.quote(argument.getValue(), false)));
        }
      }
    }
  }

  private static void checkName(String key) {
    String name = key.substring(ProfileKeys.PLUGIN_ARGUMENTS_PREFIX.length());
    if (ProfileText.hasControlCharacter(name) || name.indexOf('=') >= 0 || !name.equals(name.strip())
        || name.endsWith(".")) {
      throw new InvalidProfileException("Cannot write the profile: plug-in argument " + '"' + name
          + "\" has a name a profile line cannot hold (an \"=\", a control character, or spaces at"
          + " either end)", null, null);
    }
  }

  private static String writable(String key, String text) {
    if (ProfileText.hasControlCharacter(text)) {
      throw new InvalidProfileException("Cannot write the profile: the value of " + key
          + " holds a line break or other control character, which a profile line cannot hold",
          null, null);
    }
    return text;
  }
}
