package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of a cluster validation ({@code Test-Cluster}), summed up.
 *
 * @param passed how many tests passed
 * @param warnings how many tests passed with warnings
 * @param failed how many tests failed
 * @param problems one line for each failed test or warning, as the validation names it
 * @param reportLocation where the full report is, as the cluster names it (a path on a node);
 *     empty if there is none
 */
@API(status = STABLE, since = "0.1.0")
public record ValidationSummary(int passed, int warnings, int failed, List<String> problems, String reportLocation) {
  /**
   * Checks the components.
   *
   * @param passed tests passed
   * @param warnings tests with warnings
   * @param failed tests failed
   * @param problems one line per failure or warning
   * @param reportLocation where the full report is
   */
  public ValidationSummary {
    if (passed < 0 || warnings < 0 || failed < 0) {
      throw new IllegalArgumentException("Test counts are 0 or more");
    }
    problems = List.copyOf(problems);
    Objects.requireNonNull(reportLocation, "reportLocation");
  }

  /**
   * Tells whether the cluster passed validation: no test failed.
   *
   * @return whether {@code failed} is 0
   */
  public boolean succeeded() {
    return failed == 0;
  }
}
