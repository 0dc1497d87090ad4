package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Something that happened in an updating run. Events never carry secrets.
 *
 * <p>The hierarchy is sealed: a {@code switch} over it is checked for completeness.
 */
@API(status = STABLE, since = "0.1.0")
public sealed interface RunEvent
    permits RunStarted,
        NodeScanned,
        NodeStepStarted,
        UpdatesInstalled,
        NodeAttemptFailed,
        NodeFinished,
        OperationMessage,
        RunFinished {
  /**
   * Returns the run the event belongs to.
   *
   * @return the run id
   */
  RunId runId();

  /**
   * Returns when it happened, from the run's clock.
   *
   * @return the instant, in UTC
   */
  Instant at();
}
