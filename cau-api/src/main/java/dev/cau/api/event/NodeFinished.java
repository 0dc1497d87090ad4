package dev.cau.api.event;

import dev.cau.api.RunId;
import dev.cau.api.result.NodeResult;
import java.time.Instant;

/**
 * The engine is done with a node.
 *
 * @param runId the run
 * @param at when it finished
 * @param result what happened to the node
 */
public record NodeFinished(RunId runId, Instant at, NodeResult result) implements RunEvent {}
