package dev.cau.core.scan;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.plugin.Update;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one plug-in's scan of one node found.
 *
 * @param plugin the plug-in's name
 * @param updates the applicable updates, in the order the plug-in would install them; empty when
 *     the scan failed
 * @param error why the scan failed, with secret argument values removed, or {@code null} if it
 *     succeeded
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PluginScan(String plugin, List<Update> updates, @Nullable String error) {
  /**
   * Checks the components and copies the list.
   *
   * @param plugin the plug-in's name
   * @param updates the applicable updates
   * @param error why the scan failed, or {@code null}
   */
  public PluginScan {
    Objects.requireNonNull(plugin, "plugin");
    updates = List.copyOf(updates);
    if (error != null && !updates.isEmpty()) {
      throw new IllegalArgumentException("A failed scan reports no update");
    }
  }

  /**
   * Tells whether the scan succeeded.
   *
   * @return whether there is no error
   */
  public boolean succeeded() {
    return error == null;
  }
}
