package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * When updates that a re-scan finds after a node's restart (second-order updates, which apply only
 * once others are installed) are staged, that is downloaded, before they are installed.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum SecondOrderStaging {
  /**
   * The default: no download inside a node's drained window. When a re-scan finds updates that a
   * plug-in stages, the node is resumed first (with the run's failback mode), staged while it
   * carries its roles again, then cleared by the quorum guard and drained again for a further
   * install pass. Updates of plug-ins that stage nothing are installed while the node is still
   * drained.
   */
  OUTSIDE_DRAINED_WINDOW,
  /**
   * CAU's behaviour: the updates are staged and installed while the node is still drained, so
   * their download falls inside the drained window, and the node's roles move once.
   */
  WHILE_DRAINED
}
