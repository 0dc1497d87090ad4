package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * How a node is taken out of service: CAU's default drain, or one of its {@code ForcePause…}
 * switches, of which at most one may be set.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum PauseMode {
  /** Pause and drain gracefully; the drain fails if a role cannot move. The default. */
  DRAIN("(default)"),
  /** {@code ForcePauseNoDrain}: pause without moving roles. */
  FORCE_PAUSE_NO_DRAIN("ForcePauseNoDrain"),
  /** {@code ForcePauseAndDrain}: pause and move every role, stopping those that cannot move. */
  FORCE_PAUSE_AND_DRAIN("ForcePauseAndDrain"),
  /** {@code ForcePauseDrainAndReboot}: as a forced drain, and always restart the node. */
  FORCE_PAUSE_DRAIN_AND_REBOOT("ForcePauseDrainAndReboot");

  private final String cauName;

  PauseMode(String cauName) {
    this.cauName = cauName;
  }

  /**
   * Returns the name of CAU's switch for this mode.
   *
   * @return the switch name, or {@code (default)}
   */
  public String cauName() {
    return cauName;
  }
}
