package dev.cau.cli;

import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedPrograms;
import java.util.List;

/**
 * Puts a simulated Windows Update Agent behind a simulated node's PowerShell, so that the real
 * {@code Microsoft.WindowsUpdatePlugin} runs its node-side script requests against it: the agent's
 * working time is charged in virtual time, and a restart of the node restarts the agent (which
 * finishes the installs that needed it).
 */
final class WindowsUpdateAgents {
  private WindowsUpdateAgents() {}

  /**
   * Attaches a fresh agent with a catalogue to a node.
   *
   * @param node the node
   * @param catalogue the updates the node's agent knows
   * @return the agent, to read what it installed
   */
  static SimulatedWindowsUpdateAgent attach(SimulatedNode node, List<CatalogueUpdate> catalogue) {
    SimulatedWindowsUpdateAgent agent = new SimulatedWindowsUpdateAgent(catalogue);
    node.programs().define(SimulatedPrograms.POWERSHELL, (request, run) -> {
      SimulatedWindowsUpdateAgent.Answer answer = agent.answer(request);
      run.take(answer.took());
      return answer.result();
    });
    node.onBoot(agent::restart);
    return agent;
  }
}
