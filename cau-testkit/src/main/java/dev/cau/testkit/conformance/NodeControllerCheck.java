package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * The checks of {@link NodeControllerConformance}, in the order they run. Each states one rule of
 * {@link dev.cau.api.cluster.NodeController} that the engine relies on when it resumes a run or
 * repeats a call whose answer was lost.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum NodeControllerCheck {
  /** A suspend pauses the node: the cluster snapshot shows it {@code PAUSED}. */
  SUSPEND_PAUSES("suspend pauses the node"),
  /**
   * Suspending a node that is already paused succeeds without doing anything: it stays paused,
   * no role moves and it does not restart.
   */
  SUSPEND_OF_PAUSED_NODE("suspend of a paused node does nothing"),
  /** A restart starts, and {@code awaitReady} then reports the node ready within the timeout. */
  RESTART_THEN_READY("restart, then awaitReady within the timeout"),
  /**
   * The node's boot identity, as the cluster snapshot reports it, stays the same while it runs
   * (through a suspend and a resume) and changes across a restart. A controller that reports no
   * identity ({@code ""}) passes this check as not run: the engine then judges lost restarts
   * from the node's state alone.
   */
  BOOT_IDENTITY("boot identity changes across a restart only"),
  /** Right after a restart, {@code pendingRestart} does not report a restart pending. */
  NO_PENDING_RESTART_AFTER_RESTART("no restart pending right after a restart"),
  /** A resume takes the node out of the paused state: the snapshot shows it {@code UP}. */
  RESUME_UNPAUSES("resume brings the node up"),
  /**
   * Resuming a node that is not paused succeeds without doing anything: it stays up, no role
   * moves and it does not restart.
   */
  RESUME_OF_RESUMED_NODE("resume of a resumed node does nothing");

  private final String title;

  NodeControllerCheck(String title) {
    this.title = title;
  }

  /**
   * Returns the check's short name as reports show it.
   *
   * @return the name
   */
  public String title() {
    return title;
  }

  @Override
  public String toString() {
    return title;
  }
}
