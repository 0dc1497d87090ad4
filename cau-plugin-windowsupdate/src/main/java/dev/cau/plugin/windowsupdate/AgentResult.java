package dev.cau.plugin.windowsupdate;

/**
 * The agent's result for one update of a download or an install, from
 * {@code GetUpdateResult(i)}.
 *
 * @param updateId the update's {@code UpdateID}
 * @param resultCode the {@code OperationResultCode}: 0 not started, 1 in progress, 2 succeeded,
 *     3 succeeded with errors, 4 failed, 5 aborted
 * @param hresult the {@code HResult}, as a signed 32-bit value
 * @param rebootRequired whether a restart is needed to finish it
 */
record AgentResult(String updateId, int resultCode, int hresult, boolean rebootRequired) {}
