package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Where outside code reports what it is doing during a call.
 *
 * <p>Messages become run events and log lines tagged with the run id and the node. Never pass a
 * secret: messages are shown to operators and kept in reports. Implementations are thread-safe.
 */
@API(status = STABLE, since = "0.1.0")
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
