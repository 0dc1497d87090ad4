package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CancellationSignal;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import java.time.Clock;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The capability a simulated node offers to plug-ins: its catalogue of updates. Reach it with
 * {@code context.capability(UpdateCatalog.class)}.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface UpdateCatalog {
  /**
   * Lists the updates that apply now: not installed, and whose prerequisite is installed.
   *
   * @return the applicable updates, in catalogue order
   */
  List<Update> scan();

  /**
   * Stages updates.
   *
   * @param updates what to stage
   */
  void stage(List<Update> updates);

  /**
   * Installs updates in order, stopping at a cancellation request.
   *
   * @param updates what to install
   * @param cancellation raised when the run is being canceled
   * @param clock stamps each result when its installation ends: the caller's clock
   * @return one result per update
   */
  List<InstallResult> install(List<Update> updates, CancellationSignal cancellation, Clock clock);
}
