/**
 * {@code Microsoft.RollingUpgradePlugin}: moves every node of a cluster to a new operating-system
 * version, one node at a time, from Windows Update (through the Windows Update plug-in's agent
 * access) or from setup media at the same path on every node, with one fixed PowerShell script
 * that reads its parameters as a JSON document.
 *
 * <p>{@code dev.cau.plugin.rollingupgrade.simulated} is a simulated node-side setup behind the
 * same capability, for tests and demonstrations on machines without Windows.
 */
module dev.cau.plugin.rollingupgrade {
  requires transitive dev.cau.api;
  requires dev.cau.plugin.windowsupdate;
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;

  exports dev.cau.plugin.rollingupgrade;
  exports dev.cau.plugin.rollingupgrade.simulated;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider;
}
