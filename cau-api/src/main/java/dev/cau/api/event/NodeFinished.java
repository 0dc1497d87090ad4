package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import dev.cau.api.result.NodeResult;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The engine is done with a node.
 *
 * @param runId the run
 * @param at when it finished
 * @param result what happened to the node
 */
@API(status = STABLE, since = "0.1.0")
public record NodeFinished(RunId runId, Instant at, NodeResult result) implements RunEvent {}
