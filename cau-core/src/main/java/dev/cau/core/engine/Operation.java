package dev.cau.core.engine;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptRequest;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.api.plugin.Update;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A blocking call the state machine asks the driver to make into the SPI. */
public sealed interface Operation {
  /**
   * Lists the updates a plug-in finds on the node.
   *
   * @param plugin the plug-in that scans
   */
  record ScanUpdates(String plugin) implements Operation {}

  /**
   * Prepares updates before the node is drained.
   *
   * @param plugin the plug-in that stages
   * @param updates what it stages
   */
  record StageUpdates(String plugin, List<Update> updates) implements Operation {}

  /**
   * Checks that the node accepts a remote restart, enabling its firewall rule if allowed.
   *
   * @param enable whether the rule may be enabled ({@code EnableFirewallRules})
   */
  record CheckRemoteShutdown(boolean enable) implements Operation {}

  /**
   * Runs a pre- or post-update script on the node.
   *
   * @param request the script to run
   */
  record RunScript(ScriptRequest request) implements Operation {}

  /**
   * Read a snapshot of the cluster: for the quorum guard, or to see whether storage has finished
   * repairing.
   */
  record ObserveCluster() implements Operation {}

  /**
   * Stops the whole cluster for an offline update: every clustered role goes offline. A call
   * for the cluster, not for one node.
   */
  record StopCluster() implements Operation {}

  /** Starts the cluster again after an offline update. A call for the cluster, not for one node. */
  record StartCluster() implements Operation {}

  /**
   * Shows every node's first scan to the plug-ins that review it, before any node is touched. A
   * call for the cluster, not for one node; it ends {@code Done}, or {@code Failed} with the
   * refusal.
   *
   * @param scans by reviewing plug-in, what its scan offered each scanned node, in node order
   */
  record ReviewInitialScan(Map<String, Map<String, List<Update>>> scans) implements Operation {}

  /**
   * Pauses and drains the node.
   *
   * @param request how to suspend
   */
  record Suspend(SuspendRequest request) implements Operation {}

  /**
   * Installs updates on the node.
   *
   * @param plugin the plug-in that installs
   * @param updates what it installs
   * @param rescanFirst whether the plug-in scans first and installs only what the scan still
   *     offers: an install repeated after the coordinator was interrupted, which may have
   *     installed some of the updates already
   */
  record InstallUpdates(String plugin, List<Update> updates, boolean rescanFirst) implements Operation {
    /**
     * Installs the updates.
     *
     * @param plugin the plug-in that installs
     * @param updates what it installs
     */
    InstallUpdates(String plugin, List<Update> updates) {
      this(plugin, updates, false);
    }

    /** Returns this install as it is repeated after an interruption. */
    InstallUpdates afterInterruption() {
      return new InstallUpdates(plugin, updates, true);
    }
  }

  /**
   * Starts a restart of the node.
   *
   * @param mode the kind of restart
   */
  record Restart(RebootMode mode) implements Operation {}

  /**
   * Waits for the restarted node to be ready.
   *
   * @param timeout how long the node may take
   */
  record AwaitReady(Duration timeout) implements Operation {}

  /**
   * Resumes the node and fails its roles back.
   *
   * @param failback how roles return
   */
  record Resume(FailbackMode failback) implements Operation {}
}
