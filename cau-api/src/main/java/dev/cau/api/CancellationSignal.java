package dev.cau.api;

/**
 * Tells a long blocking call that the run it serves has been asked to stop.
 *
 * <p>Implementations are thread-safe; a call polls it between units of work. The engine may
 * also interrupt the calling thread.
 */
public interface CancellationSignal {
  /** A signal that is never raised, for calls made outside a run. */
  CancellationSignal NEVER = () -> false;

  /**
   * Tells whether cancellation has been requested.
   *
   * @return {@code true} once the run is being canceled
   */
  boolean isCancellationRequested();

  /**
   * Throws if cancellation has been requested.
   *
   * @throws OperationCanceledException if the run is being canceled
   */
  default void throwIfCancellationRequested() {
    if (isCancellationRequested()) {
      throw new OperationCanceledException("The updating run was canceled");
    }
  }
}
