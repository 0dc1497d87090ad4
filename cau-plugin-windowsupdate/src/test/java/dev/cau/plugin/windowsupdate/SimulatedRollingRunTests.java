package dev.cau.plugin.windowsupdate;

import static dev.cau.plugin.windowsupdate.Catalogues.CUMULATIVE;
import static dev.cau.plugin.windowsupdate.Catalogues.DEFENDER;
import static dev.cau.plugin.windowsupdate.Catalogues.DOT_NET_PREVIEW;
import static dev.cau.plugin.windowsupdate.Catalogues.DRIVER;
import static dev.cau.plugin.windowsupdate.Catalogues.FAILING;
import static dev.cau.plugin.windowsupdate.Catalogues.HIDDEN;
import static dev.cau.plugin.windowsupdate.Catalogues.REMOVAL_TOOL;
import static dev.cau.plugin.windowsupdate.Catalogues.SECOND_ORDER;
import static dev.cau.plugin.windowsupdate.Catalogues.SERVICING_STACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.SimulationResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 6-node rolling run of the real engine in virtual time, each node's Windows Update Agent
 * simulated behind its PowerShell: the real plug-in code runs end to end, from the criteria to the
 * parsed script output.
 */
class SimulatedRollingRunTests {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5", "n6");

  private final SimulatedCluster cluster;
  private final Map<String, SimulatedWindowsUpdateAgent> agents = new LinkedHashMap<>();
  private final SimulatedAgents wiring = new SimulatedAgents();

  SimulatedRollingRunTests() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("hv-cluster");
    NODES.forEach(builder::node);
    NODES.forEach(n -> builder.role("vm-" + n, n));
    cluster = builder.build();
    for (SimulatedNode node : cluster.nodes()) {
      List<CatalogueUpdate> catalogue = new ArrayList<>(List.of(SERVICING_STACK, CUMULATIVE, DEFENDER,
          DOT_NET_PREVIEW, REMOVAL_TOOL, SECOND_ORDER, HIDDEN, DRIVER));
      if (node.name().equals("n4")) {
        catalogue.add(FAILING);
      }
      agents.put(node.name(), wiring.attach(cluster, node, new SimulatedWindowsUpdateAgent(catalogue)));
    }
  }

  private SimulationResult run(Map<String, String> arguments) {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(WindowsUpdatePluginProvider.NAME, arguments))
        .maxFailedNodes(1)
        .build();
    return Simulation.run(cluster, options, List.of(new WindowsUpdatePluginProvider()));
  }

  @Test
  void importantUpdatesAreInstalledOnEveryNodeAndTheRestAreLeftAlone() {
    SimulationResult outcome = run(Map.of());

    for (String node : NODES) {
      assertThat(agents.get(node).installed()).as(node).containsExactlyInAnyOrder(SERVICING_STACK.updateId(),
          CUMULATIVE.updateId(), DEFENDER.updateId(), SECOND_ORDER.updateId());
      NodeResult result = outcome.result().nodeResult(node).orElseThrow();
      assertThat(result.status()).as(node).isEqualTo(node.equals("n4") ? SummaryStatus.PARTIALLY_FAILED
          : SummaryStatus.SUCCEEDED);
    }
    assertThat(agents.values()).allSatisfy(agent -> assertThat(agent.installed())
        .doesNotContain(DOT_NET_PREVIEW.updateId(), REMOVAL_TOOL.updateId(), HIDDEN.updateId(), DRIVER.updateId()));
  }

  @Test
  void aRecommendedUpdateIsInstalledOnlyWithIncludeRecommendedUpdates() {
    run(Map.of(WindowsUpdatePluginProvider.INCLUDE_RECOMMENDED_UPDATES, "True"));

    assertThat(agents.values()).allSatisfy(agent -> assertThat(agent.installed()).contains(DOT_NET_PREVIEW.updateId()));
  }

  @Test
  void theLicenceRequiringUpdateIsSkippedAndLoggedForEveryNode() {
    SimulationResult outcome = run(Map.of());

    assertThat(outcome.events()).filteredOn(OperationMessage.class::isInstance).map(OperationMessage.class::cast)
        .filteredOn(m -> m.warning() && m.message().contains(REMOVAL_TOOL.title()))
        .extracting(OperationMessage::node).containsAll(NODES)
        .allSatisfy(node -> assertThat(node).isNotBlank());
  }

  @Test
  void theExclusiveUpdateIsInstalledAloneOnEveryNode() {
    run(Map.of());

    assertThat(agents.values()).allSatisfy(agent -> assertThat(agent.operations())
        .contains("install " + List.of(SERVICING_STACK.updateId()))
        .filteredOn(op -> op.startsWith("install") && op.contains(SERVICING_STACK.updateId()))
        .hasSize(1));
  }

  @Test
  void theFailingUpdateIsReportedWithItsHresult() {
    SimulationResult outcome = run(Map.of());

    List<InstallResult> n4 = outcome.result().nodeResult("n4").orElseThrow().installResults();
    assertThat(n4).filteredOn(r -> r.update().id().equals(FAILING.updateId()))
        .extracting(InstallResult::code, r -> Hresults.describe(r.errorCode()))
        .containsOnly(org.assertj.core.groups.Tuple.tuple(UpdateResultCode.FAILED, "0x8024200B WU_E_UH_INSTALLERFAILURE"));
  }

  @Test
  void theSecondOrderUpdateIsInstalledAfterTheRestart() {
    SimulationResult outcome = run(Map.of());

    for (String node : NODES) {
      List<String> operations = agents.get(node).operations();
      int cumulative = indexOf(operations, "install", CUMULATIVE.updateId());
      int secondOrder = indexOf(operations, "install", SECOND_ORDER.updateId());
      assertThat(secondOrder).as(node).isGreaterThan(cumulative);
      assertThat(cluster.node(node).restarts()).as(node).isEqualTo(1);
      StepRecord restart = step(outcome, node, "restart");
      assertThat(wiring.calls()).filteredOn(c -> c.node().equals(node) && c.operation().contains(SECOND_ORDER.updateId()))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.at()).isAfterOrEqualTo(restart.start().plus(restart.duration())));
    }
  }

  @Test
  void firstOrderDownloadsHappenBeforeEachNodeIsSuspendedAndInstallsWhileItIsDrained() {
    SimulationResult outcome = run(Map.of());

    for (String node : NODES) {
      StepRecord suspend = step(outcome, node, "suspend");
      List<SimulatedAgents.Call> calls = wiring.calls().stream().filter(c -> c.node().equals(node)).toList();
      List<SimulatedAgents.Call> staged = calls.stream().filter(c -> c.operation().startsWith("download [")).toList();
      assertThat(staged).as(node).hasSize(2);
      assertThat(staged.get(0).operation()).contains(SERVICING_STACK.updateId(), CUMULATIVE.updateId(),
          DEFENDER.updateId());
      assertThat(staged.get(0).state()).as(node).isEqualTo("UP");
      // Every download of an update known before the suspend comes before it.
      for (String known : List.of(SERVICING_STACK.updateId(), CUMULATIVE.updateId(), DEFENDER.updateId())) {
        assertThat(calls).filteredOn(c -> c.operation().startsWith("download") && c.operation().contains(known))
            .as("%s: downloads of %s", node, known).isNotEmpty()
            .allSatisfy(c -> assertThat(c.at()).isBefore(suspend.start()));
      }
      assertThat(calls).filteredOn(c -> c.operation().startsWith("install")).extracting(SimulatedAgents.Call::state)
          .containsOnly("PAUSED");
    }
  }

  @Test
  void noDownloadFallsInsideANodesDrainedWindowTheSecondOrderUpdateIsStagedAfterTheNodeIsResumed() {
    SimulationResult outcome = run(Map.of());

    for (String node : NODES) {
      List<SimulatedAgents.Call> calls = wiring.calls().stream().filter(c -> c.node().equals(node)).toList();
      assertThat(calls).extracting(SimulatedAgents.Call::operation).as(node)
          .noneMatch(operation -> operation.startsWith("download during install"));
      // Step log order: no STAGING step between a SUSPENDING and the RESUMING that follows it.
      List<NodeStep> steps = stepsOf(outcome, node);
      assertThat(stagesWhileDrained(steps)).as("%s: %s", node, steps).isFalse();
      assertThat(calls).filteredOn(c -> c.operation().startsWith("download")).as(node)
          .extracting(SimulatedAgents.Call::state).containsOnly("UP");
      // The second-order update: found by the re-scan after the restart, downloaded once the node
      // is back in service, installed in a further drained pass.
      StepRecord restart = step(outcome, node, "restart");
      List<String> operations = calls.stream().map(SimulatedAgents.Call::operation).toList();
      int download = indexOf(operations, "download [", SECOND_ORDER.updateId());
      int install = indexOf(operations, "install", SECOND_ORDER.updateId());
      assertThat(download).as(node).isLessThan(install);
      assertThat(calls.get(download).at()).as(node).isAfterOrEqualTo(restart.start().plus(restart.duration()));
      assertThat(calls.get(install).state()).as(node).isEqualTo("PAUSED");
      assertThat(steps).as(node).containsSubsequence(NodeStep.STAGING, NodeStep.SUSPENDING, NodeStep.INSTALLING,
          NodeStep.RESTARTING, NodeStep.RESCANNING, NodeStep.RESUMING, NodeStep.STAGING, NodeStep.SUSPENDING,
          NodeStep.INSTALLING, NodeStep.RESUMING);
    }
  }

  @Test
  void withWhileDrainedTheSecondOrderUpdateIsStagedRightAfterTheRescanInsideTheDrainedWindowAsCauDoes() {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(WindowsUpdatePluginProvider.NAME, Map.of()))
        .maxFailedNodes(1)
        .secondOrderStaging(SecondOrderStaging.WHILE_DRAINED)
        .build();
    SimulationResult outcome = Simulation.run(cluster, options, List.of(new WindowsUpdatePluginProvider()));

    for (String node : NODES) {
      List<SimulatedAgents.Call> calls = wiring.calls().stream().filter(c -> c.node().equals(node)).toList();
      List<String> operations = calls.stream().map(SimulatedAgents.Call::operation).toList();
      int download = indexOf(operations, "download [", SECOND_ORDER.updateId());
      assertThat(calls.get(download).state()).as(node).isEqualTo("PAUSED");
      assertThat(download).as(node).isLessThan(indexOf(operations, "install", SECOND_ORDER.updateId()));
      List<NodeStep> steps = stepsOf(outcome, node);
      assertThat(stagesWhileDrained(steps)).as("%s: %s", node, steps).isTrue();
      assertThat(steps.stream().filter(NodeStep.SUSPENDING::equals).count()).as(node).isEqualTo(1);
      assertThat(agents.get(node).installed()).as(node).contains(SECOND_ORDER.updateId());
    }
  }

  /** The node's published workflow steps, in order. */
  private static List<NodeStep> stepsOf(SimulationResult outcome, String node) {
    return outcome.events().stream().filter(e -> e instanceof NodeStepStarted s && s.node().equals(node))
        .map(e -> ((NodeStepStarted) e).step()).toList();
  }

  /** Whether a STAGING step starts between a SUSPENDING and the RESUMING that follows it. */
  private static boolean stagesWhileDrained(List<NodeStep> steps) {
    boolean drained = false;
    for (NodeStep step : steps) {
      if (step == NodeStep.SUSPENDING) {
        drained = true;
      } else if (step == NodeStep.RESUMING) {
        drained = false;
      } else if (step == NodeStep.STAGING && drained) {
        return true;
      }
    }
    return false;
  }

  private static StepRecord step(SimulationResult outcome, String node, String prefix) {
    return outcome.steps().stream().filter(s -> s.node().equals(node) && s.step().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + prefix + " on " + node));
  }

  private static int indexOf(List<String> operations, String operation, String updateId) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).startsWith(operation) && operations.get(i).contains(updateId)) {
        return i;
      }
    }
    throw new AssertionError(operation + " of " + updateId + " never happened: " + operations);
  }
}
