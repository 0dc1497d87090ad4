package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.ClusterSnapshot;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The cluster right after one change of a simulated run.
 *
 * @param sequence the sequence number of the change (steps and changes share one sequence); -1
 *     for the state at the start
 * @param at when, in virtual time
 * @param snapshot the cluster then
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TimedSnapshot(long sequence, Instant at, ClusterSnapshot snapshot) {}
