package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The engine began a step of a node's update, like one of CAU's node status notifications.
 *
 * @param runId the run
 * @param at when the step began
 * @param node the node
 * @param step the step
 * @param attempt which attempt on this node, from 1
 */
@API(status = STABLE, since = "0.1.0")
public record NodeStepStarted(RunId runId, Instant at, String node, NodeStep step, int attempt)
    implements RunEvent {}
