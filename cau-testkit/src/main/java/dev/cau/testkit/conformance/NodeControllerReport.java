package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What {@link NodeControllerConformance} found about one node's controller: one finding per
 * check, in the order of {@link NodeControllerCheck}.
 *
 * @param node the node's name
 * @param findings one finding per check
 */
@API(status = MAINTAINED, since = "0.1.0")
public record NodeControllerReport(String node, List<NodeControllerFinding> findings) {
  /**
   * Checks the components and copies the findings.
   *
   * @param node the node's name
   * @param findings one finding per check
   */
  public NodeControllerReport {
    Objects.requireNonNull(node, "node");
    findings = List.copyOf(findings);
  }

  /**
   * Tells whether the controller passed every check that ran.
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
  public List<NodeControllerFinding> failures() {
    return findings.stream().filter(NodeControllerFinding::failed).toList();
  }

  /**
   * Returns the finding of one check.
   *
   * @param check the check
   * @return its finding
   * @throws IllegalArgumentException if the report has none for it
   */
  public NodeControllerFinding finding(NodeControllerCheck check) {
    return findings.stream().filter(f -> f.check() == check).findFirst().orElseThrow(() ->
        new IllegalArgumentException("The report has no finding for check \"" + check.title() + "\""));
  }

  /**
   * Returns the text of the error {@link NodeControllerConformance#assertConforms()} throws.
   *
   * @return every failed check with its message, or that the controller conforms
   */
  public String failureSummary() {
    List<NodeControllerFinding> failures = failures();
    if (failures.isEmpty()) {
      return "The controller of node \"" + node + "\" passes every conformance check that ran";
    }
    return "The controller of node \"" + node + "\" fails " + failures.size() + " of " + findings.size()
        + " conformance checks:" + failures.stream().map(f -> "\n- " + f.check().title() + ": " + f.message())
            .collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return "Conformance of the controller of node \"" + node + "\":"
        + findings.stream().map(f -> "\n" + f).collect(Collectors.joining());
  }
}
