package dev.cau.plugin.fixturealpha;

import dev.cau.plugin.fixturebeta.OtherPluginHelper;

/** A plug-in class that depends on another plug-in. */
public final class PluginUsingOtherPlugin {
  private PluginUsingOtherPlugin() {}

  public static int size() {
    return OtherPluginHelper.size();
  }
}
