package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A message a controller or plug-in reported through its
 * {@link dev.cau.api.OperationLog}, or a warning of the engine.
 *
 * @param runId the run
 * @param at when it was reported
 * @param node the node it is about, or an empty string for the whole run
 * @param warning whether it is a warning rather than information
 * @param message the text
 */
@API(status = STABLE, since = "0.1.0")
public record OperationMessage(
    RunId runId, Instant at, String node, boolean warning, String message) implements RunEvent {}
