/**
 * {@code Microsoft.WindowsUpdatePlugin}, Cluster-Aware Updating's default plug-in: it drives the
 * Windows Update Agent on each node through the standard
 * {@link dev.cau.api.capability.ProgramRunner} capability, with one fixed PowerShell script that
 * reads its parameters as a JSON document and answers with one.
 *
 * <p>{@code dev.cau.plugin.windowsupdate.simulated} is a simulated agent behind the same
 * capability, for tests and demonstrations on machines without Windows.
 */
module dev.cau.plugin.windowsupdate {
  requires transitive dev.cau.api;
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;

  exports dev.cau.plugin.windowsupdate;
  exports dev.cau.plugin.windowsupdate.simulated;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.plugin.windowsupdate.WindowsUpdatePluginProvider;
}
