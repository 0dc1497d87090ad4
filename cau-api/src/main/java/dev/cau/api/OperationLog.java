package dev.cau.api;

/**
 * Where outside code reports what it is doing during a call.
 *
 * <p>Messages become run events and log lines tagged with the run id and the node. Never pass a
 * secret: messages are shown to operators and kept in reports. Implementations are thread-safe.
 */
public interface OperationLog {
  /**
   * Reports progress or a detail worth showing to an operator.
   *
   * @param message the text to show
   */
  void info(String message);

  /**
   * Reports something unexpected that did not stop the call.
   *
   * @param message the text to show
   */
  void warn(String message);
}
