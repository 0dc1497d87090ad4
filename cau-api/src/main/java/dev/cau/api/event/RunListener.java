package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Receives the events of an updating run.
 *
 * <p>Events of one run arrive one at a time, in the order they happened, on the engine's
 * coordinating thread. A listener must return quickly; an exception it throws is logged and
 * does not affect the run or the other listeners.
 */
@API(status = STABLE, since = "0.1.0")
@FunctionalInterface
public interface RunListener {
  /** A listener that ignores every event. */
  RunListener NONE = event -> {};

  /**
   * Called for each event of the run.
   *
   * @param event what happened
   */
  void onEvent(RunEvent event);
}
