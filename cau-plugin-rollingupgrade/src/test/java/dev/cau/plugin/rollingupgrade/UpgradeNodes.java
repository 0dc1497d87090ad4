package dev.cau.plugin.rollingupgrade;

import dev.cau.api.capability.ProgramResult;
import dev.cau.plugin.rollingupgrade.simulated.SimulatedUpgradeNode;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedPrograms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Puts a simulated operating system and setup (and, Windows Update connected, a simulated Windows
 * Update Agent) behind each simulated node's PowerShell: the node's program runner hands each
 * script to the one it belongs to, charges its time in virtual time, and takes the node down and
 * back as often as setup restarts it. A feature update the agent installs is staged as setup
 * would stage it. When every node runs the new build, the cluster's highest supported functional
 * level rises, as a real cluster reports it.
 */
final class UpgradeNodes {
  /** The seed's 22H2 build and revision. */
  static final String OLD_BUILD = "20349";

  /** The seed's 23H2 build. */
  static final String NEW_BUILD = "25398";

  /** The 23H2 media's image version. */
  static final String MEDIA_IMAGE = "10.0.25398.469";

  /** Where the media are extracted on every node. */
  static final String MEDIA = "C:\\ClusterStorage\\Media\\23H2";

  /** The 23H2 feature update as Windows Update offers it. */
  static final CatalogueUpdate FEATURE_23H2 = CatalogueUpdate.important("5031455",
      "Feature update to Azure Stack HCI, version 23H2 (25398.469)").classification("Upgrades").restart(1);

  /** A different feature update, as nodes with a mixed patch level are offered. */
  static final CatalogueUpdate FEATURE_23H2_OLDER = CatalogueUpdate.important("5031454",
      "Feature update to Azure Stack HCI, version 23H2 (25398.320)").classification("Upgrades").restart(1);

  /** The level a 22H2 cluster runs at, and the level the new version supports. */
  static final int OLD_LEVEL = 11;

  static final int NEW_LEVEL = 12;

  private final SimulatedCluster cluster;
  private final Map<String, SimulatedUpgradeNode> systems = new LinkedHashMap<>();
  private final Map<String, SimulatedWindowsUpdateAgent> agents = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();

  UpgradeNodes(SimulatedCluster cluster) {
    this.cluster = cluster;
    cluster.functionalLevel(OLD_LEVEL, OLD_LEVEL);
  }

  /** Builds the cluster most of these tests upgrade: the named nodes, each owning one virtual machine. */
  static SimulatedCluster hciWithOneVmPerNode(List<String> names) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("hci");
    names.forEach(builder::node);
    names.forEach(n -> builder.role("vm-" + n, n));
    return builder.build();
  }

  /** Attaches a 22H2 node with the 23H2 media extracted at {@link #MEDIA}. */
  SimulatedUpgradeNode withMedia(String name) {
    SimulatedNode node = cluster.node(name);
    node.files().directory(MEDIA).write(MEDIA + "\\setup.exe", "setup");
    return attach(node, new SimulatedUpgradeNode(OLD_BUILD, 2322, "22H2").media(MEDIA_IMAGE), null);
  }

  /** Attaches a 22H2 node whose Windows Update offers a catalogue. */
  SimulatedUpgradeNode withWindowsUpdate(String name, CatalogueUpdate... catalogue) {
    return attach(cluster.node(name), new SimulatedUpgradeNode(OLD_BUILD, 2322, "22H2"),
        new SimulatedWindowsUpdateAgent(List.of(catalogue)));
  }

  SimulatedUpgradeNode system(String name) {
    return systems.get(name);
  }

  SimulatedWindowsUpdateAgent agent(String name) {
    return agents.get(name);
  }

  /** Every script call, as {@code node operation}. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  private SimulatedUpgradeNode attach(SimulatedNode node, SimulatedUpgradeNode system,
      @Nullable SimulatedWindowsUpdateAgent agent) {
    systems.put(node.name(), system);
    if (agent != null) {
      agents.put(node.name(), agent);
    }
    node.programs().define(SimulatedPrograms.POWERSHELL, (request, run) -> {
      if (SimulatedUpgradeNode.isScriptRequest(request)) {
        int before = system.operations().size();
        SimulatedUpgradeNode.Answer answer = system.answer(request);
        system.operations().subList(before, system.operations().size())
            .forEach(op -> calls.add(node.name() + " " + op));
        run.take(answer.took());
        if (answer.restarts() > 0) {
          node.restartByItself(answer.restarts());
        }
        return answer.result();
      }
      if (agent == null) {
        return new ProgramResult(1, "", "no Windows Update Agent on this node", false);
      }
      int before = agent.operations().size();
      SimulatedWindowsUpdateAgent.Answer answer = agent.answer(request);
      for (String op : agent.operations().subList(before, agent.operations().size())) {
        calls.add(node.name() + " wu " + op);
        for (CatalogueUpdate feature : List.of(FEATURE_23H2, FEATURE_23H2_OLDER)) {
          if (op.startsWith("install") && op.contains(feature.updateId())) {
            String revision = feature.title().replaceAll(".*\\(25398\\.([0-9]+)\\).*", "$1");
            system.stageUpgrade(NEW_BUILD, Long.parseLong(revision), "23H2");
          }
        }
      }
      run.take(answer.took());
      return answer.result();
    });
    // The testkit's node reports the OS the simulated setup leaves, as the generic feature-update model does.
    node.operatingSystem(system.displayVersion(), system.build());
    node.onBoot(() -> {
      system.boot();
      node.operatingSystem(system.displayVersion(), system.build());
      if (agent != null) {
        agent.restart();
      }
      if (systems.size() == cluster.nodes().size()
          && systems.values().stream().allMatch(s -> s.build().equals(NEW_BUILD))) {
        cluster.functionalLevel(cluster.functionalLevel(dev.cau.testkit.conformance.ConformanceContext.on(
            dev.cau.testkit.conformance.ConformanceNode.empty())).current(), NEW_LEVEL);
      }
    });
    return system;
  }
}
