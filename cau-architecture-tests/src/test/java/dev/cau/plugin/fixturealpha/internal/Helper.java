package dev.cau.plugin.fixturealpha.internal;

/** A class in the fixture plug-in's own sub-package. */
public final class Helper {
  private Helper() {}

  public static int twice(int value) {
    return 2 * value;
  }
}
