package dev.cau.core.profile;

import static dev.cau.core.profile.ValueConverter.quoted;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.RebootMode;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.text.Counts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Run options being assembled from one profile's entries, with the messages that say where in
 * the profile a problem is. Keys that combine (the
 * {@code ForcePause…} switches, {@code AttemptSoftReboot} with {@code RebootMode}, plug-in
 * names with their arguments) are collected and given to the builder at the end.
 */
final class ProfileAssembly {
  private final String source;
  private final RunOptions.Builder builder = RunOptions.builder();
  /** Where each key's value was, by CAU's spelling, to place errors of {@code build()}. */
  private final Map<String, String> valueWhere = new HashMap<>();
  private final Map<PauseMode, ProfileValue.Entry> pauseSwitches = new EnumMap<>(PauseMode.class);
  private ProfileValue.@Nullable Entry softReboot;
  private @Nullable RebootMode rebootMode;
  private ProfileValue.@Nullable Entry rebootModeEntry;
  private @Nullable List<String> pluginNames;
  private ProfileValue.@Nullable Entry pluginNamesEntry;
  private ProfileValue.@Nullable Entry pluginArguments;
  private final List<ProfileValue.Entry> dottedArguments = new ArrayList<>();

  /**
   * Starts assembling.
   *
   * @param source how messages name the profile, such as {@code Profile} or
   *     {@code CLIXML profile "DefaultParameters.xml"}
   */
  ProfileAssembly(String source) {
    this.source = source;
  }

  /**
   * Turns a profile's entries into run options.
   *
   * @param entries the entries in the order they were found
   * @return the options
   * @throws InvalidProfileException if a key is refused, unknown or given twice, or a value is not
   *     allowed
   */
  RunOptions assemble(List<ProfileValue.Entry> entries) {
    Map<String, ProfileValue.Entry> seen = new HashMap<>();
    for (ProfileValue.Entry entry : entries) {
      String key = entry.key();
      String prefix = ProfileKeys.PLUGIN_ARGUMENTS_PREFIX;
      if (key.regionMatches(true, 0, prefix, 0, prefix.length())) {
        dottedArguments.add(entry);
        continue;
      }
      String refusal = ProfileKeys.refusal(key);
      if (refusal != null) {
        throw error(entry.where(), entry.where() + ": " + quoted(key)
            + " is not allowed in a profile: " + refusal, null);
      }
      ProfileKeys.Key<?> known = ProfileKeys.find(key);
      if (known == null) {
        throw error(entry.where(), entry.where() + ": unknown key " + quoted(key)
            + "; a profile may hold " + String.join(", ", ProfileKeys.names())
            + ", and plug-in arguments as " + prefix + "<PluginName>.<ArgumentName>",
            null);
      }
      ProfileValue.Entry earlier = seen.putIfAbsent(known.name(), entry);
      if (earlier != null) {
        throw error(entry.where(), quoted(known.name()) + " is given twice, at "
            + earlier.where() + " and at " + entry.where() + "; give each key once", null);
      }
      valueWhere.put(known.name(), entry.value().where());
      if (!(entry.value() instanceof ProfileValue.Nil)) {
        known.apply(this, entry);
      }
    }
    return finish();
  }

  /** Returns the builder, for the keys that set one option each. */
  RunOptions.Builder builder() {
    return builder;
  }

  private RunOptions finish() {
    applyPauseSwitches();
    applyRebootMode();
    applyPlugins();
    try {
      return builder.build();
    } catch (InvalidOptionsException e) {
      String where = valueWhere.get(e.option());
      if (where == null) {
        throw error(null, String.valueOf(e.getMessage()), e);
      }
      throw refused(where, e);
    }
  }

  void pauseSwitch(PauseMode mode, boolean on, ProfileValue.Entry entry) {
    if (on) {
      pauseSwitches.put(mode, entry);
    }
  }

  private void applyPauseSwitches() {
    if (pauseSwitches.size() > 1) {
      List<Map.Entry<PauseMode, ProfileValue.Entry>> on = new ArrayList<>(pauseSwitches.entrySet());
      Map.Entry<PauseMode, ProfileValue.Entry> first = on.get(0);
      Map.Entry<PauseMode, ProfileValue.Entry> second = on.get(1);
      throw error(second.getValue().where(), quoted(first.getKey().cauName()) + " ("
          + first.getValue().where() + ") and " + quoted(second.getKey().cauName()) + " ("
          + second.getValue().where() + ") are both True; set at most one ForcePause switch", null);
    }
    for (PauseMode mode : pauseSwitches.keySet()) {
      builder.pauseMode(mode);
    }
  }

  void attemptSoftReboot(boolean on, ProfileValue.Entry entry) {
    if (on) {
      softReboot = entry;
    }
  }

  void rebootMode(RebootMode mode, ProfileValue.Entry entry) {
    rebootMode = mode;
    rebootModeEntry = entry;
  }

  private void applyRebootMode() {
    ProfileValue.Entry soft = softReboot;
    ProfileValue.Entry modeEntry = rebootModeEntry;
    if (soft != null && modeEntry != null && rebootMode == RebootMode.FULL) {
      throw error(modeEntry.where(), quoted("AttemptSoftReboot") + " (" + soft.where()
          + ") asks for a soft reboot, but " + quoted("RebootMode") + " (" + modeEntry.where()
          + ") is FullReboot; give only one of them", null);
    }
    RebootMode mode = rebootMode;
    if (mode != null) {
      builder.rebootMode(mode);
    } else if (soft != null) {
      builder.attemptSoftReboot(true);
    }
  }

  void pluginNames(List<String> names, ProfileValue.Entry entry) {
    pluginNames = names;
    pluginNamesEntry = entry;
  }

  void pluginArguments(ProfileValue.Entry entry) {
    pluginArguments = entry;
  }

  private void applyPlugins() {
    List<String> names = pluginNames;
    ProfileValue.Entry namesEntry = pluginNamesEntry;
    if (names == null) {
      names = List.of(RunOptions.DEFAULT_PLUGIN);
    }
    List<Map<String, String>> arguments = new ArrayList<>();
    List<Map<String, String>> argumentWhere = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      arguments.add(new LinkedHashMap<>());
      argumentWhere.add(new HashMap<>());
    }
    ProfileValue.Entry structured = pluginArguments;
    if (structured != null) {
      List<ProfileValue> tables = tables(structured.value(), names);
      for (int i = 0; i < tables.size(); i++) {
        ProfileValue table = tables.get(i);
        if (table instanceof ProfileValue.Nil) {
          continue;
        }
        if (!(table instanceof ProfileValue.Table hashtable)) {
          throw error(table.where(), table.where() + " is " + ValueConverter.describeShape(table)
              + ", but each item of CauPluginArguments must be a hashtable", null);
        }
        for (ProfileValue.Entry argument : hashtable.entries()) {
          addArgument(names.get(i), argument.key(), argument, arguments.get(i), argumentWhere.get(i));
        }
      }
    }
    for (ProfileValue.Entry dotted : dottedArguments) {
      String rest = dotted.key().substring(ProfileKeys.PLUGIN_ARGUMENTS_PREFIX.length());
      int plugin = -1;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        boolean matches = rest.length() > name.length() + 1
            && rest.regionMatches(true, 0, name, 0, name.length())
            && rest.charAt(name.length()) == '.';
        if (matches && (plugin < 0 || name.length() > names.get(plugin).length())) {
          plugin = i;
        }
      }
      if (plugin < 0) {
        throw error(dotted.where(), dotted.where() + ": " + quoted(dotted.key())
            + " names no plug-in of CauPluginName (" + String.join(", ", names)
            + "); write " + ProfileKeys.PLUGIN_ARGUMENTS_PREFIX
            + "<PluginName>.<ArgumentName> = value", null);
      }
      String argument = rest.substring(names.get(plugin).length() + 1);
      addArgument(names.get(plugin), argument, dotted, arguments.get(plugin), argumentWhere.get(plugin));
    }
    boolean anyArguments = arguments.stream().anyMatch(m -> !m.isEmpty());
    if (namesEntry == null && !anyArguments) {
      return;
    }
    String where = namesEntry != null ? namesEntry.value().where()
        : structured != null ? structured.value().where()
        : dottedArguments.get(0).where();
    for (int i = 0; i < names.size(); i++) {
      try {
        builder.plugin(new PluginSelection(names.get(i), arguments.get(i)));
      } catch (InvalidOptionsException e) {
        throw refused(where, e);
      }
    }
  }

  private List<ProfileValue> tables(ProfileValue value, List<String> names) {
    List<ProfileValue> tables;
    if (value instanceof ProfileValue.Table) {
      tables = List.of(value);
    } else if (value instanceof ProfileValue.Items list) {
      tables = list.items();
    } else {
      // The value is not shown: plug-in arguments may be secrets.
      if (value instanceof ProfileValue.Scalar s && s.type().equals(ProfileValue.TEXT)) {
        throw error(value.where(), value.where() + ": write each plug-in argument on a line of its own, as "
            + ProfileKeys.PLUGIN_ARGUMENTS_PREFIX + "<PluginName>.<ArgumentName> = value", null);
      }
      throw error(value.where(), value.where() + " is not a hashtable; CauPluginArguments"
          + " takes one hashtable per plug-in, in the order of CauPluginName", null);
    }
    if (tables.size() > names.size()) {
      throw error(value.where(), value.where() + " holds " + Counts.of(tables.size(), "hashtable")
          + ", but CauPluginName names " + Counts.of(names.size(), "plug-in") + " (" + String.join(", ", names)
          + "); give one hashtable per plug-in, in the same order", null);
    }
    return tables;
  }

  private void addArgument(String plugin, String name, ProfileValue.Entry entry,
      Map<String, String> arguments, Map<String, String> where) {
    ProfileValue value = entry.value();
    if (value instanceof ProfileValue.Nil) {
      return;
    }
    if (!(value instanceof ProfileValue.Scalar scalar)) {
      throw error(value.where(), value.where() + " is " + ValueConverter.describeShape(value)
          + ", but a plug-in argument takes one value", null);
    }
    if (name.isBlank()) {
      throw error(entry.where(), entry.where() + ": a plug-in argument of " + quoted(plugin)
          + " has no name", null);
    }
    String earlier = where.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.where());
    if (earlier != null) {
      throw error(entry.where(), "argument " + quoted(name) + " of plug-in " + quoted(plugin)
          + " is given twice, at " + earlier + " and at " + entry.where()
          + " (names match regardless of letter case)", null);
    }
    arguments.put(name, text(scalar, false));
  }

  /** Returns a value's text, with the readable format's quotes removed. */
  String text(ProfileValue.Scalar s) {
    return text(s, true);
  }

  /**
   * Returns a value's text, with the readable format's quotes removed.
   *
   * @param s the value
   * @param show whether an error may show the value; never for a plug-in argument, which may be
   *     a secret
   */
  private String text(ProfileValue.Scalar s, boolean show) {
    if (!s.type().equals(ProfileValue.TEXT)) {
      return s.text();
    }
    try {
      return ProfileText.unquote(s.text());
    } catch (ProfileText.BadTextException e) {
      throw error(s.where(), s.where() + (show ? " " + s.text() : "") + " " + e.getMessage(), null);
    }
  }

  InvalidProfileException error(@Nullable String where, String text, @Nullable Throwable cause) {
    return new InvalidProfileException(source + ": " + text, where, cause);
  }

  InvalidProfileException refused(String where, InvalidOptionsException e) {
    return error(where, where + ": " + e.getMessage(), e);
  }
}
