package dev.cau.plugin.apt;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code apt-get}'s simulation that changes a package.
 *
 * @param action whether the package is installed (or upgraded) or removed
 * @param name the package's name, with an architecture qualifier for a foreign one
 * @param fromVersion the installed version, or {@code null} for a package not installed yet
 * @param toVersion the version installed, or {@code null} for a removal
 * @param origin the archive apt names, such as {@code Debian:12.5/stable [amd64]}; may be empty
 */
record PlannedChange(
    Action action, String name, @Nullable String fromVersion, @Nullable String toVersion, String origin) {
  PlannedChange {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    if ((action == Action.INSTALL) != (toVersion != null)) {
      throw new IllegalArgumentException("an install has a new version and a removal has none");
    }
  }

  /** What a simulation line does to its package. */
  enum Action {
    /** {@code Inst}: installs a new package or upgrades an installed one. */
    INSTALL,
    /** {@code Remv}: removes a package. */
    REMOVE
  }
}
