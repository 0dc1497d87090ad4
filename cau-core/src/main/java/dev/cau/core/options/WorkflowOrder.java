package dev.cau.core.options;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * The order of the steps on a node. CAU documents drain-then-install; later Windows versions
 * are reported to install first and drain only when a restart is needed.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum WorkflowOrder {
  /** Suspend and drain, install, restart if needed, resume. The documented order; the default. */
  DRAIN_THEN_INSTALL,
  /** Install while the node serves its roles; suspend, drain and restart only if an update needs a restart. */
  INSTALL_THEN_DRAIN_IF_REBOOT
}
