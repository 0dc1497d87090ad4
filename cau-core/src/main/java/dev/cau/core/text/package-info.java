/**
 * Wording shared by every message that states a count: the engine's reasons and events, the
 * testkit's findings and the command line's output all say "1 node" and "2 nodes" through
 * {@link dev.cau.core.text.Counts}.
 */
@NullMarked
package dev.cau.core.text;

import org.jspecify.annotations.NullMarked;
