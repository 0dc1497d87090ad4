package dev.cau.api.plugin;

/**
 * Whether installing an update restarts its node, as Windows Update's
 * {@code InstallationBehavior.RebootBehavior} tells before the install.
 */
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
