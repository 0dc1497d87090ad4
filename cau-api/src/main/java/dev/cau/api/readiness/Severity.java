package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How much a failed readiness rule matters, as CAU's Best Practices Analyzer grades it. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Severity {
  /** The run cannot succeed, or must not start, while the rule fails. */
  ERROR,
  /** The run may fail or cause downtime while the rule fails. */
  WARNING,
  /** Worth knowing; nothing fails because of it. */
  INFORMATION
}
