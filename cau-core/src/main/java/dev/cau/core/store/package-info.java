/** Stored runs: the journal and report codec, a journal kept in a run store, a file run store. */
@NullMarked
package dev.cau.core.store;

import org.jspecify.annotations.NullMarked;
