package dev.cau.plugin.apt;

import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A package upgrade as the plug-in reports it: the update's id is {@code NAME=VERSION}, the form
 * {@code apt-get install} takes, so that an install asks for exactly the version the scan saw.
 *
 * @param name the package's name, with an architecture qualifier for a foreign one
 * @param fromVersion the installed version, or {@code null} for a package new to the node
 * @param toVersion the version the upgrade installs
 */
record PackageUpdate(String name, @Nullable String fromVersion, String toVersion) {
  static final String UPGRADE = "Package upgrade";
  static final String NEW_PACKAGE = "New package";

  static PackageUpdate of(PlannedChange change) {
    return new PackageUpdate(change.name(), change.fromVersion(), java.util.Objects.requireNonNull(change.toVersion()));
  }

  /** The id {@code apt-get install} reads: {@code NAME=VERSION}. */
  String id() {
    return name + "=" + toVersion;
  }

  Update toUpdate(String origin) {
    String title = fromVersion == null ? name + " " + toVersion + " (new)" : name + " " + fromVersion + " -> " + toVersion;
    String description = (fromVersion == null ? "Installs " + name + " " + toVersion
        : "Upgrades " + name + " from " + fromVersion + " to " + toVersion) + (origin.isEmpty() ? "" : " (" + origin + ")");
    return new Update(id(), title, description,
        UpdateFacts.NONE.withClassification(fromVersion == null ? NEW_PACKAGE : UPGRADE));
  }

  /**
   * Reads an update the plug-in reported back.
   *
   * @return the package, or empty if the id is not {@code NAME=VERSION} in Debian's syntax
   */
  static Optional<PackageUpdate> from(Update update) {
    String id = update.id();
    int equals = id.indexOf('=');
    if (equals < 0) {
      return Optional.empty();
    }
    String name = id.substring(0, equals);
    String version = id.substring(equals + 1);
    if (!PackageNames.isQualifiedName(name) || !PackageNames.isVersion(version)) {
      return Optional.empty();
    }
    boolean isNew = NEW_PACKAGE.equals(update.facts().classification());
    return Optional.of(new PackageUpdate(name, isNew ? null : fromVersionIn(update.title()), version));
  }

  private static @Nullable String fromVersionIn(String title) {
    int arrow = title.indexOf(" -> ");
    int space = title.indexOf(' ');
    return arrow > space && space > 0 ? title.substring(space + 1, arrow) : null;
  }

  boolean isNew() {
    return fromVersion == null;
  }
}
