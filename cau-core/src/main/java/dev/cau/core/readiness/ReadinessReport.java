package dev.cau.core.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a readiness check found, rule by rule: the engine's rules first, in CAU's order, then each
 * plug-in's.
 *
 * @param cluster the cluster's name
 * @param checkedAt when the check began
 * @param findings one finding per rule
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ReadinessReport(String cluster, Instant checkedAt, List<Finding> findings) {
  /**
   * Checks the components and copies the list.
   *
   * @param cluster the cluster's name
   * @param checkedAt when the check began
   * @param findings one finding per rule
   */
  public ReadinessReport {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(checkedAt, "checkedAt");
    findings = List.copyOf(findings);
  }

  /**
   * Returns the findings of rules that failed, of any severity.
   *
   * @return the failed findings
   */
  public List<Finding> failed() {
    return findings.stream().filter(f -> f.state() == FindingState.FAILED).toList();
  }

  /**
   * Returns the failed rules of error severity: each one means a run would fail or must not start.
   *
   * @return the blocking findings
   */
  public List<Finding> blocking() {
    return findings.stream().filter(Finding::isBlocking).toList();
  }

  /**
   * Tells whether no rule of error severity failed.
   *
   * @return whether the cluster is ready to be updated
   */
  public boolean isReady() {
    return blocking().isEmpty();
  }

  /**
   * Returns the finding of one rule.
   *
   * @param ruleId the rule's identifier
   * @return the finding
   * @throws IllegalArgumentException if no rule of that identifier was checked
   */
  public Finding finding(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No rule \"" + ruleId + "\" was checked; the rules are "
            + findings.stream().map(Finding::ruleId).toList()));
  }
}
