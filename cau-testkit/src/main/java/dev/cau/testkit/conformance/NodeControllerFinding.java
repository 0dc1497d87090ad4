package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one check of {@link NodeControllerConformance} found.
 *
 * @param check the check
 * @param outcome whether it passed, failed or could not run
 * @param message what the controller did: for a failure, what is wrong; for a check that did not
 *     run, why
 */
@API(status = MAINTAINED, since = "0.1.0")
public record NodeControllerFinding(NodeControllerCheck check, ConformanceFinding.Outcome outcome, String message) {
  /**
   * Checks the components.
   *
   * @param check the check
   * @param outcome the outcome
   * @param message what the controller did
   */
  public NodeControllerFinding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Tells whether the check failed.
   *
   * @return {@code true} for {@link ConformanceFinding.Outcome#FAILED}
   */
  public boolean failed() {
    return outcome == ConformanceFinding.Outcome.FAILED;
  }

  @Override
  public String toString() {
    return outcome.label() + " " + check.title() + ": " + message;
  }
}
