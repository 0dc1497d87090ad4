package dev.cau.api.capability;

/** The identity a program runs as, where the node distinguishes identities. */
public enum RunAs {
  /** The identity the transport connected as. */
  CONNECTED_USER,
  /**
   * The machine's most privileged local identity: {@code SYSTEM} on Windows, {@code root} on
   * Linux. The Windows Update Agent refuses to download or install from a remote session, so a
   * Windows implementation runs such a request as {@code SYSTEM} through a scheduled task; how is
   * the implementation's job.
   */
  SYSTEM
}
