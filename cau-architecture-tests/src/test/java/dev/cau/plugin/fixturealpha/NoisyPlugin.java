package dev.cau.plugin.fixturealpha;

import java.util.logging.Logger;

/** A plug-in class that prints and logs outside SLF4J. */
public final class NoisyPlugin {
  private NoisyPlugin() {}

  public static void report(RuntimeException failure) {
    System.out.println("failed");
    System.err.println("failed");
    failure.printStackTrace();
    Logger.getLogger("noisy").info("failed");
  }
}
