package dev.cau.plugin.apt;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Debian's restart convention: a package that needs a restart touches {@code /run/reboot-required}
 * and appends its name to {@code /run/reboot-required.pkgs}.
 *
 * @param required whether {@code /run/reboot-required} exists
 * @param packages the names {@code /run/reboot-required.pkgs} lists (lines that are not package
 *     names are ignored)
 */
record RebootFlag(boolean required, Set<String> packages) {
  static final String FLAG = "/run/reboot-required";
  static final String PACKAGES = "/run/reboot-required.pkgs";
  static final RebootFlag NONE = new RebootFlag(false, Set.of());

  RebootFlag {
    packages = Set.copyOf(packages);
  }

  static RebootFlag of(boolean required, String packagesFile) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : packagesFile.split("\n", Simulation.MAX_LINES + 1)) {
      String name = line.strip();
      if (PackageNames.isQualifiedName(name)) {
        names.add(PackageNames.baseName(name));
      }
    }
    return new RebootFlag(required, names);
  }

  /**
   * Tells whether a package's install needs the restart. When the flag is set and none of the
   * installed packages is named (no list, or a list naming only others), every one of them is
   * taken to need it, so that the restart is not skipped.
   */
  boolean requiredFor(String name, Set<String> installedNames) {
    if (!required) {
      return false;
    }
    boolean anyNamed = installedNames.stream().map(PackageNames::baseName).anyMatch(packages::contains);
    return !anyNamed || packages.contains(PackageNames.baseName(name));
  }
}
