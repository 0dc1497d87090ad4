package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Windows setup's documented exit codes, for simulated feature updates that fail as setup does
 * ({@link SimulatedUpdate#failingWith(int)}): the compatibility scan's answers and the upgrade's.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SetupExitCodes {
  /** The compatibility scan found nothing that blocks the upgrade, {@code MOSETUP_E_COMPAT_SCANONLY}. */
  public static final int COMPAT_SCANONLY = 0xC1900210;

  /** An application blocks the upgrade, {@code MOSETUP_E_COMPAT_INSTALLREQ_BLOCK}. */
  public static final int COMPAT_INSTALLREQ_BLOCK = 0xC1900208;

  /** The machine is not eligible for the upgrade, {@code MOSETUP_E_COMPAT_SYSREQ_BLOCK}. */
  public static final int COMPAT_SYSREQ_BLOCK = 0xC1900200;

  /** The upgrade succeeded and continues after a restart. */
  public static final int CONTINUE_REBOOT = 3;

  /** How many times setup restarts an upgrading node by itself. */
  public static final int SETUP_RESTARTS = 3;

  private SetupExitCodes() {}
}
