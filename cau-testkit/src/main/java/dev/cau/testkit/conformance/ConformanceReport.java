package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What the conformance kit found about one plug-in: one finding per check, in the order of
 * {@link ConformanceCheck}.
 *
 * @param plugin the plug-in, as {@code "name" (provider class)}
 * @param findings one finding per check
 */
@API(status = MAINTAINED, since = "0.1.0")
public record ConformanceReport(String plugin, List<ConformanceFinding> findings) {
  /**
   * Checks the components and copies the findings.
   *
   * @param plugin the plug-in
   * @param findings one finding per check
   */
  public ConformanceReport {
    Objects.requireNonNull(plugin, "plugin");
    findings = List.copyOf(findings);
  }

  /**
   * Tells whether the plug-in passed every check that ran.
   *
   * @return {@code true} if no check failed
   */
  public boolean conforms() {
    return failures().isEmpty();
  }

  /**
   * Returns the findings of the checks that failed.
   *
   * @return the failures, in check order
   */
  public List<ConformanceFinding> failures() {
    return findings.stream().filter(ConformanceFinding::failed).toList();
  }

  /**
   * Returns the finding of one check.
   *
   * @param check the check
   * @return its finding
   * @throws IllegalArgumentException if the report has no finding for it
   */
  public ConformanceFinding finding(ConformanceCheck check) {
    return findings.stream()
        .filter(f -> f.check() == check)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "The report has no finding for check \"" + check.title() + "\""));
  }

  /**
   * Returns the text of the error {@link PluginConformance#assertConforms()} throws: the plug-in
   * and every failed check with its message.
   *
   * @return the failure summary; says that the plug-in conforms if no check failed
   */
  public String failureSummary() {
    List<ConformanceFinding> failures = failures();
    if (failures.isEmpty()) {
      return "Update plug-in " + plugin + " passes every conformance check that ran";
    }
    return "Update plug-in " + plugin + " fails " + failures.size() + " of " + findings.size()
        + " conformance checks:" + failures.stream()
            .map(f -> "\n- " + f.check().title() + ": " + f.message())
            .collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return "Conformance of update plug-in " + plugin + ":" + findings.stream()
        .map(f -> "\n" + f)
        .collect(Collectors.joining());
  }
}
