package dev.cau.plugin.fixturealpha;

import dev.cau.core.Execution;

/** A plug-in class that sees cau-core, which plug-ins never may. */
public final class PluginUsingCore {
  private PluginUsingCore() {}

  public static String describe(Execution execution) {
    return execution.toString();
  }
}
