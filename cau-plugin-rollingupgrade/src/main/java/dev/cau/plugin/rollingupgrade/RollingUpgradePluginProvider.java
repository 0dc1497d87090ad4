package dev.cau.plugin.rollingupgrade;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.List;

/**
 * Provides CAU's rolling-upgrade plug-in, {@value #NAME}: a feature update (a new operating-system
 * version, such as Azure Stack HCI 22H2 to 23H2) installed on one node after another while the
 * cluster keeps its roles.
 *
 * <p>Arguments, as CAU names them:
 *
 * <ul>
 *   <li>{@value #WU_CONNECTED} (default {@code False}): take the feature update from Windows
 *       Update; otherwise from {@value #PATH_TO_SETUP_MEDIA};
 *   <li>{@value #PATH_TO_SETUP_MEDIA}: the extracted setup media (not the ISO file), at the same
 *       path on every node; required unless Windows Update connected. With {@value #MOCK_SETUP}
 *       it names a {@code .ps1} script instead;
 *   <li>{@value #UPDATE_CLUSTER_FUNCTIONAL_LEVEL} (default {@code False}): the administrator's
 *       opt-in to raise the cluster functional level once every node succeeded; the plug-in never
 *       raises it itself, the post-upgrade step of the feature-update flow does, after the
 *       confirmation it demands;
 *   <li>{@value #MOCK_SETUP} (default {@code False}): run the script named by
 *       {@value #PATH_TO_SETUP_MEDIA} on each node in place of setup, with drain, restart and
 *       resume around it and no operating-system change.
 * </ul>
 *
 * <p>Every argument is checked by {@link #create} before any node is touched; that the media
 * path exists on every node is a readiness rule of the plug-in, also checked before any node is
 * touched.
 */
public final class RollingUpgradePluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Microsoft.RollingUpgradePlugin";

  /** The argument that takes the feature update from Windows Update. */
  public static final String WU_CONNECTED = "WuConnected";

  /** The argument that names the setup media (or, with {@link #MOCK_SETUP}, the script). */
  public static final String PATH_TO_SETUP_MEDIA = "PathToSetupMedia";

  /** The argument that opts in to raising the cluster functional level at the end. */
  public static final String UPDATE_CLUSTER_FUNCTIONAL_LEVEL = "UpdateClusterFunctionalLevel";

  /** The argument that runs a script in place of setup. */
  public static final String MOCK_SETUP = "MockSetup";

  /** The argument that says when setup's logs are collected: {@code FailedSetup}, {@code All} or {@code None}. */
  public static final String FEATURE_UPDATE_LOGS = "FeatureUpdateLogs";

  private static final List<PluginArgument> ARGUMENTS = List.of(
      PluginArgument.optional(WU_CONNECTED, ArgumentType.BOOLEAN, "False",
          "Whether the feature update comes from Windows Update; otherwise from PathToSetupMedia."),
      new PluginArgument(PATH_TO_SETUP_MEDIA, ArgumentType.STRING, null, false, false,
          "The extracted setup media (not the ISO file), the same local or UNC path on every node; with"
              + " MockSetup, a .ps1 script. Required unless WuConnected is True."),
      PluginArgument.optional(UPDATE_CLUSTER_FUNCTIONAL_LEVEL, ArgumentType.BOOLEAN, "False",
          "Opt in to raising the cluster functional level (irreversible) once every node succeeded."),
      PluginArgument.optional(MOCK_SETUP, ArgumentType.BOOLEAN, "False",
          "Run the PathToSetupMedia script in place of setup: drain, run, restart and resume each node."),
      PluginArgument.optional(FEATURE_UPDATE_LOGS, ArgumentType.STRING, "FailedSetup",
          "When setup's logs (setuperr.log and setupact.log of its Panther folders, each up to 64 KiB) are"
              + " collected into the node's log: FailedSetup (setup failed, was blocked or rolled back), All"
              + " (also after every upgrade) or None."));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public RollingUpgradePluginProvider() {}

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
   * @throws InvalidOptionsException naming the argument, its value and what is allowed
   */
  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new RollingUpgradePlugin(UpgradeArguments.from(arguments));
  }

  /**
   * Tells whether arguments opt in to raising the cluster functional level at the end of the run,
   * after checking them: what a caller of the feature-update flow reads to offer the final step.
   *
   * @param arguments the run's arguments for this plug-in
   * @return the value of {@value #UPDATE_CLUSTER_FUNCTIONAL_LEVEL}
   * @throws InvalidOptionsException if the arguments are not valid
   */
  public static boolean optsInToFunctionalLevel(PluginArguments arguments) {
    return UpgradeArguments.from(arguments).raiseFunctionalLevel();
  }
}
