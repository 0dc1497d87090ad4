package dev.cau.testkit.cluster;

import java.time.Instant;

/**
 * A change of the simulated cluster's state, recorded in its history.
 *
 * @param sequence its place among all steps and changes of the cluster, from 0
 * @param at when it happened, in virtual time
 * @param description what changed
 */
public record ClusterChange(long sequence, Instant at, String description) {}
