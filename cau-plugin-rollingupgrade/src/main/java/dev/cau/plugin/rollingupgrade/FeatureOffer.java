package dev.cau.plugin.rollingupgrade;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feature update a node is offered: the operating-system version and build it installs.
 *
 * @param version the version, such as {@code 23H2}
 * @param build the build, with its revision when known, such as {@code 25398.469}
 * @param title the title Windows Update or the media give it
 */
record FeatureOffer(String version, String build, String title) {
  /**
   * Builds and version names the sources document (windows-update.md 4.3); other builds show as
   * {@code build N}.
   */
  private static final Map<String, String> VERSIONS = Map.of(
      "14393", "1607", "17763", "1809", "20348", "21H2", "20349", "22H2", "25398", "23H2", "26100", "24H2");

  /** A feature update's title: {@code ..., version 21H2 (20348.643)}. */
  private static final Pattern TITLE = Pattern.compile("version ([0-9]{2}H[12]|[0-9]{4}) \\(([0-9]{5}(?:\\.[0-9]+)?)\\)");

  /** Reads version and build from a Windows Update title, or empty if it names neither. */
  static Optional<FeatureOffer> fromTitle(String title) {
    Matcher m = TITLE.matcher(title);
    return m.find() ? Optional.of(new FeatureOffer(m.group(1), m.group(2), title)) : Optional.empty();
  }

  /** The version name of a build, as documented, or {@code build N}. */
  static String versionOf(String build) {
    String number = buildNumber(build);
    return VERSIONS.getOrDefault(number, "build " + number);
  }

  /** The build number without its revision: {@code 25398} of {@code 25398.469}. */
  static String buildNumber(String build) {
    int dot = build.indexOf('.');
    return dot < 0 ? build : build.substring(0, dot);
  }

  /** How a message shows it: {@code 23H2 (build 25398)}. */
  String shown() {
    return version + " (build " + build + ")";
  }
}
