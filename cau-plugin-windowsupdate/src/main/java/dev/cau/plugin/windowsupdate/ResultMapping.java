package dev.cau.plugin.windowsupdate;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import java.time.Instant;

/**
 * Maps the agent's {@code OperationResultCode} and {@code HResult} for one update to an
 * {@link InstallResult}, as CAU reports them.
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>result code</th><th>HRESULT</th><th>result</th></tr>
 *   <tr><td>2 succeeded</td><td>{@code WU_S_ALREADY_INSTALLED}</td><td>already installed</td></tr>
 *   <tr><td>2 succeeded</td><td>any other</td><td>succeeded</td></tr>
 *   <tr><td>3 succeeded with errors</td><td>any</td><td>failed, with the HRESULT: the agent says the
 *       results may be incomplete, so the update is not counted as installed</td></tr>
 *   <tr><td>4 failed</td><td>{@code WU_E_NOT_APPLICABLE}</td><td>not applicable</td></tr>
 *   <tr><td>4 failed</td><td>any other</td><td>failed, with the HRESULT</td></tr>
 *   <tr><td>5 aborted</td><td>any</td><td>canceled</td></tr>
 *   <tr><td>0 not started, 1 in progress</td><td>any</td><td>failed: the install call ended without
 *       finishing the update</td></tr>
 * </table>
 *
 * <p>A restart is required when the agent says so for the update, or when its HRESULT is
 * {@code WU_S_REBOOT_REQUIRED} or (a failure that rolls back at the restart)
 * {@code ERROR_FAIL_REBOOT_REQUIRED}.
 */
final class ResultMapping {
  /** {@code orcNotStarted}. */
  static final int NOT_STARTED = 0;
  /** {@code orcInProgress}. */
  static final int IN_PROGRESS = 1;
  /** {@code orcSucceeded}. */
  static final int SUCCEEDED = 2;
  /** {@code orcSucceededWithErrors}. */
  static final int SUCCEEDED_WITH_ERRORS = 3;
  /** {@code orcFailed}. */
  static final int FAILED = 4;
  /** {@code orcAborted}. */
  static final int ABORTED = 5;

  private ResultMapping() {}

  static InstallResult toInstallResult(Update update, AgentResult result, Instant when) {
    boolean reboot = result.rebootRequired() || result.hresult() == Hresults.WU_S_REBOOT_REQUIRED
        || result.hresult() == Hresults.ERROR_FAIL_REBOOT_REQUIRED;
    UpdateResultCode code = switch (result.resultCode()) {
      case SUCCEEDED -> result.hresult() == Hresults.WU_S_ALREADY_INSTALLED ? UpdateResultCode.ALREADY_INSTALLED
          : UpdateResultCode.SUCCEEDED;
      case FAILED -> result.hresult() == Hresults.WU_E_NOT_APPLICABLE ? UpdateResultCode.NOT_APPLICABLE
          : UpdateResultCode.FAILED;
      case ABORTED -> UpdateResultCode.CANCELED;
      default -> UpdateResultCode.FAILED;
    };
    int errorCode = result.hresult();
    if (code == UpdateResultCode.FAILED && errorCode == Hresults.S_OK) {
      // The agent gave no code for an update it did not finish; report the generic one.
      errorCode = Hresults.WU_E_UH_INSTALLERFAILURE;
    }
    return new InstallResult(update, code, errorCode, reboot && code != UpdateResultCode.CANCELED, when);
  }

  /** Names a result code as the agent's documentation does. */
  static String name(int resultCode) {
    return switch (resultCode) {
      case NOT_STARTED -> "not started";
      case IN_PROGRESS -> "in progress";
      case SUCCEEDED -> "succeeded";
      case SUCCEEDED_WITH_ERRORS -> "succeeded with errors";
      case FAILED -> "failed";
      case ABORTED -> "aborted";
      default -> "result code " + resultCode;
    };
  }
}
