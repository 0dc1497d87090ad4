package dev.cau.api.readiness;

/** What checking a readiness rule found. */
public enum FindingState {
  /** The cluster complies. */
  PASSED,
  /** The cluster does not comply; the finding's resolution says what to do. */
  FAILED,
  /** The rule does not apply to this cluster or these options. */
  NOT_APPLICABLE,
  /** The rule could not be checked; the finding's detail says why. */
  NOT_CHECKED
}
