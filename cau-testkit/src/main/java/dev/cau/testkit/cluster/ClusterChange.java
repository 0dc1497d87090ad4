package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A change of the simulated cluster's state, recorded in its history.
 *
 * @param sequence its place among all steps and changes of the cluster, from 0
 * @param at when it happened, in virtual time
 * @param description what changed
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ClusterChange(long sequence, Instant at, String description) {}
