package dev.cau.plugin.fixturealpha;

import dev.cau.api.plugin.Update;
import dev.cau.plugin.fixturealpha.internal.Helper;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plug-in class with only allowed dependencies, including its own sub-package and arrays. */
public final class WellBehavedPlugin {
  private static final Logger LOG = LoggerFactory.getLogger(WellBehavedPlugin.class);

  private WellBehavedPlugin() {}

  public static int count(
      List<Update> updates, int[] weights, String[] names, @Nullable Object extra) {
    LOG.debug("counting {} updates", updates.size());
    return Helper.twice(updates.size() + weights.length + names.length + (extra == null ? 0 : 1));
  }
}
