package dev.cau.core.engine;

/** What a timer of the run machine is for. */
enum TimerKind {
  /** A restarted node must be ready before it fires. */
  REBOOT,
  /** A suspend refused because storage is degraded is tried again. */
  SUSPEND_RETRY,
  /** Storage is read again while the run waits for it to finish repairing. */
  STORAGE_POLL,
  /** {@code WarnAfter} elapsed. */
  WARN_AFTER,
  /** {@code StopAfter} elapsed. */
  STOP_AFTER,
  /** A call did not return within the operation timeout. */
  CALL
}
