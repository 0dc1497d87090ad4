package dev.cau.api.event;

import dev.cau.api.RunId;
import java.time.Instant;

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
public record NodeAttemptFailed(
    RunId runId, Instant at, String node, int attempt, String reason, boolean willRetry)
    implements RunEvent {}
