package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Whether installing an update restarts its node, as Windows Update's
 * {@code InstallationBehavior.RebootBehavior} tells before the install.
 */
@API(status = STABLE, since = "0.1.0")
public enum RestartBehavior {
  /** The plug-in cannot tell before installing. */
  UNKNOWN,
  /** Installing never needs a restart. */
  NEVER,
  /** Installing may need a restart. */
  MAY,
  /** Installing always needs a restart. */
  ALWAYS
}
