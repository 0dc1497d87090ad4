package dev.cau.plugin.apt;

import dev.cau.api.PluginFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the plan {@code apt-get -s} prints: its {@code Inst} and {@code Remv} lines, such as
 * {@code Inst login [1:4.13+dfsg1-1+deb12u1] (1:4.13+dfsg1-1+deb12u2 Debian:12.15/oldstable [amd64])}.
 *
 * <p>The parser is bounded: it refuses more than {@link #MAX_LINES} lines or a line longer than
 * {@link #MAX_LINE_LENGTH} characters, and every name and version it returns matches Debian's
 * syntax; a change line it cannot read is an error, not skipped, so that nothing is installed
 * that the plan did not show. Other lines ({@code Conf}, headers, notes) are ignored.
 */
final class Simulation {
  static final int MAX_LINES = 200_000;
  static final int MAX_LINE_LENGTH = 8192;

  // Inst NAME [OLD] (NEW ORIGIN... [ARCH]) [extras]... ; the [OLD] part is absent for a new package.
  private static final Pattern INST = Pattern.compile(
      "Inst (\\S+) (?:\\[([^\\]\\s]+)\\] )?\\((\\S+)(?: (.*?))? \\[([^\\]\\s]+)\\]\\)(?: \\[[^\\]]*\\])*");
  // Remv NAME [OLD] [extras]...
  private static final Pattern REMV = Pattern.compile("Remv (\\S+)(?: \\[([^\\]\\s]+)\\])?(?: \\[[^\\]]*\\])*");

  private Simulation() {}

  /**
   * Parses a simulation's standard output.
   *
   * @param output what {@code apt-get -s} printed
   * @param node the node, for messages
   * @return the changes, in apt's order
   * @throws PluginFailureException if the output breaks a bound or holds a change line that
   *     cannot be read
   */
  static List<PlannedChange> parse(String output, String node) {
    List<PlannedChange> changes = new ArrayList<>();
    String[] lines = output.split("\n", MAX_LINES + 2);
    if (lines.length > MAX_LINES) {
      throw failure(node, "printed more than " + MAX_LINES + " lines");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.length() > MAX_LINE_LENGTH) {
        throw failure(node, "printed line " + (i + 1) + " of " + line.length() + " characters (at most "
            + MAX_LINE_LENGTH + " are read)");
      }
      if (line.startsWith("Inst ")) {
        changes.add(install(line, i + 1, node));
      } else if (line.startsWith("Remv ")) {
        changes.add(removal(line, i + 1, node));
      }
    }
    return List.copyOf(changes);
  }

  private static PlannedChange install(String line, int number, String node) {
    Matcher m = INST.matcher(line);
    if (!m.matches()) {
      throw unreadable(node, number, line);
    }
    String name = name(m.group(1), number, line, node);
    String from = version(m.group(2), number, line, node);
    String to = version(m.group(3), number, line, node);
    String origin = (m.group(4) == null ? "" : m.group(4) + " ") + "[" + m.group(5) + "]";
    return new PlannedChange(PlannedChange.Action.INSTALL, name, from, to, origin);
  }

  private static PlannedChange removal(String line, int number, String node) {
    Matcher m = REMV.matcher(line);
    if (!m.matches()) {
      throw unreadable(node, number, line);
    }
    return new PlannedChange(PlannedChange.Action.REMOVE, name(m.group(1), number, line, node),
        version(m.group(2), number, line, node), null, "");
  }

  private static String name(String value, int number, String line, String node) {
    if (!PackageNames.isQualifiedName(value)) {
      throw unreadable(node, number, line);
    }
    return value;
  }

  private static @Nullable String version(@Nullable String value, int number, String line, String node) {
    if (value != null && !PackageNames.isVersion(value)) {
      throw unreadable(node, number, line);
    }
    return value;
  }

  private static PluginFailureException unreadable(String node, int number, String line) {
    return failure(node, "printed a change that is not a package name and version as Debian writes them, line "
        + number + ": \"" + line + "\"");
  }

  private static PluginFailureException failure(String node, String what) {
    return new PluginFailureException("AptOutputUnreadable", "apt-get's simulation on node \"" + node + "\" " + what);
  }
}
