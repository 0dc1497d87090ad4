/**
 * The decisions of an updating run that a policy tester may want to vary: whether a node may go
 * down, whether a failed node is tried again, whether a node is brought back to service after a
 * failed attempt. {@link dev.cau.core.policy.OrchestrationPolicy#CAU} is CAU's behaviour.
 */
@NullMarked
package dev.cau.core.policy;

import org.jspecify.annotations.NullMarked;
