package dev.cau.plugin.example.firmware;

import java.util.Comparator;
import java.util.Objects;

/**
 * A firmware version, such as {@code 7.2.0}, ordered by its numbers.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 */
public record FirmwareVersion(int major, int minor, int patch)
    implements Comparable<FirmwareVersion> {
  private static final Comparator<FirmwareVersion> ORDER = Comparator
      .comparingInt(FirmwareVersion::major)
      .thenComparingInt(FirmwareVersion::minor)
      .thenComparingInt(FirmwareVersion::patch);

  /**
   * Checks the numbers.
   *
   * @param major the major number
   * @param minor the minor number
   * @param patch the patch number
   */
  public FirmwareVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("A firmware version has no negative numbers, but was "
          + major + "." + minor + "." + patch);
    }
  }

  /**
   * Reads a version written as three numbers separated by dots.
   *
   * @param text such as {@code 7.2.0}
   * @return the version
   * @throws IllegalArgumentException if the text is not three whole numbers separated by dots
   */
  public static FirmwareVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "A firmware version must be three numbers separated by dots, such as 7.2.0, but was \""
              + text + "\"");
    }
    try {
      return new FirmwareVersion(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "A firmware version must be three numbers separated by dots, such as 7.2.0, but was \""
              + text + "\"", e);
    }
  }

  @Override
  public int compareTo(FirmwareVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
