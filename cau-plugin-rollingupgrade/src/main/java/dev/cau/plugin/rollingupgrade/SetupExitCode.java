package dev.cau.plugin.rollingupgrade;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The exit codes of {@code setup.exe} that Microsoft documents for an unattended upgrade and its
 * compatibility scan ({@code /Compat ScanOnly}), with what each means for a node. Windows cannot
 * run here: these are the documented values, and the simulated setup reports the same.
 */
enum SetupExitCode {
  /** {@code /Auto}: the upgrade was successful; setup continues after a restart. */
  CONTINUE_REBOOT(0x3, "CONX_SETUP_EXITCODE_CONTINUE_REBOOT", "the upgrade succeeded and continues after a restart"),
  /** {@code /Auto}: compatibility issues must be resolved first. */
  RESUME_AT_COMPAT_REPORT(0x5, "CONX_SETUP_EXITCODE_RESUME_AT_COMPAT_REPORT",
      "compatibility issues must be resolved before the upgrade"),
  /** {@code /Auto}: the upgrade option is not available. */
  AUTO_INSTALL_FAIL(0x7, "CONX_SETUP_EXITCODE_AUTO_INSTALL_FAIL", "the upgrade option is not available for this node"),
  /** ScanOnly: no compatibility issue, the scan's success. */
  COMPAT_SCANONLY(0xC1900210, "MOSETUP_E_COMPAT_SCANONLY", "no compatibility issues"),
  /** ScanOnly: an actionable compatibility issue, such as an incompatible application. */
  COMPAT_INSTALLREQ_BLOCK(0xC1900208, "MOSETUP_E_COMPAT_INSTALLREQ_BLOCK",
      "an actionable compatibility issue, such as an incompatible application, blocks the upgrade"),
  /** The chosen migration option is not available. */
  COMPAT_MIGCHOICE_BLOCK(0xC1900204, "MOSETUP_E_COMPAT_MIGCHOICE_BLOCK",
      "the chosen migration option is not available (for example a change of edition)"),
  /** The machine is not eligible. */
  COMPAT_SYSREQ_BLOCK(0xC1900200, "MOSETUP_E_COMPAT_SYSREQ_BLOCK",
      "the machine does not meet the system requirements"),
  /** Not enough free disk space. */
  INSTALLDISKSPACE_BLOCK(0xC190020E, "MOSETUP_E_INSTALLDISKSPACE_BLOCK", "there is not enough free disk space"),
  /** A rollback occurred, usually a driver problem. */
  ROLLBACK(0xC1900101, "0xC1900101", "setup rolled back, usually because of a driver; see the setup logs");

  private final int code;
  private final String symbol;
  private final String meaning;

  SetupExitCode(int code, String symbol, String meaning) {
    this.code = code;
    this.symbol = symbol;
    this.meaning = meaning;
  }

  /** The code as a signed 32-bit value, as HRESULTs are compared. */
  int code() {
    return code;
  }

  String meaning() {
    return meaning;
  }

  /** Whether a compatibility scan that ended with this code blocks the upgrade. */
  boolean blocks() {
    return this != COMPAT_SCANONLY && this != CONTINUE_REBOOT;
  }

  static Optional<SetupExitCode> of(int code) {
    for (SetupExitCode known : values()) {
      if (known.code == code) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /** Describes a code as {@code 0xC1900208 MOSETUP_E_COMPAT_INSTALLREQ_BLOCK: meaning}. */
  static String describe(int code) {
    @Nullable SetupExitCode known = of(code).orElse(null);
    String hex = code >= 0 && code < 0x100 ? String.valueOf(code) : "0x" + Integer.toHexString(code).toUpperCase(Locale.ROOT);
    if (known == null) {
      return hex + " (not a code setup documents)";
    }
    return hex + (known.symbol.equals(hex) ? "" : " " + known.symbol) + ": " + known.meaning;
  }
}
