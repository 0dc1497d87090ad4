package dev.cau.plugin.example.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The firmware plug-in inside a simulated rolling run: each simulated node offers a fake Contoso
 * RAID agent as its {@link RaidControllerAgent} capability, and the real engine drains, flashes,
 * restarts and resumes the nodes one at a time in virtual time.
 */
class SimulatedRollingRunTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("storage")
      .node("n1").node("n2").node("n3")
      .role("vm1", "n1").role("vm2", "n2").role("vm3", "n3")
      .build();
  private final Map<String, FakeRaidControllerAgent> agents = new LinkedHashMap<>();

  SimulatedRollingRunTests() {
    for (SimulatedNode node : cluster.nodes()) {
      FakeRaidControllerAgent agent = FakeRaidControllerAgent.typical();
      // The node offers the agent; when the node boots again, flashed firmware starts running.
      node.offer(RaidControllerAgent.class, agent).onBoot(agent::restart);
      agents.put(node.name(), agent);
    }
  }

  private static RunOptions options() {
    return RunOptions.builder()
        .plugin(new PluginSelection(RaidFirmwarePluginProvider.NAME, Map.of(
            RaidFirmwarePluginProvider.FIRMWARE_REPOSITORY, FakeRaidControllerAgent.REPOSITORY,
            RaidFirmwarePluginProvider.API_TOKEN, FakeRaidControllerAgent.TOKEN)))
        .build();
  }

  @Test
  void thePluginIsFoundWithServiceLoaderWhenTheSimulationIsAskedTo() {
    List<String> discovered = Simulation.discoveredPlugins().stream().map(p -> p.name()).toList();

    SimulationResult outcome = Simulation.run(cluster, options(), Simulation.discoveredPlugins());

    assertThat(discovered).containsExactly(RaidFirmwarePluginProvider.NAME);
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(agents.values()).allMatch(agent -> !agent.flashed().isEmpty());
  }

  @Test
  void everyNodesFirmwareIsUpdatedOneNodeAtATime() throws RaidAgentException {
    List<Integer> nodesOutOfService = new ArrayList<>();
    cluster.observe(c -> nodesOutOfService.add((int) c.nodes().stream()
        .filter(n -> n.state() != NodeState.UP).count()));

    SimulationResult outcome = Simulation.run(cluster, options(), List.of(new RaidFirmwarePluginProvider()));

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (SimulatedNode node : cluster.nodes()) {
      FakeRaidControllerAgent agent = agents.get(node.name());
      assertThat(agent.flashed()).as(node.name())
          .containsExactly("ctrl0/7.2.0", "ctrl1/3.1.0", "ctrl0/8.0.0");
      assertThat(agent.controllers()).as(node.name())
          .extracting(c -> c.id() + " " + c.activeVersion() + " pending " + c.pendingVersion())
          .containsExactly("ctrl0 8.0.0 pending null", "ctrl1 3.1.0 pending null");
      NodeResult result = outcome.result().nodeResult(node.name()).orElseThrow();
      assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
      assertThat(result.installResults()).extracting(r -> r.update().id())
          .containsExactly("ctrl0/7.2.0", "ctrl1/3.1.0", "ctrl0/8.0.0");
      assertThat(result.restartPending()).isFalse();
    }
    assertThat(nodesOutOfService).isNotEmpty().allMatch(count -> count <= 1);
    // Each node was drained before its flash, and its role came back when it was resumed.
    assertThat(outcome.history()).extracting(ClusterChange::description).filteredOn(d -> d.contains(" moved from "))
        .hasSize(3).allMatch(d -> d.startsWith("role \"vm"));
    assertThat(cluster.roleOwners()).isEqualTo(Map.of("vm1", "n1", "vm2", "n2", "vm3", "n3"));
  }

  @Test
  void eachNodeIsRestartedForTheFirmwareThatAsksForIt() {
    SimulationResult outcome = Simulation.run(cluster, options(), List.of(new RaidFirmwarePluginProvider()));

    for (SimulatedNode node : cluster.nodes()) {
      // 7.2.0 and then 8.0.0 on ctrl0 each exit 3010: a restart after each install pass.
      assertThat(node.restarts()).as(node.name()).isEqualTo(2);
      assertThat(outcome.result().nodeResult(node.name()).orElseThrow().installResults())
          .filteredOn(InstallResult::rebootRequired).hasSize(2);
    }
    List<String> suspends = outcome.steps().stream().filter(s -> s.step().equals("suspend"))
        .map(StepRecord::node).toList();
    assertThat(suspends).containsExactly("n1", "n2", "n3");
  }

  @Test
  void firmwareThatRunsAtOnceNeedsNoRestart() {
    agents.values().forEach(agent -> agent.exitCode("R-4200", "7.2.0", RaidControllerAgent.EXIT_SUCCESS)
        .exitCode("R-4200", "8.0.0", RaidControllerAgent.EXIT_SUCCESS));

    SimulationResult outcome = Simulation.run(cluster, options(), List.of(new RaidFirmwarePluginProvider()));

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(agents.get(node.name()).flashed()).as(node.name())
          .containsExactly("ctrl0/7.2.0", "ctrl1/3.1.0", "ctrl0/8.0.0");
      assertThat(node.restarts()).as(node.name()).isZero();
    }
  }

  @Test
  void aNodeWhoseAgentIsWithdrawnFailsNamingTheCapabilityAndTheOthersAreUpdated() {
    cluster.node("n2").withdraw(RaidControllerAgent.class);

    SimulationResult outcome = Simulation.run(cluster, options(), List.of(new RaidFirmwarePluginProvider()));

    NodeResult n2 = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(n2.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(String.valueOf(n2.reason())).contains("RaidControllerAgent");
    assertThat(agents.get("n2").flashed()).isEmpty();
    assertThat(agents.get("n1").flashed()).isNotEmpty();
  }
}
