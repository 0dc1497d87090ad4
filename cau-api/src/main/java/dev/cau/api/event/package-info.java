/**
 * What an updating run reports while it runs: the sealed {@link dev.cau.api.event.RunEvent}
 * hierarchy and the {@link dev.cau.api.event.RunListener} that receives it.
 */
@NullMarked
package dev.cau.api.event;

import org.jspecify.annotations.NullMarked;
