package dev.cau.plugin.apt;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads what {@code dpkg-query -W -f=${binary:Package}\t${Version}\t${db:Status-Abbrev}\n}
 * prints: one line per installed package, such as {@code cau-lab-tool	1.1	ii }. Bounded like
 * {@link Simulation}; lines that are not three fields are ignored (dpkg-query reports unknown
 * names on standard error).
 */
final class InstalledVersions {
  private final Map<String, String> installed;

  private InstalledVersions(Map<String, String> installed) {
    this.installed = Map.copyOf(installed);
  }

  static InstalledVersions parse(String output) {
    Map<String, String> installed = new HashMap<>();
    String[] lines = output.split("\n", Simulation.MAX_LINES + 1);
    for (int i = 0; i < Math.min(lines.length, Simulation.MAX_LINES); i++) {
      String line = lines[i];
      if (line.length() > Simulation.MAX_LINE_LENGTH) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      // "ii " is installed and configured; anything else (half-installed, config-files) is not.
      if (fields.length == 3 && PackageNames.isQualifiedName(fields[0]) && fields[2].startsWith("ii")) {
        installed.put(fields[0], fields[1]);
      }
    }
    return new InstalledVersions(installed);
  }

  /** Tells whether a package is installed and configured at a version. */
  boolean has(String name, String version) {
    String found = installed.get(name);
    if (found == null && name.indexOf(':') > 0) {
      found = installed.get(PackageNames.baseName(name));
    }
    return version.equals(found);
  }
}
