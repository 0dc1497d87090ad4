/**
 * The deterministic simulator: {@link dev.cau.testkit.Simulator} runs the real engine in
 * virtual time, single-threaded, so that a run with hours of simulated restarts takes
 * milliseconds and repeats exactly.
 */
@NullMarked
package dev.cau.testkit;

import org.jspecify.annotations.NullMarked;
