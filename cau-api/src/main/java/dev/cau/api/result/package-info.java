/**
 * The outcome of an updating run, per node and for the whole run, with CAU's summary statuses
 * {@code Succeeded}, {@code PartiallyFailed}, {@code Failed} and {@code Canceled}.
 */
@NullMarked
package dev.cau.api.result;

import org.jspecify.annotations.NullMarked;
