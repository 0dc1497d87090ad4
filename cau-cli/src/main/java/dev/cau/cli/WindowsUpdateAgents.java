package dev.cau.cli;

import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedPrograms;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a simulated Windows Update Agent behind a simulated node's PowerShell, so that the real
 * {@code Microsoft.WindowsUpdatePlugin} runs its node-side script requests against it: the agent's
 * working time is charged in virtual time, and a restart of the node restarts the agent (which
 * finishes the installs that needed it).
 */
final class WindowsUpdateAgents {
  private static final Pattern KB = Pattern.compile("KB([0-9]{1,10})", Pattern.CASE_INSENSITIVE);

  private WindowsUpdateAgents() {}

  /**
   * Attaches an agent to each node of a cluster built from a cluster file, whose catalogue holds
   * the node's {@code updates} and {@code restart-updates} as important software updates, so that
   * the default plug-in finds on it what the in-memory plug-in finds.
   *
   * @param cluster the cluster, built from the description (which checked every setting)
   * @param description the cluster file's description
   */
  static void attach(SimulatedCluster cluster, ClusterDescription description) {
    for (NodeDescription node : description.nodes()) {
      List<CatalogueUpdate> catalogue = new ArrayList<>();
      for (BackendSetting setting : node.settings()) {
        int restart = setting.key().equals("restart-updates") ? 1 : 0;
        if (restart == 1 || setting.key().equals("updates")) {
          for (String id : setting.value().split(",", -1)) {
            catalogue.add(catalogued(id.strip(), restart));
          }
        }
      }
      attach(cluster.node(node.name()), catalogue);
    }
  }

  /** An id such as KB5051987 keeps its KB number; any other gets a GUID derived from it, and no KB. */
  private static CatalogueUpdate catalogued(String id, int restart) {
    Matcher kb = KB.matcher(id);
    CatalogueUpdate update = (kb.matches() ? CatalogueUpdate.important(kb.group(1), id)
        : CatalogueUpdate.important("0", id))
        .restart(restart).installTaking(SimulatedUpdate.DEFAULT_INSTALL_DURATION);
    return kb.matches() ? update : new CatalogueUpdate(
        UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(), null, update.title(),
        update.classification(), update.kind(), update.type(), update.eulaAccepted(), update.canRequestUserInput(),
        update.hidden(), update.installAlone(), update.rebootBehavior(), update.sizeBytes(), update.failingHresult(),
        update.appearsAfter(), update.download(), update.install());
  }

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
