package dev.cau.plugin.example.firmware;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A firmware package a repository offers.
 *
 * @param model the controller model it fits, such as {@code R-4200}
 * @param version the firmware version it installs
 * @param requiresActive the version a controller must run before this package applies to it, as
 *     for a release that can only be reached through an earlier one; {@code null} if any older
 *     version may flash it
 * @param releaseNotes one line about the release; may be empty
 */
public record FirmwarePackage(
    String model,
    FirmwareVersion version,
    @Nullable FirmwareVersion requiresActive,
    String releaseNotes) {
  /**
   * Checks the components.
   *
   * @param model the controller model it fits
   * @param version the firmware version it installs
   * @param requiresActive the version a controller must run first, or {@code null}
   * @param releaseNotes one line about the release
   */
  public FirmwarePackage {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(releaseNotes, "releaseNotes");
  }
}
