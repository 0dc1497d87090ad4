package dev.cau.plugin.hotfix;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArguments;
import java.time.Duration;
import java.util.Optional;

/**
 * The hotfix plug-in's arguments, checked: every problem is refused before any node is touched,
 * with a message that names the argument, the value and what is allowed.
 *
 * @param rootFolder the hotfix root folder, a UNC path ({@code \\server\share\folder}) or a local
 *     path ({@code D:\Hotfixes}), without a trailing separator
 * @param configFileName the configuration file's name inside the root folder
 * @param installerTimeout how long one installer may run before it is stopped
 * @param requireSmbEncryption whether the share must require encryption (signing is not enough)
 * @param disableAclChecks whether the access-list checks are off (needed for a DFS path)
 */
record HotfixArguments(
    String rootFolder, String configFileName, Duration installerTimeout, boolean requireSmbEncryption,
    boolean disableAclChecks) {
  /** The longest installer timeout accepted: a week, in minutes. */
  static final int MAX_TIMEOUT_MINUTES = 7 * 24 * 60;

  static HotfixArguments from(PluginArguments arguments) {
    String root = arguments.get(HotfixPluginProvider.ROOT_FOLDER_PATH).orElseThrow(() -> invalid(
        HotfixPluginProvider.ROOT_FOLDER_PATH, "absent", "given, as the plug-in requires it"));
    rootProblem(root).ifPresent(problem -> {
      throw invalid(HotfixPluginProvider.ROOT_FOLDER_PATH, "\"" + root + "\"",
          "a UNC path such as \\\\server\\share\\Hotfixes or a local path such as D:\\Hotfixes (" + problem + ")");
    });
    String config = arguments.get(HotfixPluginProvider.CONFIG_FILE_NAME).orElse(HotfixPluginProvider.DEFAULT_CONFIG_FILE);
    WindowsNames.problem(config).ifPresent(problem -> {
      throw invalid(HotfixPluginProvider.CONFIG_FILE_NAME, "\"" + config + "\"",
          "the name of a file in the root folder, without a path (" + problem + ")");
    });
    String minutes = arguments.get(HotfixPluginProvider.INSTALLER_TIMEOUT_MINUTES)
        .orElse(String.valueOf(HotfixPluginProvider.DEFAULT_TIMEOUT_MINUTES));
    int timeout;
    try {
      timeout = Integer.parseInt(minutes.strip());
    } catch (NumberFormatException e) {
      timeout = -1;
    }
    if (timeout < 1 || timeout > MAX_TIMEOUT_MINUTES) {
      throw invalid(HotfixPluginProvider.INSTALLER_TIMEOUT_MINUTES, "\"" + minutes + "\"",
          "a whole number of minutes from 1 to " + MAX_TIMEOUT_MINUTES);
    }
    return new HotfixArguments(trimSeparators(root), config, Duration.ofMinutes(timeout),
        arguments.getBoolean(HotfixPluginProvider.REQUIRE_SMB_ENCRYPTION).orElse(false),
        arguments.getBoolean(HotfixPluginProvider.DISABLE_ACL_CHECKS).orElse(false));
  }

  /** The full path of something in the root folder, by its path relative to the root, with {@code \}. */
  String resolve(String relativePath) {
    return relativePath.isEmpty() ? rootFolder : rootFolder + "\\" + relativePath;
  }

  /** The configuration file's full path. */
  String configPath() {
    return resolve(configFileName);
  }

  /** Says why a root folder path is refused, or empty if it is accepted. */
  static Optional<String> rootProblem(String root) {
    if (root.isBlank()) {
      return Optional.of("it is blank");
    }
    if (!root.equals(root.strip())) {
      return Optional.of("it has spaces around it");
    }
    String path = trimSeparators(root);
    if (path.startsWith("\\\\?\\") || path.startsWith("\\\\.\\")) {
      return Optional.of("device and long-path prefixes are not accepted");
    }
    String[] parts;
    if (path.startsWith("\\\\")) {
      parts = path.substring(2).split("\\\\", -1);
      if (parts.length < 2) {
        return Optional.of("a UNC path names a server and a share");
      }
    } else if (path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(0) < 0x80
        && path.charAt(1) == ':' && path.charAt(2) == '\\') {
      parts = path.substring(3).split("\\\\", -1);
      if (parts.length == 1 && parts[0].isEmpty()) {
        return Optional.of("the root of a drive is not a hotfix root folder");
      }
    } else {
      return Optional.of("it is neither a UNC path nor a path on a drive");
    }
    for (String part : parts) {
      Optional<String> problem = WindowsNames.installerProblem(part);
      if (problem.isPresent()) {
        return Optional.of("\"" + part + "\": " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static String trimSeparators(String path) {
    String p = path;
    while (p.length() > 3 && p.endsWith("\\")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static InvalidOptionsException invalid(String argument, String value, String allowed) {
    return new InvalidOptionsException("CauPluginArguments[" + HotfixPluginProvider.NAME + "]." + argument, value, allowed);
  }
}
