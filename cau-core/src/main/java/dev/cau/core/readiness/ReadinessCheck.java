package dev.cau.core.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks rules one after the other and turns each outcome into a finding. A rule that throws is
 * reported as not checked, with what it threw; one rule's failure never stops the others.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ReadinessCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ReadinessCheck.class);

  private final List<Finding> findings = new ArrayList<>();
  private final ReadinessContext context;
  private final UnaryOperator<String> scrub;

  /**
   * Starts a check.
   *
   * @param context what the rules may read
   * @param scrub removes secret values from the text of a finding
   */
  public ReadinessCheck(ReadinessContext context, UnaryOperator<String> scrub) {
    this.context = context;
    this.scrub = scrub;
  }

  /**
   * Checks rules from one source.
   *
   * @param source {@link CauRules#SOURCE} or a plug-in's name
   * @param rules the rules
   * @return this check
   */
  public ReadinessCheck check(String source, List<ReadinessRule> rules) {
    for (ReadinessRule rule : rules) {
      RuleOutcome outcome;
      try {
        outcome = rule.check(context);
      } catch (RuntimeException e) {
        LOG.warn("Readiness rule {} of {} could not be checked", rule.id(), source, e);
        outcome = RuleOutcome.notChecked("The check failed: " + e.getMessage());
      }
      Finding finding = Finding.of(rule, source, outcome);
      findings.add(new Finding(finding.ruleId(), source, finding.title(), finding.severity(), finding.state(),
          scrub.apply(finding.detail()), finding.resolution()));
    }
    return this;
  }

  /**
   * Reports rules that were not checked at all, for instance because the cluster could not be read.
   *
   * @param source who owns them
   * @param rules the rules
   * @param reason why they were not checked
   * @return this check
   */
  public ReadinessCheck skip(String source, List<ReadinessRule> rules, String reason) {
    for (ReadinessRule rule : rules) {
      findings.add(new Finding(rule.id(), source, rule.title(), rule.severity(), FindingState.NOT_CHECKED,
          scrub.apply(reason), rule.resolution()));
    }
    return this;
  }

  /**
   * Returns the findings so far, in the order the rules were checked.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
