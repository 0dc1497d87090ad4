/**
 * The run journal: every input of a run's state machine, written before the engine acts on it.
 */
@NullMarked
package dev.cau.core.journal;

import org.jspecify.annotations.NullMarked;
