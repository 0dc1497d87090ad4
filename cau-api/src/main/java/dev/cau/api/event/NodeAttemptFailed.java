package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One attempt to update a node failed.
 *
 * @param runId the run
 * @param at when it failed
 * @param node the node
 * @param attempt which attempt failed, from 1
 * @param reason what failed
 * @param willRetry whether the engine will try the node again
 */
@API(status = STABLE, since = "0.1.0")
public record NodeAttemptFailed(
    RunId runId, Instant at, String node, int attempt, String reason, boolean willRetry)
    implements RunEvent {}
