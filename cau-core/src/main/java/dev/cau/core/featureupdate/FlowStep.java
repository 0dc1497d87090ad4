package dev.cau.core.featureupdate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of one step of the feature-update flow: what the caller shows, and whether it may go
 * on.
 *
 * @param step which step
 * @param outcome whether it was done, stopped the flow, or was skipped
 * @param summary one sentence for the caller to show
 * @param details one line per node, finding or action, in order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record FlowStep(Step step, Outcome outcome, String summary, List<String> details) {
  /** The steps, in the order the flow takes them. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Step {
    /** {@code Test-CauSetup} and cluster validation. */
    READINESS,
    /** The scan with the upgrade's plug-in; every node must be offered the same feature update. */
    SCAN,
    /** The rolling run that upgrades every node. */
    RUN,
    /** A scan for updates that apply on the new version. */
    FURTHER_UPDATES,
    /** {@code Update-ClusterFunctionalLevel}: irreversible. */
    RAISE_FUNCTIONAL_LEVEL,
    /** {@code Update-StoragePool}. */
    UPGRADE_STORAGE_POOL,
    /** {@code Update-VMVersion} on every node's virtual machines: opt-in. */
    UPGRADE_VM_VERSIONS,
    /** A check, node by node, that the roles can fail over. */
    VERIFY_FAILOVER,
    /** {@code Test-Cluster} after the upgrade. */
    VALIDATE
  }

  /** How a step ended. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Outcome {
    /** The step did what it is for; the flow may go on. */
    DONE,
    /** The step refused or failed; the summary says what blocks it. */
    STOPPED,
    /** The step was not needed or not asked for; the summary says why. */
    SKIPPED
  }

  /**
   * Checks the components and copies the details.
   *
   * @param step which step
   * @param outcome how it ended
   * @param summary one sentence
   * @param details one line per item
   */
  public FlowStep {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
    details = List.copyOf(details);
  }

  /**
   * Tells whether the flow may go on after this step.
   *
   * @return whether the step was not {@link Outcome#STOPPED}
   */
  public boolean canContinue() {
    return outcome != Outcome.STOPPED;
  }

  static FlowStep done(Step step, String summary, List<String> details) {
    return new FlowStep(step, Outcome.DONE, summary, details);
  }

  static FlowStep stopped(Step step, String summary, List<String> details) {
    return new FlowStep(step, Outcome.STOPPED, summary, details);
  }

  static FlowStep skipped(Step step, String summary) {
    return new FlowStep(step, Outcome.SKIPPED, summary, List.of());
  }
}
