package dev.cau.api.result;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.UpdateResultCode;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an updating run did to one node, like CAU's {@code NodeResult}.
 *
 * @param node the node's name
 * @param status the node's summary status
 * @param installResults one result for every update the run tried to install, in order
 * @param attempts how many times the node's update process was tried; 0 if never started
 * @param restarts how many times the run restarted the node
 * @param bootType the kind of the last restart, or {@code null} if the node was not restarted
 * @param restartPending whether the node still needs a restart the run did not do
 * @param reason why the node did not succeed, or {@code null} when it did
 */
@API(status = STABLE, since = "0.1.0")
public record NodeResult(
    String node,
    SummaryStatus status,
    List<InstallResult> installResults,
    int attempts,
    int restarts,
    @Nullable RebootMode bootType,
    boolean restartPending,
    @Nullable String reason) {
  /**
   * Checks the components and copies the list.
   *
   * @param node the node's name
   * @param status the node's summary status
   * @param installResults the per-update results
   * @param attempts how many times the node was tried
   * @param restarts how many times the node was restarted
   * @param bootType the kind of the last restart, or {@code null}
   * @param restartPending whether the node still needs a restart
   * @param reason why the node did not succeed, or {@code null}
   */
  public NodeResult {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(status, "status");
    installResults = List.copyOf(installResults);
  }

  /**
   * Counts the updates that were installed, like CAU's {@code NumberOfSucceededUpdates}.
   *
   * @return the number of results with {@link UpdateResultCode#SUCCEEDED}
   */
  public int succeededUpdates() {
    return (int) installResults.stream().filter(r -> r.code() == UpdateResultCode.SUCCEEDED).count();
  }

  /**
   * Counts the updates that failed or were canceled, like CAU's {@code NumberOfFailedUpdates}.
   *
   * @return the number of failed results
   */
  public int failedUpdates() {
    return (int) installResults.stream().filter(r -> r.code().isFailure()).count();
  }
}
