package dev.cau.plugin.hotfix;

import dev.cau.api.plugin.UpdateResultCode;
import java.util.Locale;

/**
 * What an installer's exit code means under a rule.
 *
 * @param result the update's result
 * @param rebootRequired whether the node must restart
 * @param exitClass the class that listed the code, or {@code "unlisted"}
 */
record ExitOutcome(UpdateResultCode result, boolean rebootRequired, String exitClass) {
  /** The name {@link #exitClass()} has for a code no class lists. */
  static final String UNLISTED = "unlisted";

  /** Prints an unsigned 32-bit exit code as Windows tools do: hex and decimal. */
  static String describe(long exitCode) {
    return String.format(Locale.ROOT, "0x%08X (%d)", exitCode, exitCode);
  }
}
