package dev.cau.plugin.windowsupdate;

import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedPrograms;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a simulated agent behind a simulated node's PowerShell: the node's program runner hands the
 * plug-in's script request to the agent, charges the agent's time in virtual time, and a restart
 * of the node restarts the agent. Each call is recorded with the node's state and the number of
 * virtual instant it started at.
 */
final class SimulatedAgents {
  /**
   * One call of the script.
   *
   * @param node the node
   * @param operation the operation the agent recorded, such as {@code download [..]}
   * @param state the node's state during the call
   * @param at the virtual instant the call started
   */
  record Call(String node, String operation, String state, java.time.Instant at) {}

  private final List<Call> calls = new ArrayList<>();

  SimulatedWindowsUpdateAgent attach(SimulatedCluster cluster, SimulatedNode node, SimulatedWindowsUpdateAgent agent) {
    node.programs().define(SimulatedPrograms.POWERSHELL, (request, run) -> {
      java.time.Instant at = cluster.simulator().now();
      int before = agent.operations().size();
      SimulatedWindowsUpdateAgent.Answer answer = agent.answer(request);
      agent.operations().subList(before, agent.operations().size())
          .forEach(operation -> calls.add(new Call(node.name(), operation, node.state().name(), at)));
      run.take(answer.took());
      return answer.result();
    });
    node.onBoot(agent::restart);
    return agent;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }
}
