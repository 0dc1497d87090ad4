package dev.cau.core.options;

/**
 * How a node is taken out of service: CAU's default drain, or one of its {@code ForcePause…}
 * switches, of which at most one may be set.
 */
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
