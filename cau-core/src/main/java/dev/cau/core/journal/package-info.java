/**
 * The run journal: a {@link dev.cau.core.journal.RunHeader} (the run's kind, options, node order,
 * quorum policy and {@link dev.cau.core.journal.RolloutDescriptor rollout policy}), then every
 * input of the run's state machine, written before the engine acts on it.
 */
@NullMarked
package dev.cau.core.journal;

import org.jspecify.annotations.NullMarked;
