package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A node capability: the firewall rule group that allows the node to be restarted remotely
 * (Windows' "Remote Shutdown"). A node controller offers it through
 * {@link NodeController#capability(Class)}; the engine checks it before it updates the node, and
 * enables the rule when the run's {@code EnableFirewallRules} option is set.
 */
@API(status = STABLE, since = "0.1.0")
public interface RemoteShutdownFirewall {
  /**
   * Tells whether the node accepts a remote restart now.
   *
   * @return {@code true} if the rule is enabled
   */
  boolean isRemoteShutdownAllowed();

  /**
   * Enables the rule.
   *
   * @throws dev.cau.api.NodeOperationException if it cannot be enabled, for example because a
   *     group policy forbids it
   */
  void allowRemoteShutdown();
}
