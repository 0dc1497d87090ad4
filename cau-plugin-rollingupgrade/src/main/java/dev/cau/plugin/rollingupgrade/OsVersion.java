package dev.cau.plugin.rollingupgrade;

/**
 * A node's operating system as its registry reports it.
 *
 * @param build {@code CurrentBuild}, such as {@code 20349}
 * @param revision {@code UBR}, the update build revision
 * @param displayVersion {@code DisplayVersion}, such as {@code 22H2}; empty on systems without it
 */
record OsVersion(String build, long revision, String displayVersion) {
  static OsVersion read(SetupProtocol.Answer answer) {
    return new OsVersion(answer.digits("currentBuild", 6), answer.integer("ubr"), answer.text("displayVersion"));
  }

  /** How a message shows it: {@code 22H2 (build 20349.2322)}. */
  String shown() {
    String version = displayVersion.isEmpty() ? FeatureOffer.versionOf(build) : displayVersion;
    return version + " (build " + build + "." + revision + ")";
  }
}
