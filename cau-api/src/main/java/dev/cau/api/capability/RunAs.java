package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The identity a program runs as, where the node distinguishes identities. */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
