package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one check found.
 *
 * @param check the check
 * @param outcome whether it passed, failed or could not run
 * @param message what the plug-in did: for a failure, what is wrong and what the contract asks
 *     for; for a check that did not run, why and how to make it run
 */
@API(status = MAINTAINED, since = "0.1.0")
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
  @API(status = MAINTAINED, since = "0.1.0")
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
