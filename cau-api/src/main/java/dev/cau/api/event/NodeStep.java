package dev.cau.api.event;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The steps of a node's update, in the order the engine normally takes them. */
@API(status = STABLE, since = "0.1.0")
public enum NodeStep {
  /** Staging (downloading) updates before the node is drained. */
  STAGING,
  /** Running the pre-update script. */
  PRE_UPDATE_SCRIPT,
  /** Pausing the node and draining its roles. */
  SUSPENDING,
  /** Installing updates. */
  INSTALLING,
  /** Restarting the node. */
  RESTARTING,
  /** Waiting for the restarted node to be ready. */
  WAITING_FOR_NODE,
  /** Scanning again for updates that apply only now. */
  RESCANNING,
  /** Resuming the node and failing its roles back. */
  RESUMING,
  /** Running the post-update script. */
  POST_UPDATE_SCRIPT
}
