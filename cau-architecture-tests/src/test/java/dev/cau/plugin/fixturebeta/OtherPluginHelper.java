package dev.cau.plugin.fixturebeta;

/** A class of a second fixture plug-in. */
public final class OtherPluginHelper {
  private OtherPluginHelper() {}

  public static int size() {
    return 1;
  }
}
