package dev.cau.plugin.example.firmware;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One RAID controller of a node, as its agent reports it.
 *
 * @param id the controller's id on the node, such as {@code ctrl0}
 * @param model the controller's model, which decides what firmware fits it, such as
 *     {@code R-4200}
 * @param activeVersion the firmware the controller runs
 * @param pendingVersion firmware flashed but not yet running, as it only takes effect when the
 *     node restarts; {@code null} if none is pending
 */
public record RaidController(
    String id,
    String model,
    FirmwareVersion activeVersion,
    @Nullable FirmwareVersion pendingVersion) {
  /**
   * Checks the components.
   *
   * @param id the controller's id on the node
   * @param model the controller's model
   * @param activeVersion the firmware the controller runs
   * @param pendingVersion firmware flashed but not yet running, or {@code null}
   */
  public RaidController {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(activeVersion, "activeVersion");
    if (id.isBlank() || id.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "A controller id must be non-blank and hold no '/', but was \"" + id + "\"");
    }
  }
}
