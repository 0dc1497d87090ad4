package dev.cau.testkit.conformance;

import java.util.Locale;
import java.util.Objects;

/**
 * What one check found.
 *
 * @param check the check
 * @param outcome whether it passed, failed or could not run
 * @param message what the plug-in did: for a failure, what is wrong and what the contract asks
 *     for; for a check that did not run, why and how to make it run
 */
public record ConformanceFinding(ConformanceCheck check, Outcome outcome, String message) {
  /**
   * Checks the components.
   *
   * @param check the check
   * @param outcome whether it passed, failed or could not run
   * @param message what the plug-in did
   */
  public ConformanceFinding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Tells whether the check failed.
   *
   * @return {@code true} for {@link Outcome#FAILED}
   */
  public boolean failed() {
    return outcome == Outcome.FAILED;
  }

  @Override
  public String toString() {
    return outcome.label() + " " + check.title() + ": " + message;
  }

  /** How a check ended. */
  public enum Outcome {
    /** The plug-in keeps the rule. */
    PASSED,
    /** The plug-in breaks the rule. */
    FAILED,
    /**
     * The check could not run with what the kit was given, such as a node with no applicable
     * updates or no failing node; it does not fail the plug-in.
     */
    NOT_RUN;

    String label() {
      return "[" + name().replace('_', ' ').toLowerCase(Locale.ROOT) + "]";
    }
  }
}
