package dev.cau.api.event;

import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import java.time.Instant;

/**
 * The run ended. This is always the last event of a run.
 *
 * @param runId the run
 * @param at when it ended
 * @param result what the run did
 */
public record RunFinished(RunId runId, Instant at, RunResult result) implements RunEvent {}
