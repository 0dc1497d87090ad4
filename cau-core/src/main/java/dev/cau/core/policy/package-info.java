/**
 * The decisions of an updating run that a policy tester may want to vary. A
 * {@link dev.cau.core.policy.RolloutPolicy} chooses which waiting nodes the run takes when, from a
 * {@link dev.cau.core.policy.RolloutView} of the run; it is named in the run's journal header.
 * An {@link dev.cau.core.policy.OrchestrationPolicy} decides whether nodes may go down, whether a
 * failed node is tried again and whether a node is brought back to service after a failed attempt.
 * {@link dev.cau.core.policy.RolloutPolicy#CAU} and
 * {@link dev.cau.core.policy.OrchestrationPolicy#CAU} are CAU's behaviour.
 */
@NullMarked
package dev.cau.core.policy;

import org.jspecify.annotations.NullMarked;
