package dev.cau.plugin.hotfix;

import dev.cau.api.plugin.UpdateResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule of the configuration file: an {@code <Extension>} rule for files of a type, or a
 * {@code <Folder>} rule for every file in a folder of that name.
 *
 * @param folderRule whether this is a {@code <Folder>} rule
 * @param name the extension (upper case, no dot) or the folder's name
 * @param templatePath the installer's path, or {@value #UPDATE} to run the update file itself
 * @param parameters the installer's arguments, each one value; {@value #UPDATE} stands for the
 *     update file's path, alone or after a switch such as {@code /PackagePath:}
 * @param exitCodes the exit-condition class of each listed code (unsigned 32-bit)
 * @param alwaysReboot whether a {@code Success} code also requires a restart
 * @param line the line of the rule in the configuration file
 */
record InstallerRule(
    boolean folderRule, String name, String templatePath, List<String> parameters, Map<Long, ExitClass> exitCodes,
    boolean alwaysReboot, int line) {
  /** The placeholder for the update file's path. */
  static final String UPDATE = "$update$";

  /** A parameter that is a switch followed by the update's path, such as {@code /PackagePath:$update$}. */
  static final Pattern SWITCH_WITH_UPDATE = Pattern.compile("[/-][A-Za-z][A-Za-z0-9_-]{0,63}[:=]\\$update\\$");

  InstallerRule {
    parameters = List.copyOf(parameters);
    exitCodes = Map.copyOf(exitCodes);
  }

  /** The program to run for an update file. */
  String program(String updatePath) {
    return templatePath.equals(UPDATE) ? updatePath : templatePath;
  }

  /**
   * The arguments for an update file: the template's parameters, each one value, with the
   * update's path standing for {@value #UPDATE}. The path is never joined to another parameter.
   */
  List<String> arguments(String updatePath) {
    List<String> arguments = new ArrayList<>(parameters.size());
    for (String p : parameters) {
      if (p.equals(UPDATE)) {
        arguments.add(updatePath);
      } else if (p.endsWith(UPDATE)) { // a switch, as the configuration reader checked
        arguments.add(p.substring(0, p.length() - UPDATE.length()) + updatePath);
      } else {
        arguments.add(p);
      }
    }
    return arguments;
  }

  /** What an exit code means under this rule. */
  ExitOutcome classify(long exitCode) {
    ExitClass listed = exitCodes.get(exitCode);
    if (listed == null) {
      return new ExitOutcome(UpdateResultCode.FAILED, false, ExitOutcome.UNLISTED);
    }
    boolean restart = listed.restart() || (alwaysReboot && listed == ExitClass.SUCCESS);
    return new ExitOutcome(listed.result(), restart, listed.element());
  }

  /** Names the rule as the configuration file writes it. */
  String describe() {
    return folderRule ? "<Folder name=\"" + name + "\">" : "<Extension name=\"" + name + "\">";
  }
}
