/**
 * The quorum guard: a pure function that decides whether nodes may go down without the
 * cluster losing quorum, and says why.
 */
@NullMarked
package dev.cau.core.quorum;

import org.jspecify.annotations.NullMarked;
