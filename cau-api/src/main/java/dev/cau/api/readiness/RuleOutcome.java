package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one check of a rule found.
 *
 * @param state passed, failed, not applicable or not checked
 * @param detail what was found: which nodes fail and how, why the rule does not apply, or why it
 *     could not be checked; may be empty for a pass
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RuleOutcome(FindingState state, String detail) {
  /**
   * Checks the components.
   *
   * @param state the state
   * @param detail what was found
   */
  public RuleOutcome {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    if (state != FindingState.PASSED && detail.isBlank()) {
      throw new IllegalArgumentException("A " + state + " outcome must say what was found");
    }
  }

  /**
   * The cluster complies.
   *
   * @return the outcome
   */
  public static RuleOutcome passed() {
    return new RuleOutcome(FindingState.PASSED, "");
  }

  /**
   * The cluster complies, with a note.
   *
   * @param detail what was checked
   * @return the outcome
   */
  public static RuleOutcome passed(String detail) {
    return new RuleOutcome(FindingState.PASSED, detail);
  }

  /**
   * The cluster does not comply.
   *
   * @param detail what is wrong, naming the nodes
   * @return the outcome
   */
  public static RuleOutcome failed(String detail) {
    return new RuleOutcome(FindingState.FAILED, detail);
  }

  /**
   * The rule does not apply.
   *
   * @param why why not
   * @return the outcome
   */
  public static RuleOutcome notApplicable(String why) {
    return new RuleOutcome(FindingState.NOT_APPLICABLE, why);
  }

  /**
   * The rule could not be checked.
   *
   * @param reason why not
   * @return the outcome
   */
  public static RuleOutcome notChecked(String reason) {
    return new RuleOutcome(FindingState.NOT_CHECKED, reason);
  }
}
