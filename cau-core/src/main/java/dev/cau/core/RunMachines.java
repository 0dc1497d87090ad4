package dev.cau.core;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.engine.RunMachine;
import dev.cau.core.engine.RunStateMachine;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunHeader.RunKind;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;

/**
 * Builds the state machine of a run, and chooses its rollout policy: the one place where the kind
 * of run becomes a configuration of the one machine.
 */
final class RunMachines {
  private RunMachines() {}

  /** The rollout policy a new run of this kind gets: an offline update takes every node at once. */
  static RolloutPolicy rolloutFor(RunKind kind, RolloutPolicy configured) {
    return switch (kind) {
      case ROLLING -> configured;
      case OFFLINE -> RolloutPolicy.ALL_AT_ONCE;
    };
  }

  /**
   * The machine of a journaled run, with the rollout policy its header names: the configured one
   * if it is that policy, else the built-in one of that name.
   *
   * @throws InvalidOptionsException if the header names a policy this coordinator does not have
   */
  static RunMachine forHeader(RunHeader header, RunOptions options, RolloutPolicy configured,
      OrchestrationPolicy orchestration) {
    RolloutPolicy rollout = journaled(header, configured);
    return new RunStateMachine(header.runId(), header.kind(), options, rollout, orchestration, header.scanReviewers());
  }

  private static RolloutPolicy journaled(RunHeader header, RolloutPolicy configured) {
    for (RolloutPolicy candidate : new RolloutPolicy[] {rolloutFor(header.kind(), configured), RolloutPolicy.CAU,
        RolloutPolicy.ALL_AT_ONCE}) {
      if (candidate.descriptor().equals(header.rollout())) {
        return candidate;
      }
    }
    throw new InvalidOptionsException("RolloutPolicy", configured.descriptor().toString(),
        "the rollout policy run " + header.runId() + " started with (" + header.rollout()
            + "); configure the coordinator with that policy to resume the run or read its status");
  }
}
