package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What checking a readiness rule found. */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
