package dev.cau.api.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A rule a cluster must meet before it is updated. A plug-in contributes its own through
 * {@link dev.cau.api.plugin.UpdatePlugin#readinessRules()}.
 *
 * <p>{@link #check} only reads. It may throw: the engine reports an exception as a
 * {@link FindingState#NOT_CHECKED not checked} finding with the exception's message.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ReadinessRule {
  /**
   * Returns the rule's stable identifier, unique within its source.
   *
   * @return for example {@code RaidFirmwarePlugin.agent}
   */
  String id();

  /**
   * Returns what the rule demands, as a sentence.
   *
   * @return the title
   */
  String title();

  /**
   * Returns how much a failure matters.
   *
   * @return the severity
   */
  Severity severity();

  /**
   * Returns what an administrator does to make the rule pass.
   *
   * @return the resolution
   */
  String resolution();

  /**
   * Checks the cluster.
   *
   * @param context the cluster and its nodes' capabilities
   * @return what the check found
   */
  RuleOutcome check(ReadinessContext context);

  /**
   * Creates a rule from its parts.
   *
   * @param id the stable identifier
   * @param title what the rule demands
   * @param severity how much a failure matters
   * @param resolution what to do when it fails
   * @param check the check
   * @return the rule
   */
  static ReadinessRule of(String id, String title, Severity severity, String resolution,
      Function<ReadinessContext, RuleOutcome> check) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(check, "check");
    return new Defined(id, title, severity, resolution, check);
  }

  /**
   * A rule made of its parts by {@link #of}.
   *
   * @param id the stable identifier
   * @param title what the rule demands
   * @param severity how much a failure matters
   * @param resolution what to do when it fails
   * @param checker the check
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Defined(String id, String title, Severity severity, String resolution,
      Function<ReadinessContext, RuleOutcome> checker) implements ReadinessRule {
    /**
     * Checks the components.
     *
     * @param id the stable identifier
     * @param title what the rule demands
     * @param severity how much a failure matters
     * @param resolution what to do when it fails
     * @param checker the check
     */
    public Defined {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(resolution, "resolution");
      Objects.requireNonNull(checker, "checker");
    }

    @Override
    public RuleOutcome check(ReadinessContext context) {
      return checker.apply(context);
    }

    @Override
    public String toString() {
      return "ReadinessRule[" + id + "]";
    }
  }
}
