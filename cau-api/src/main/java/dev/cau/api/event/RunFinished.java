package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The run ended. This is always the last event of a run.
 *
 * @param runId the run
 * @param at when it ended
 * @param result what the run did
 */
@API(status = STABLE, since = "0.1.0")
public record RunFinished(RunId runId, Instant at, RunResult result) implements RunEvent {}
