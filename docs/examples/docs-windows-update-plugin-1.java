// docs/windows-update-plugin.md: a simulated Windows Update agent behind a node's PowerShell.
// Compiled.
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedPrograms;

class SimulatedWindowsUpdateAgentExample {
  void install(SimulatedNode node) {
    // @example
  }
}
