package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.RunEvent;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.StepRecord;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NodeWorkflowTests {

  private static SimulatedCluster threeNodes(SimulatedUpdate... n1Updates) {
    return SimulatedCluster.builder("three")
        .node("n1", n -> n.updates(n1Updates))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .role("a", "n2").role("b", "n3").role("c", "n3")
        .build();
  }

  @Test
  void aNodeIsStagedThenSuspendedThenInstalledRestartedRescannedAndResumed() {
    SimulatedCluster cluster = SimulatedCluster.builder("pair")
        .node("a", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").requiringRestart()))
        .node("b")
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(cluster.node("a").installCount("KB1")).isEqualTo(1);
    assertThat(outcome.steps().stream().filter(s -> s.node().equals("a")).map(StepRecord::step).toList())
        .containsExactly("scan", "stage", "suspend", "install KB1", "restart FULL", "await ready", "scan", "resume");
  }

  @Test
  void anUpdateThePluginKeepsReportingStopsAtThePassLimitAndTheNodeIsPartiallyFailed() {
    SimulatedCluster cluster = threeNodes(
        SimulatedUpdate.of("DRV1", "Storage controller driver").reportedAgainAfterInstall(),
        SimulatedUpdate.of("KB1", "Quality update"));

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().maxUpdatePasses(3).build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(n1.reason()).contains("still applicable after 3 install passes").contains("\"Storage controller driver\"");
    assertThat(cluster.node("n1").installCount("DRV1")).isEqualTo(3);
    assertThat(cluster.node("n1").installCount("KB1")).isEqualTo(1);
    assertThat(cluster.node("n1").state()).isEqualTo(NodeState.UP);
  }

  @Test
  void aFailedUpdateIsReportedButNotRetriedOnEveryPass() {
    SimulatedCluster cluster = threeNodes(
        SimulatedUpdate.of("KB1", "Quality update"),
        SimulatedUpdate.of("KB2", "Broken update").failingWith(0x80070643));

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
    assertThat(n1.succeededUpdates()).isEqualTo(1);
    assertThat(n1.failedUpdates()).isEqualTo(1);
    assertThat(n1.installResults()).filteredOn(r -> r.code() == UpdateResultCode.FAILED)
        .singleElement().satisfies(r -> assertThat(r.errorCode()).isEqualTo(0x80070643));
    assertThat(n1.attempts()).isEqualTo(1);
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.PARTIALLY_FAILED);
  }

  @Test
  void aNodeWhoseOnlyUpdateFailsIsFailed() {
    SimulationResult outcome = Simulation.run(
        threeNodes(SimulatedUpdate.of("KB2", "Broken update").failingWith(5)),
        Simulation.options().build());

    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.FAILED);
  }

  @Test
  void aNodeWithNothingToInstallIsSucceededAndNeverTouched() {
    SimulatedCluster cluster = threeNodes();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().build());

    NodeResult n1 = outcome.result().nodeResult("n1").orElseThrow();
    assertThat(n1.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(n1.installResults()).isEmpty();
    assertThat(outcome.steps()).filteredOn(s -> s.node().equals("n1")).extracting(s -> s.step()).containsExactly("scan");
  }

  @Test
  void aFailingPreUpdateScriptIsTriedMaxRetriesPerNodeTimesAndTheNodeIsNotUpdated() {
    SimulatedCluster cluster = SimulatedCluster.builder("scripts")
        .node("n1", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .failingScript("\\\\fs\\cau\\pre.ps1")
        .build();

    SimulationResult outcome = Simulation.run(cluster,
        Simulation.options().preUpdateScript("\\\\fs\\cau\\pre.ps1").maxRetriesPerNode(2).maxFailedNodes(0).build());

    List<NodeAttemptFailed> failures = outcome.events().stream()
        .filter(NodeAttemptFailed.class::isInstance).map(NodeAttemptFailed.class::cast).toList();
    assertThat(failures).extracting(NodeAttemptFailed::attempt).containsExactly(1, 2);
    assertThat(failures).extracting(NodeAttemptFailed::willRetry).containsExactly(true, false);
    NodeResult first = outcome.result().nodeResults().get(0);
    assertThat(first.status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(first.attempts()).isEqualTo(2);
    assertThat(first.reason()).contains("Gave up after 2 attempts").contains("PreUpdateScript");
    assertThat(outcome.steps()).noneMatch(s -> s.step().equals("suspend"));
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
  }

  @Test
  void scriptsRunBeforeSuspendAndAfterResumeWithTheConfigurationName() {
    SimulationResult outcome = Simulation.run(threeNodes(Clusters.monthlyUpdates()),
        Simulation.options().preUpdateScript("pre.ps1").postUpdateScript("post.ps1").build());

    List<String> n1Steps = outcome.steps().stream().filter(s -> s.node().equals("n1")).map(s -> s.step()).toList();
    assertThat(n1Steps.indexOf("script pre.ps1")).isLessThan(n1Steps.indexOf("suspend"));
    assertThat(n1Steps.get(n1Steps.size() - 1)).isEqualTo("script post.ps1");
    assertThat(n1Steps.get(n1Steps.size() - 2)).isEqualTo("resume");
    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.history()).anySatisfy(c -> assertThat(c.description())
        .isEqualTo("script \"pre.ps1\" ran on \"n1\" in configuration \"Microsoft.PowerShell\""));
  }

  @Test
  void configurationNameIsPassedToTheNode() {
    SimulationResult outcome = Simulation.run(threeNodes(Clusters.monthlyUpdates()),
        Simulation.options().preUpdateScript("pre.ps1").configurationName("CauRestricted").build());
    assertThat(outcome.history()).filteredOn(c -> c.description().startsWith("script"))
        .isNotEmpty().allSatisfy(c -> assertThat(c.description()).endsWith("in configuration \"CauRestricted\""));
  }

  @Test
  void noFailbackLeavesDrainedRolesWhereTheDrainPutThem() {
    SimulatedCluster cluster = Clusters.cluster(4, true).build();
    Map<String, String> before = cluster.roleOwners();

    Simulation.run(cluster, Simulation.options().failbackMode(FailbackMode.NO_FAILBACK).build());

    assertThat(cluster.roleOwners()).isNotEqualTo(before);
    assertThat(cluster.history()).noneMatch(c -> c.description().contains("failed back"));
  }

  @Test
  void requireAllNodesOnlineRefusesToStartWhenANodeIsDown() {
    SimulatedCluster cluster = SimulatedCluster.builder("down")
        .node("n1", n -> n.state(NodeState.DOWN).updates(Clusters.monthlyUpdates()))
        .node("n2", n -> n.updates(Clusters.monthlyUpdates()))
        .node("n3", n -> n.updates(Clusters.monthlyUpdates()))
        .build();

    SimulationResult outcome = Simulation.run(cluster, Simulation.options().requireAllNodesOnline(true).build());

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.result().reason()).contains("RequireAllNodesOnline").contains("node \"n1\" is Down");
    assertThat(outcome.result().nodeResults()).allSatisfy(r -> assertThat(r.status()).isEqualTo(SummaryStatus.CANCELED));
    assertThat(outcome.steps()).isEmpty();
  }

  @Test
  void everyInputIsJournaledBeforeTheEngineActsOnIt() {
    SimulatedCluster cluster = Clusters.cluster(3, true).build();
    UpdatingRun[] started = new UpdatingRun[1];
    List<String> problems = new ArrayList<>();
    List<RunEvent> events = new ArrayList<>();
    UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
        .plugins(PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).build())
        .execution(cluster.simulator().execution())
        .listener(event -> {
          // An event is published while its input is applied: that input must already be in the
          // journal the cluster's run store keeps.
          events.add(event);
          List<JournalEntry> written = started[0].journal().entries();
          int stored = cluster.store().journal(started[0].runId()).records().size() - 1; // less the header
          if (written.isEmpty() || stored != written.size()
              || !written.get(written.size() - 1).input().at().equals(event.at())) {
            problems.add(event.getClass().getSimpleName() + " at " + event.at() + " with journal " + written.size());
          }
        })
        .build();

    UpdatingRun run = coordinator.start(Simulation.options().build());
    started[0] = run;
    cluster.simulator().runUntil(run.completion()::isDone);

    assertThat(events).hasSizeGreaterThan(10);
    assertThat(problems).isEmpty();
    assertThat(run.journal().entries()).extracting(JournalEntry::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, run.journal().entries().size()).boxed().toList());
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRun() {
    SimulationResult outcome = Simulation.run(Clusters.cluster(3, true).build(), Simulation.options().build(),
        event -> {
          throw new IllegalStateException("listener bug");
        });

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
  }

  @Test
  void aSecretPluginArgumentNeverReachesEventsOrTheJournal() {
    SimulationResult outcome = Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options()
            .plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", "hunter2-s3cret", "Mode", "refuseLogin")))
            .maxFailedNodes(2)
            .build(),
        List.of(new SecretEchoingPlugin()));

    assertThat(outcome.events()).filteredOn(NodeAttemptFailed.class::isInstance).isNotEmpty();
    assertThat(outcome.events().toString()).doesNotContain("hunter2-s3cret").contains("********");
    assertThat(outcome.journal().toString()).doesNotContain("hunter2-s3cret");
    assertThat(outcome.result().toString()).doesNotContain("hunter2-s3cret");
  }

  @Test
  void stepEventsCarryTheAttemptNumber() {
    SimulationResult outcome = Simulation.run(Clusters.cluster(3, true).build(), Simulation.options().build());
    assertThat(outcome.events()).filteredOn(NodeStepStarted.class::isInstance)
        .allSatisfy(e -> assertThat(((NodeStepStarted) e).attempt()).isEqualTo(1));
  }
}
