package dev.cau.testkit.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * One simulated operation: which node, what, when it started and how long it took.
 *
 * @param sequence its place among all steps and changes of the cluster, from 0
 * @param node the node
 * @param step what was done, such as {@code suspend} or {@code install KB1}
 * @param start when it started, in virtual time
 * @param duration how long it took
 */
public record StepRecord(long sequence, String node, String step, Instant start, Duration duration) {}
