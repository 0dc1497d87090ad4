package dev.cau.plugin.apt;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.List;

/**
 * Provides {@value #NAME}: Debian package upgrades with {@code apt-get}, through the node's
 * {@link dev.cau.api.capability.ProgramRunner}, as root ({@link dev.cau.api.capability.RunAs#SYSTEM}).
 *
 * <p>Arguments, checked when the plug-in is created, before any node is touched:
 *
 * <ul>
 *   <li>{@value #ALLOW_PACKAGES} (default empty: every package): the only packages a run
 *       upgrades, separated by commas or spaces;
 *   <li>{@value #DENY_PACKAGES} (default empty): packages a run never upgrades or installs, not
 *       even as a dependency of another upgrade;
 *   <li>{@value #WITH_NEW_PACKAGES} (default {@code False}): an upgrade may install packages the
 *       node does not have yet, as {@code apt-get --with-new-pkgs upgrade} does;
 *   <li>{@value #INCLUDE_DIST_UPGRADE} (default {@code False}): plan as
 *       {@code apt-get dist-upgrade}, which may also remove packages;
 *   <li>{@value #UPDATE_PACKAGE_LISTS} (default {@code True}): run {@code apt-get update} before
 *       each scan.
 * </ul>
 *
 * <p>Every name in the lists must match Debian's package-name syntax
 * ({@code [a-z0-9][a-z0-9+.-]+}); a value such as {@code -oAPT::Update::Pre-Invoke=...} is
 * refused with an {@link dev.cau.api.InvalidOptionsException} that names the argument, the value
 * and the rule.
 */
public final class AptPluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Debian.AptPlugin";

  /** The argument that lists the only packages to upgrade. */
  public static final String ALLOW_PACKAGES = "AllowPackages";

  /** The argument that lists packages never to upgrade or install. */
  public static final String DENY_PACKAGES = "DenyPackages";

  /** The argument that lets an upgrade install new packages. */
  public static final String WITH_NEW_PACKAGES = "WithNewPackages";

  /** The argument that plans as {@code dist-upgrade}. */
  public static final String INCLUDE_DIST_UPGRADE = "IncludeDistUpgrade";

  /** The argument that refreshes the package lists before a scan. */
  public static final String UPDATE_PACKAGE_LISTS = "UpdatePackageLists";

  private static final List<PluginArgument> ARGUMENTS = List.of(
      PluginArgument.optional(ALLOW_PACKAGES, ArgumentType.STRING, "",
          "The only packages to upgrade, separated by commas or spaces; empty for every package."),
      PluginArgument.optional(DENY_PACKAGES, ArgumentType.STRING, "",
          "Packages never to upgrade or install, separated by commas or spaces."),
      PluginArgument.optional(WITH_NEW_PACKAGES, ArgumentType.BOOLEAN, "False",
          "Whether an upgrade may install packages the node does not have yet (apt-get --with-new-pkgs)."),
      PluginArgument.optional(INCLUDE_DIST_UPGRADE, ArgumentType.BOOLEAN, "False",
          "Whether to plan as apt-get dist-upgrade, which may also remove packages."),
      PluginArgument.optional(UPDATE_PACKAGE_LISTS, ArgumentType.BOOLEAN, "True",
          "Whether to run apt-get update before each scan."));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public AptPluginProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<PluginArgument> arguments() {
    return ARGUMENTS;
  }

  /**
   * Creates the plug-in, after checking its arguments.
   *
   * @param arguments the run's arguments, completed with defaults
   * @return the plug-in
   * @throws dev.cau.api.InvalidOptionsException if a list holds a name that is not a Debian
   *     package name, a name is both allowed and denied, or a flag is not {@code True} or
   *     {@code False}; the message names the argument, the value and the rule
   */
  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new AptPlugin(AptOptions.from(arguments));
  }
}
