package dev.cau.plugin.rollingupgrade;

import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.FEATURE_UPDATE_LOGS;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.MOCK_SETUP;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.PATH_TO_SETUP_MEDIA;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.UPDATE_CLUSTER_FUNCTIONAL_LEVEL;
import static dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider.WU_CONNECTED;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArguments;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rolling-upgrade plug-in's arguments, checked: every problem is refused before any node is
 * touched, with a message that names the argument, the value and what is allowed.
 *
 * @param wuConnected whether the feature update comes from Windows Update
 * @param setupMedia the extracted setup media, or with {@code mockSetup} the script; {@code null}
 *     when Windows Update connected
 * @param raiseFunctionalLevel the opt-in to raise the cluster functional level at the end
 * @param mockSetup whether the script runs in place of setup
 * @param setupLogs when setup's logs are collected into the node's log
 */
record UpgradeArguments(boolean wuConnected, @Nullable String setupMedia, boolean raiseFunctionalLevel,
    boolean mockSetup, SetupLogs.When setupLogs) {
  /** The longest path accepted, Windows' classic limit less room for {@code \sources\setup.exe}. */
  static final int MAX_PATH = 240;

  static UpgradeArguments from(PluginArguments arguments) {
    boolean wu = arguments.getBoolean(WU_CONNECTED).orElse(false);
    boolean mock = arguments.getBoolean(MOCK_SETUP).orElse(false);
    boolean level = arguments.getBoolean(UPDATE_CLUSTER_FUNCTIONAL_LEVEL).orElse(false);
    Optional<String> media = arguments.get(PATH_TO_SETUP_MEDIA);
    String logsValue = arguments.get(FEATURE_UPDATE_LOGS).orElse("FailedSetup");
    SetupLogs.When logs = SetupLogs.When.parse(logsValue).orElseThrow(() -> invalid(FEATURE_UPDATE_LOGS,
        "\"" + logsValue + "\"", "FailedSetup, All or None"));
    if (wu && mock) {
      throw invalid(MOCK_SETUP, "\"" + arguments.shown(MOCK_SETUP) + "\"",
          "False while " + WU_CONNECTED + " is True: MockSetup runs the script PathToSetupMedia names");
    }
    if (wu) {
      if (media.isPresent()) {
        throw invalid(PATH_TO_SETUP_MEDIA, "\"" + media.get() + "\"",
            "absent while " + WU_CONNECTED + " is True: media are used only when WuConnected is False");
      }
      return new UpgradeArguments(true, null, level, false, logs);
    }
    String path = media.orElseThrow(() -> invalid(PATH_TO_SETUP_MEDIA, "absent", mock
        ? "the path of a .ps1 script, required with " + MOCK_SETUP + " True"
        : "the path of the extracted setup media, the same on every node, required when " + WU_CONNECTED
            + " is False (or set WuConnected to True)"));
    pathProblem(path).ifPresent(problem -> {
      throw invalid(PATH_TO_SETUP_MEDIA, "\"" + path + "\"",
          "a local path such as D:\\Media\\23H2 or a UNC path such as \\\\server\\share\\23H2 (" + problem + ")");
    });
    String lower = path.toLowerCase(Locale.ROOT);
    if (mock && !lower.endsWith(".ps1")) {
      throw invalid(PATH_TO_SETUP_MEDIA, "\"" + path + "\"", "the path of a .ps1 script when " + MOCK_SETUP + " is True");
    }
    if (!mock && lower.endsWith(".iso")) {
      throw invalid(PATH_TO_SETUP_MEDIA, "\"" + path + "\"",
          "the folder of the extracted ISO contents, not the ISO file: extract it to the same path on every node");
    }
    if (mock && level) {
      throw invalid(UPDATE_CLUSTER_FUNCTIONAL_LEVEL, "\"" + arguments.shown(UPDATE_CLUSTER_FUNCTIONAL_LEVEL) + "\"",
          "False while " + MOCK_SETUP + " is True: a mock setup changes no operating system, so no level can be raised");
    }
    return new UpgradeArguments(false, trimSeparators(path), level, mock, logs);
  }

  /** Says why a Windows path is refused, or empty if it is accepted. */
  static Optional<String> pathProblem(String path) {
    if (path.isBlank()) {
      return Optional.of("it is blank");
    }
    if (!path.equals(path.strip())) {
      return Optional.of("it has spaces around it");
    }
    if (path.length() > MAX_PATH) {
      return Optional.of("it is longer than " + MAX_PATH + " characters");
    }
    String p = trimSeparators(path);
    if (p.startsWith("\\\\?\\") || p.startsWith("\\\\.\\")) {
      return Optional.of("device and long-path prefixes are not accepted");
    }
    String[] parts;
    if (p.startsWith("\\\\")) {
      parts = p.substring(2).split("\\\\", -1);
      if (parts.length < 2) {
        return Optional.of("a UNC path names a server and a share");
      }
    } else if (p.length() >= 3 && p.charAt(0) < 0x80 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
        && p.charAt(2) == '\\') {
      parts = p.substring(3).split("\\\\", -1);
      if (parts.length == 1 && parts[0].isEmpty()) {
        return Optional.of("the root of a drive is not a media folder");
      }
    } else {
      return Optional.of("it is neither a path on a drive nor a UNC path");
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.of("it has an empty part (two separators in a row)");
      }
      if (part.equals(".") || part.equals("..")) {
        return Optional.of("\"" + part + "\" parts are not accepted");
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c < 0x20 || "<>:\"/|?*".indexOf(c) >= 0) {
          return Optional.of("\"" + part + "\" holds a character Windows does not allow in a name: "
              + (c < 0x20 ? "a control character" : "'" + c + "'"));
        }
      }
      if (part.endsWith(" ") || part.endsWith(".")) {
        return Optional.of("\"" + part + "\" ends with a space or a dot");
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
    return new InvalidOptionsException("CauPluginArguments[" + RollingUpgradePluginProvider.NAME + "]." + argument,
        value, allowed);
  }
}
