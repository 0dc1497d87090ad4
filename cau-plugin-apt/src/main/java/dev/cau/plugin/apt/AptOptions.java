package dev.cau.plugin.apt;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArguments;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plug-in's arguments, checked: every package name matches Debian's syntax, a name is not
 * both allowed and denied, and the flags are {@code True} or {@code False}.
 *
 * @param allowed the packages a run may upgrade; empty means every package
 * @param denied the packages a run never upgrades or installs
 * @param withNewPackages whether an upgrade may install packages the node does not have yet
 * @param distUpgrade whether to plan as {@code dist-upgrade}, which may also remove packages
 * @param updateLists whether a scan refreshes the package lists first
 */
record AptOptions(
    Set<String> allowed, Set<String> denied, boolean withNewPackages, boolean distUpgrade, boolean updateLists) {
  /** The most names a list may hold. */
  static final int MAX_NAMES = 1000;

  AptOptions {
    allowed = Set.copyOf(allowed);
    denied = Set.copyOf(denied);
  }

  /** Options for every package, with the defaults. */
  static final AptOptions DEFAULTS = new AptOptions(Set.of(), Set.of(), false, false, true);

  /**
   * Reads and checks the arguments.
   *
   * @throws InvalidOptionsException naming the argument, the value and the rule
   */
  static AptOptions from(PluginArguments arguments) {
    Set<String> allowed = names(arguments, AptPluginProvider.ALLOW_PACKAGES);
    Set<String> denied = names(arguments, AptPluginProvider.DENY_PACKAGES);
    for (String name : allowed) {
      if (denied.contains(name)) {
        throw new InvalidOptionsException(option(AptPluginProvider.ALLOW_PACKAGES), '"' + name + '"',
            "free of names that " + AptPluginProvider.DENY_PACKAGES + " also lists");
      }
    }
    return new AptOptions(allowed, denied, arguments.getBoolean(AptPluginProvider.WITH_NEW_PACKAGES).orElse(false),
        arguments.getBoolean(AptPluginProvider.INCLUDE_DIST_UPGRADE).orElse(false),
        arguments.getBoolean(AptPluginProvider.UPDATE_PACKAGE_LISTS).orElse(true));
  }

  /** Tells whether a run may touch a package (its name without an architecture qualifier). */
  boolean permits(String packageName) {
    String base = PackageNames.baseName(packageName);
    return !denied.contains(base) && (allowed.isEmpty() || allowed.contains(base));
  }

  static String option(String argument) {
    return "CauPluginArguments[" + AptPluginProvider.NAME + "]." + argument;
  }

  private static Set<String> names(PluginArguments arguments, String argument) {
    String value = arguments.get(argument).orElse("");
    Set<String> names = new LinkedHashSet<>();
    for (String entry : value.split("[,\\s]+", -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (!PackageNames.isName(entry)) {
        throw new InvalidOptionsException(option(argument), '"' + shorten(entry) + '"' + " (in \""
            + shorten(arguments.shown(argument)) + "\")",
            "a list of Debian package names separated by commas or spaces, each matching "
                + PackageNames.NAME_RULE + " and at most " + PackageNames.MAX_LENGTH + " characters");
      }
      names.add(entry);
      if (names.size() > MAX_NAMES) {
        throw new InvalidOptionsException(option(argument), "a list of more than " + MAX_NAMES + " names",
            "a list of at most " + MAX_NAMES + " package names");
      }
    }
    return names;
  }

  /** Keeps messages readable when a value is huge. */
  private static String shorten(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "… (" + value.length() + " characters)";
  }
}
