package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One simulated operation: which node, what, when it started and how long it took.
 *
 * @param sequence its place among all steps and changes of the cluster, from 0
 * @param node the node
 * @param step what was done, such as {@code suspend} or {@code install KB1}
 * @param start when it started, in virtual time
 * @param duration how long it took
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record StepRecord(long sequence, String node, String step, Instant start, Duration duration) {}
