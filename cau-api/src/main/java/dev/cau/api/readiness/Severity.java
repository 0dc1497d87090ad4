package dev.cau.api.readiness;

/** How much a failed readiness rule matters, as CAU's Best Practices Analyzer grades it. */
public enum Severity {
  /** The run cannot succeed, or must not start, while the rule fails. */
  ERROR,
  /** The run may fail or cause downtime while the rule fails. */
  WARNING,
  /** Worth knowing; nothing fails because of it. */
  INFORMATION
}
