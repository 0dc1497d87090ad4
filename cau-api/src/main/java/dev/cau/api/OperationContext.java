package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Clock;
import org.apiguardian.api.API;

/**
 * What the engine passes with every blocking call into a controller or plug-in.
 *
 * <p>Calls are plain blocking calls; the engine decides which thread makes them. Use
 * {@link #clock()} for every timestamp, never the system clock, so that simulated runs stay
 * deterministic.
 */
@API(status = STABLE, since = "0.1.0")
public interface OperationContext {
  /**
   * Returns the run this call belongs to.
   *
   * @return the run id
   */
  RunId runId();

  /**
   * Returns the node the call is about.
   *
   * @return the node name
   */
  String nodeName();

  /**
   * Returns the signal raised when the run is being canceled.
   *
   * @return the cancellation signal
   */
  CancellationSignal cancellation();

  /**
   * Returns where to report progress and warnings.
   *
   * @return the log for this call
   */
  OperationLog log();

  /**
   * Returns the clock of the run: real time in production, virtual time in a simulation.
   *
   * @return the clock
   */
  Clock clock();
}
