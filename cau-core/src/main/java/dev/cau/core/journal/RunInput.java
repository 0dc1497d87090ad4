package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.ClusterSnapshot;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One input of a run's state machine. The engine writes each input to the run's journal before
 * it acts on it, so that replaying the journal rebuilds the run's state.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public sealed interface RunInput
    permits RunInput.Started,
        RunInput.CallCompleted,
        RunInput.TimerFired,
        RunInput.CancelRequested,
        RunInput.Resumed {
  /**
   * Returns when the input happened, from the run's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * The run started against this view of the cluster.
   *
   * @param snapshot the cluster when the run started
   * @param coordinator the coordinator that started it, as its lease names it
   * @param at when the run started
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Started(ClusterSnapshot snapshot, String coordinator, Instant at) implements RunInput {
    /**
     * Checks the components.
     *
     * @param snapshot the cluster when the run started
     * @param coordinator the coordinator that started it
     * @param at when the run started
     */
    public Started {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(coordinator, "coordinator");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Another coordinator took the run over after the journal's previous coordinator stopped (a
   * crash, or a self-updating coordinator whose node was about to be updated). The run repeats
   * every call it was still waiting for, since its result was lost, and sets its pending timeouts
   * again with the time they had left when the previous coordinator stopped.
   *
   * @param coordinator the coordinator that carries the run on, as its lease names it
   * @param at when it took over
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record Resumed(String coordinator, Instant at) implements RunInput {
    /**
     * Checks the components.
     *
     * @param coordinator the coordinator that carries the run on
     * @param at when it took over
     */
    public Resumed {
      Objects.requireNonNull(coordinator, "coordinator");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A call the engine made into a controller or plug-in returned.
   *
   * @param token the token the engine gave the call; a token the run no longer waits for is
   *     ignored
   * @param node the node the call was for
   * @param result what the call returned, or how it failed
   * @param at when it returned
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record CallCompleted(int token, String node, CallResult result, Instant at) implements RunInput {
    /**
     * Checks the components.
     *
     * @param token the call's token
     * @param node the node the call was for
     * @param result what the call returned
     * @param at when it returned
     */
    public CallCompleted {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A timeout the engine set elapsed.
   *
   * @param token the timer's token
   * @param at when it elapsed
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record TimerFired(int token, Instant at) implements RunInput {
    /**
     * Checks the components.
     *
     * @param token the timer's token
     * @param at when it elapsed
     */
    public TimerFired {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Someone asked the run to stop, as {@code Stop-CauRun} does.
   *
   * @param reason why, for the run's result
   * @param at when it was asked
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  record CancelRequested(String reason, Instant at) implements RunInput {
    /**
     * Checks the components.
     *
     * @param reason why
     * @param at when
     */
    public CancelRequested {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }
}
