package dev.cau.plugin.windowsupdate;

import java.util.Locale;
import java.util.Map;

/**
 * The Windows Update Agent's HRESULTs the plug-in names in messages and maps to results, from
 * Microsoft's list of WUA success and error codes. An HRESULT is shown as Windows prints it,
 * unsigned: {@code 0x8024200B}.
 */
final class Hresults {
  /** {@code S_OK}. */
  static final int S_OK = 0;
  /** {@code WU_S_REBOOT_REQUIRED}: the system must restart to finish. */
  static final int WU_S_REBOOT_REQUIRED = 0x00240005;
  /** {@code WU_S_ALREADY_INSTALLED}. */
  static final int WU_S_ALREADY_INSTALLED = 0x00240006;
  /** {@code WU_E_CALL_CANCELLED}. */
  static final int WU_E_CALL_CANCELLED = 0x8024000B;
  /** {@code WU_E_NOOP}: no operation was required. */
  static final int WU_E_NOOP = 0x8024000C;
  /** {@code WU_E_INSTALL_NOT_ALLOWED}: another install runs, or a restart is pending. */
  static final int WU_E_INSTALL_NOT_ALLOWED = 0x80240016;
  /** {@code WU_E_NOT_APPLICABLE}. */
  static final int WU_E_NOT_APPLICABLE = 0x80240017;
  /** {@code WU_E_UH_INSTALLERFAILURE}. */
  static final int WU_E_UH_INSTALLERFAILURE = 0x8024200B;
  /** {@code WU_E_DOWNLOAD_FAILED}. */
  static final int WU_E_DOWNLOAD_FAILED = 0x80240034;
  /** {@code ERROR_FAIL_REBOOT_REQUIRED}: failed; a restart rolls it back. */
  static final int ERROR_FAIL_REBOOT_REQUIRED = 0x80070BC9;
  /** {@code E_ACCESSDENIED}: the agent refused a remote caller. */
  static final int E_ACCESSDENIED = 0x80070005;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(S_OK, "S_OK"),
      Map.entry(WU_S_REBOOT_REQUIRED, "WU_S_REBOOT_REQUIRED"),
      Map.entry(WU_S_ALREADY_INSTALLED, "WU_S_ALREADY_INSTALLED"),
      Map.entry(0x00240008, "WU_S_ALREADY_DOWNLOADED"),
      Map.entry(0x00242015, "WU_S_UH_INSTALLSTILLPENDING"),
      Map.entry(0x80240009, "WU_E_OPERATIONINPROGRESS"),
      Map.entry(WU_E_CALL_CANCELLED, "WU_E_CALL_CANCELLED"),
      Map.entry(WU_E_NOOP, "WU_E_NOOP"),
      Map.entry(WU_E_INSTALL_NOT_ALLOWED, "WU_E_INSTALL_NOT_ALLOWED"),
      Map.entry(WU_E_NOT_APPLICABLE, "WU_E_NOT_APPLICABLE"),
      Map.entry(0x80240019, "WU_E_EXCLUSIVE_INSTALL_CONFLICT"),
      Map.entry(0x8024001E, "WU_E_SERVICE_STOP"),
      Map.entry(0x8024001F, "WU_E_NO_CONNECTION"),
      Map.entry(0x80240020, "WU_E_NO_INTERACTIVE_USER"),
      Map.entry(0x80240021, "WU_E_TIME_OUT"),
      Map.entry(0x80240022, "WU_E_ALL_UPDATES_FAILED"),
      Map.entry(0x80240023, "WU_E_EULAS_DECLINED"),
      Map.entry(0x80240024, "WU_E_NO_UPDATE"),
      Map.entry(0x80240025, "WU_E_USER_ACCESS_DISABLED"),
      Map.entry(0x8024002B, "WU_E_LEGACYSERVER"),
      Map.entry(0x8024002E, "WU_E_WU_DISABLED"),
      Map.entry(0x8024002F, "WU_E_CALL_CANCELLED_BY_POLICY"),
      Map.entry(0x80240032, "WU_E_INVALID_CRITERIA"),
      Map.entry(0x80240033, "WU_E_EULA_UNAVAILABLE"),
      Map.entry(WU_E_DOWNLOAD_FAILED, "WU_E_DOWNLOAD_FAILED"),
      Map.entry(0x80240044, "WU_E_PER_MACHINE_UPDATE_ACCESS_DENIED"),
      Map.entry(0x80240FFF, "WU_E_UNEXPECTED"),
      Map.entry(0x80242004, "WU_E_UH_DOESNOTSUPPORTACTION"),
      Map.entry(0x80242007, "WU_E_UH_INSTALLERHUNG"),
      Map.entry(0x8024200A, "WU_E_UH_CANREQUIREINPUT"),
      Map.entry(WU_E_UH_INSTALLERFAILURE, "WU_E_UH_INSTALLERFAILURE"),
      Map.entry(0x8024200D, "WU_E_UH_NEEDANOTHERDOWNLOAD"),
      Map.entry(0x80242014, "WU_E_UH_POSTREBOOTSTILLPENDING"),
      Map.entry(0x80242017, "WU_E_UH_NEW_SERVICING_STACK_REQUIRED"),
      Map.entry(0x8024401C, "WU_E_PT_HTTP_STATUS_REQUEST_TIMEOUT"),
      Map.entry(0x8024402C, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"),
      Map.entry(0x8024402F, "WU_E_PT_ECP_SUCCEEDED_WITH_ERRORS"),
      Map.entry(0x80246017, "WU_E_DM_UNAUTHORIZED_LOCAL_USER"),
      Map.entry(ERROR_FAIL_REBOOT_REQUIRED, "ERROR_FAIL_REBOOT_REQUIRED"),
      Map.entry(E_ACCESSDENIED, "E_ACCESSDENIED"),
      Map.entry(0x80070422, "the Windows Update service is disabled"),
      Map.entry(0x80072EE2, "WININET_E_TIMEOUT"));

  private Hresults() {}

  /**
   * Shows an HRESULT as Windows prints it.
   *
   * @param hresult the 32 bits
   * @return for example {@code 0x8024200B}
   */
  static String hex(int hresult) {
    return String.format(Locale.ROOT, "0x%08X", Integer.toUnsignedLong(hresult));
  }

  /**
   * Shows an HRESULT with its documented name when it has one.
   *
   * @param hresult the 32 bits
   * @return for example {@code 0x8024200B WU_E_UH_INSTALLERFAILURE}
   */
  static String describe(int hresult) {
    String name = NAMES.get(hresult);
    return name == null ? hex(hresult) : hex(hresult) + " " + name;
  }
}
