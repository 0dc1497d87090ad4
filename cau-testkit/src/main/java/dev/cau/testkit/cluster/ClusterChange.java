package dev.cau.testkit.cluster;

import java.time.Instant;

/**
 * A change of the simulated cluster's state, recorded in its history.
 *
 * @param at when it happened, in virtual time
 * @param description what changed
 */
public record ClusterChange(Instant at, String description) {}
