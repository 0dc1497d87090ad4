package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of one readiness rule, as {@code Get-BpaResult} lists it.
 *
 * @param ruleId a stable identifier, such as {@code CAU-06} or {@code RaidFirmwarePlugin.agent}
 * @param source who checked it: {@code cau} for the engine's rules, or a plug-in's name
 * @param title what the rule demands, as a sentence
 * @param severity how much a failure matters
 * @param state what the check found
 * @param detail what was found, which nodes fail, or why the rule was not checked
 * @param resolution what an administrator does to make the rule pass
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Finding(
    String ruleId, String source, String title, Severity severity, FindingState state, String detail,
    String resolution) {
  /**
   * Checks the components.
   *
   * @param ruleId the rule's identifier
   * @param source who checked it
   * @param title what the rule demands
   * @param severity how much a failure matters
   * @param state what the check found
   * @param detail what was found
   * @param resolution what to do
   */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(resolution, "resolution");
  }

  /**
   * Creates the finding of a rule from one of its outcomes.
   *
   * @param rule the rule
   * @param source who checked it
   * @param outcome what the check found
   * @return the finding
   */
  public static Finding of(ReadinessRule rule, String source, RuleOutcome outcome) {
    return new Finding(rule.id(), source, rule.title(), rule.severity(), outcome.state(), outcome.detail(),
        rule.resolution());
  }

  /**
   * Tells whether this finding must stop a run: a failed rule of error severity.
   *
   * @return whether the rule failed and is an error
   */
  public boolean isBlocking() {
    return state == FindingState.FAILED && severity == Severity.ERROR;
  }
}
