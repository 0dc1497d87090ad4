package dev.cau.plugin.hotfix;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Provides CAU's hotfix plug-in, {@value #NAME}: hotfixes, drivers, firmware and BIOS updates
 * from a hotfix root folder, checked before anything runs.
 *
 * <p>Arguments, as CAU names them:
 *
 * <ul>
 *   <li>{@value #ROOT_FOLDER_PATH} (required): the root folder, {@code \\server\share\folder} or a
 *       local path; a DFS path only with {@value #DISABLE_ACL_CHECKS};
 *   <li>{@value #CONFIG_FILE_NAME} (default {@value #DEFAULT_CONFIG_FILE}): the configuration
 *       file in the root folder;
 *   <li>{@value #INSTALLER_TIMEOUT_MINUTES} (default 30): how long one installer may run;
 *   <li>{@value #REQUIRE_SMB_ENCRYPTION} (default {@code False}): demand encryption, not only
 *       signing, of the share;
 *   <li>{@value #DISABLE_ACL_CHECKS} (default {@code False}): skip the access-list checks.
 * </ul>
 */
public final class HotfixPluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Microsoft.HotfixPlugin";

  /** The argument that names the hotfix root folder. */
  public static final String ROOT_FOLDER_PATH = "HotfixRootFolderPath";

  /** The argument that names the configuration file. */
  public static final String CONFIG_FILE_NAME = "HotfixConfigFileName";

  /** The argument that bounds an installer's run time, in minutes. */
  public static final String INSTALLER_TIMEOUT_MINUTES = "HotfixInstallerTimeoutMinutes";

  /** The argument that demands SMB encryption of the share. */
  public static final String REQUIRE_SMB_ENCRYPTION = "RequireSmbEncryption";

  /** The argument that turns the access-list checks off. */
  public static final String DISABLE_ACL_CHECKS = "DisableAclChecks";

  /** The configuration file's default name. */
  public static final String DEFAULT_CONFIG_FILE = "DefaultHotfixConfig.xml";

  /** The default installer timeout, in minutes. */
  public static final int DEFAULT_TIMEOUT_MINUTES = 30;

  private static final List<PluginArgument> ARGUMENTS = List.of(
      PluginArgument.required(ROOT_FOLDER_PATH, ArgumentType.STRING,
          "The hotfix root folder: a UNC path \\\\server\\share\\folder or a local path."),
      PluginArgument.optional(CONFIG_FILE_NAME, ArgumentType.STRING, DEFAULT_CONFIG_FILE,
          "The name of the configuration file in the root folder."),
      PluginArgument.optional(INSTALLER_TIMEOUT_MINUTES, ArgumentType.INTEGER, String.valueOf(DEFAULT_TIMEOUT_MINUTES),
          "How many minutes one installer may run before it is stopped and its update fails."),
      PluginArgument.optional(REQUIRE_SMB_ENCRYPTION, ArgumentType.BOOLEAN, "False",
          "Whether the share must require SMB encryption; signing is then not enough."),
      PluginArgument.optional(DISABLE_ACL_CHECKS, ArgumentType.BOOLEAN, "False",
          "Whether to skip the checks of who may change the root folder; needed for a DFS path."));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public HotfixPluginProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<PluginArgument> arguments() {
    return ARGUMENTS;
  }

  /**
   * Creates the plug-in for a run, after checking its arguments.
   *
   * @param arguments the run's arguments for this plug-in
   * @return the plug-in
   * @throws dev.cau.api.InvalidOptionsException naming the argument, the value and what is
   *     allowed, if an argument is refused
   */
  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new HotfixPlugin(HotfixArguments.from(arguments));
  }

  /**
   * Returns cau4j's default configuration file: {@code wusa} for {@code .msu}, {@code msiexec}
   * for {@code .msi} and {@code .msp}, with the exit codes their documentation gives. It is our
   * file, not Microsoft's {@code DefaultHotfixConfig.xml}, whose text no public source
   * reproduces.
   *
   * @return the file's text, UTF-8 XML
   */
  public static String defaultConfiguration() {
    try (InputStream in = HotfixPluginProvider.class.getResourceAsStream(DEFAULT_CONFIG_FILE)) {
      if (in == null) {
        throw new IllegalStateException("The plug-in's jar lacks its " + DEFAULT_CONFIG_FILE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
