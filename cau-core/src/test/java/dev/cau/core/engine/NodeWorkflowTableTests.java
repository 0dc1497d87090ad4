package dev.cau.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.event.NodeStep;
import dev.cau.api.plugin.InstallResult;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.RunHeader.RunKind;
import dev.cau.core.journal.RunInput;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The node workflow as tables: for each phase, an answer to the node's call, the calls the
 * machine makes next, the steps it publishes and the phase the node moves to. Read top to bottom,
 * the first table is one node's rolling update. The machine is driven directly, with no driver
 * and no simulator ({@link MachineHarness}).
 */
class NodeWorkflowTableTests {
  private static final Instant T = Instant.parse("2026-01-20T03:00:00Z");

  /** One row: in phase {@code from}, the node's call gets {@code answer}; then {@code calls}, {@code steps}, {@code to}. */
  private record Row(NodePhase from, String answerIs, Function<MachineHarness, CallResult> answer,
      List<String> calls, List<NodeStep> steps, NodePhase to) {}

  private static Row row(NodePhase from, String answerIs, Function<MachineHarness, CallResult> answer,
      List<String> calls, List<NodeStep> steps, NodePhase to) {
    return new Row(from, answerIs, answer, calls, steps, to);
  }

  private static CallResult done(MachineHarness h) {
    return new CallResult.Done();
  }

  private static CallResult observed(MachineHarness h) {
    return new CallResult.Observed(h.snapshot());
  }

  private static CallResult installedNeedingRestart(MachineHarness h) {
    return new CallResult.Installed(MachineHarness.PLUGIN, List.of(InstallResult.succeeded(MachineHarness.KB1, true, T)));
  }

  private static void check(MachineHarness h, Row row) {
    String given = "in " + row.from() + ", answered " + row.answerIs();
    assertThat(h.phase("n1")).as(given + ": the phase before").isEqualTo(row.from());
    h.answer("n1", row.answer().apply(h));
    assertThat(h.calledNow()).as(given + ": the calls made").isEqualTo(row.calls());
    assertThat(h.stepsNow()).as(given + ": the steps published").isEqualTo(row.steps());
    assertThat(h.phase("n1")).as(given + ": the phase after").isEqualTo(row.to());
  }

  @Test
  void aRollingUpdateOfOneNodeStepByStep() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.CLEARING);
    List<Row> table = List.of(
        // The quorum guard judges the node before anything changes it, and again before it goes down.
        row(NodePhase.CLEARING, "a healthy cluster, before anything changed", NodeWorkflowTableTests::observed,
            List.of("CheckRemoteShutdown"), List.of(), NodePhase.FIREWALL_CHECK),
        row(NodePhase.FIREWALL_CHECK, "rule on", NodeWorkflowTableTests::done,
            List.of("StageUpdates"), List.of(NodeStep.STAGING), NodePhase.STAGING),
        row(NodePhase.STAGING, "staged", NodeWorkflowTableTests::done,
            List.of("ObserveCluster"), List.of(), NodePhase.CLEARING),
        row(NodePhase.CLEARING, "a healthy cluster", NodeWorkflowTableTests::observed,
            List.of("Suspend"), List.of(NodeStep.SUSPENDING), NodePhase.SUSPENDING),
        row(NodePhase.SUSPENDING, "drained", h1 -> {
              h1.setState("n1", NodeState.PAUSED);
              return new CallResult.Done();
            },
            List.of("InstallUpdates"), List.of(NodeStep.INSTALLING), NodePhase.INSTALLING),
        row(NodePhase.INSTALLING, "installed, restart needed", NodeWorkflowTableTests::installedNeedingRestart,
            List.of("ObserveCluster"), List.of(), NodePhase.CLEARING),
        row(NodePhase.CLEARING, "still healthy", NodeWorkflowTableTests::observed,
            List.of("Restart"), List.of(NodeStep.RESTARTING), NodePhase.RESTARTING),
        row(NodePhase.RESTARTING, "restart started", h1 -> new CallResult.Restarted(RebootMode.FULL),
            List.of("AwaitReady"), List.of(NodeStep.WAITING_FOR_NODE), NodePhase.AWAITING_READY),
        row(NodePhase.AWAITING_READY, "ready", h1 -> new CallResult.Ready(true),
            List.of("ScanUpdates"), List.of(NodeStep.RESCANNING), NodePhase.RESCANNING),
        row(NodePhase.RESCANNING, "nothing more", h1 -> new CallResult.Scanned(MachineHarness.PLUGIN, List.of()),
            List.of("Resume"), List.of(NodeStep.RESUMING), NodePhase.RESUMING),
        row(NodePhase.RESUMING, "resumed", NodeWorkflowTableTests::done,
            List.of("ObserveCluster"), List.of(), NodePhase.DONE)); // the run waits for storage before n2
    table.forEach(row -> check(h, row));
  }

  @Test
  void whenThingsGoWrong() {
    List<Row> table = List.of(
        row(NodePhase.FIREWALL_CHECK, "the rule is off and may not be enabled", h -> CallResult.Failed.of("rule off"),
            List.of("ObserveCluster"), List.of(), NodePhase.DONE), // n1 failed, untouched; n2's turn: the guard first
        // The first CLEARING comes before the firewall rule, the staging and the pre-update script.
        row(NodePhase.CLEARING, "two of three nodes down", h -> {
              h.setState("n2", NodeState.DOWN);
              h.setState("n3", NodeState.DOWN);
              return observed(h);
            },
            List.of(), List.of(), NodePhase.DONE),
        row(NodePhase.SUSPENDING, "refused: storage degraded", h -> new CallResult.Failed("degraded", true),
            List.of(), List.of(), NodePhase.SUSPENDING), // tried again after the poll interval
        row(NodePhase.INSTALLING, "the plug-in failed", h -> CallResult.Failed.of("boom"),
            List.of("Resume"), List.of(NodeStep.RESUMING), NodePhase.RESUMING), // back to service, then a retry
        row(NodePhase.AWAITING_READY, "not ready in time", h -> new CallResult.Ready(false),
            List.of("ObserveCluster"), List.of(), NodePhase.DONE), // left suspended, failed; storage, before n2
        row(NodePhase.RESCANNING, "the update again", h -> new CallResult.Scanned(MachineHarness.PLUGIN, List.of(MachineHarness.KB1)),
            // A second pass, staged (downloaded) before it is installed, as the first was: outside
            // the drained window, so the node goes back to service first.
            List.of("Resume"), List.of(NodeStep.RESUMING), NodePhase.RESUMING));
    for (Row row : table) {
      check(MachineHarness.rolling().start().reach("n1", row.from()), row);
    }
  }

  @Test
  void aNodeTheGuardRefusesAtTheStartIsNeitherCheckedForItsFirewallRuleNorStagedNorScripted() {
    RunOptions options = RunOptions.builder().plugin(MachineHarness.PLUGIN).enableFirewallRules(true)
        .preUpdateScript("pre.ps1").build();
    MachineHarness h = new MachineHarness(RunKind.ROLLING, options).start();
    h.setState("n3", NodeState.DOWN);
    h.reach("n1", NodePhase.CLEARING);
    assertThat(h.stepsNow()).isEmpty();

    h.answer("n1", new CallResult.Observed(h.snapshot())); // n1 and n2 both needed

    assertThat(h.calledNow()).isEmpty();
    assertThat(h.stepsNow()).isEmpty();
    assertThat(h.phase("n1")).isEqualTo(NodePhase.DONE);
    assertThat(h.machine().result()).isNotNull();
    assertThat(h.machine().result().reason()).startsWith("The quorum guard refused to take node \"n1\" down.");
  }

  @Test
  void aNodeWithNothingToStageOrScriptIsJudgedOnceBeforeItGoesDown() {
    MachineHarness h = new MachineHarness(RunKind.ROLLING,
        RunOptions.builder().plugin(MachineHarness.PLUGIN).skipCompliantNodes(false).build()).start();
    h.answer("n1", new CallResult.Scanned(MachineHarness.PLUGIN, List.of()));
    h.answer("n2", new CallResult.Scanned(MachineHarness.PLUGIN, List.of(MachineHarness.KB1)));
    h.answer("n3", new CallResult.Scanned(MachineHarness.PLUGIN, List.of(MachineHarness.KB1)));
    // The firewall rule is only read (EnableFirewallRules is off), nothing to stage, no script:
    // the CLEARING before the suspend is the only one.
    assertThat(h.calledNow()).containsExactly("CheckRemoteShutdown");
    h.answer("n1", new CallResult.Done());
    assertThat(h.phase("n1")).isEqualTo(NodePhase.CLEARING);
    h.answer("n1", new CallResult.Observed(h.snapshot()));
    assertThat(h.calledNow()).containsExactly("Suspend");
  }

  @Test
  void updatesARescanFindsAreStagedOutsideTheDrainedWindowThenInstalledInAFurtherPass() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.RESCANNING);
    List<Row> table = List.of(
        row(NodePhase.RESCANNING, "a second-order update", h1 -> new CallResult.Scanned(MachineHarness.PLUGIN,
                List.of(MachineHarness.KB1)),
            List.of("Resume"), List.of(NodeStep.RESUMING), NodePhase.RESUMING),
        row(NodePhase.RESUMING, "resumed, roles failed back", NodeWorkflowTableTests::done,
            List.of("StageUpdates"), List.of(NodeStep.STAGING), NodePhase.STAGING),
        row(NodePhase.STAGING, "staged while serving", NodeWorkflowTableTests::done,
            List.of("ObserveCluster"), List.of(), NodePhase.CLEARING),
        row(NodePhase.CLEARING, "a healthy cluster", NodeWorkflowTableTests::observed,
            List.of("Suspend"), List.of(NodeStep.SUSPENDING), NodePhase.SUSPENDING),
        row(NodePhase.SUSPENDING, "drained again", NodeWorkflowTableTests::done,
            List.of("InstallUpdates"), List.of(NodeStep.INSTALLING), NodePhase.INSTALLING));
    table.forEach(row -> check(h, row));
  }

  @Test
  void withWhileDrainedUpdatesARescanFindsAreStagedAndInstalledWhileTheNodeIsStillDrained() {
    RunOptions options = RunOptions.builder().plugin(MachineHarness.PLUGIN)
        .secondOrderStaging(SecondOrderStaging.WHILE_DRAINED).build();
    MachineHarness h = new MachineHarness(RunKind.ROLLING, options).start().reach("n1", NodePhase.RESCANNING);
    List<Row> table = List.of(
        row(NodePhase.RESCANNING, "a second-order update", h1 -> new CallResult.Scanned(MachineHarness.PLUGIN,
                List.of(MachineHarness.KB1)),
            List.of("StageUpdates"), List.of(NodeStep.STAGING), NodePhase.STAGING),
        row(NodePhase.STAGING, "staged", NodeWorkflowTableTests::done,
            List.of("InstallUpdates"), List.of(NodeStep.INSTALLING), NodePhase.INSTALLING));
    table.forEach(row -> check(h, row));
  }

  @Test
  void updatesOfAPluginThatStagesNothingAreInstalledWhileTheNodeIsStillDrained() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.RESCANNING);
    check(h, row(NodePhase.RESCANNING, "a second-order update of a plug-in without staging",
        h1 -> new CallResult.Scanned(MachineHarness.PLUGIN, List.of(MachineHarness.KB1), false, false),
        List.of("InstallUpdates"), List.of(NodeStep.INSTALLING), NodePhase.INSTALLING));
  }

  @Test
  void aRetriedAttemptStartsWithANewScanOnceTheNodeIsBackInService() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.INSTALLING);
    h.answer("n1", CallResult.Failed.of("boom"));
    h.answer("n1", new CallResult.Done()); // resumed

    assertThat(h.calledNow()).containsExactly("ScanUpdates");
    assertThat(h.phase("n1")).isEqualTo(NodePhase.SCANNING);
  }

  @Test
  void aTakeoverCountsALostRestartAsDoneWhenTheBootIdentityChanged() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.RESTARTING);
    Operation restart = h.pending("n1", o -> o instanceof Operation.Restart).operation();
    assertThat(restart).isInstanceOf(Operation.Restart.class);
    h.happyAnswer(h.pending("n1", o -> true)); // the node restarts, and the answer is lost with the coordinator

    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));
    assertThat(h.calledNow()).containsExactly("ObserveCluster");
    h.answer("n1", observed(h));

    assertThat(h.calledNow()).containsExactly("AwaitReady");
    assertThat(h.stepsNow()).containsExactly(NodeStep.WAITING_FOR_NODE);
    assertThat(h.phase("n1")).isEqualTo(NodePhase.AWAITING_READY);
  }

  @Test
  void aTakeoverClearsAndRepeatsALostRestartThatDidNotHappen() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.RESTARTING);

    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));
    h.answer("n1", observed(h)); // same boot, still paused: the restart never reached the node

    assertThat(h.calledNow()).containsExactly("Restart");
    assertThat(h.stepsNow()).containsExactly(NodeStep.RESTARTING);
  }

  /** A harness whose plug-in restarts the nodes itself, with n1's install in flight. */
  private static MachineHarness installingWithAPluginThatRestartsTheNodeItself() {
    MachineHarness h = MachineHarness.rolling().start();
    for (String node : List.of("n1", "n2", "n3")) {
      h.answer(node, new CallResult.Scanned(MachineHarness.PLUGIN, List.of(MachineHarness.KB1), true, true));
    }
    return h.reach("n1", NodePhase.INSTALLING);
  }

  @Test
  void aTakeoverWaitsForTheNodeBeforeItRepeatsAnInstallOfAPluginThatRestartsTheNodeItself() {
    MachineHarness h = installingWithAPluginThatRestartsTheNodeItself(); // the answer is lost with the coordinator

    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));
    assertThat(h.calledNow()).containsExactly("AwaitReady");
    assertThat(h.stepsNow()).containsExactly(NodeStep.WAITING_FOR_NODE);
    assertThat(h.phase("n1")).isEqualTo(NodePhase.AWAITING_READY);
    assertThat(h.pending("n1", o -> true).operation())
        .isEqualTo(new Operation.AwaitReady(RunOptions.DEFAULT_PLUGIN_RESTART_TIMEOUT));
    assertThat(h.last).filteredOn(c -> c instanceof Command.StartTimer).extracting(c -> ((Command.StartTimer) c).delay())
        .as("the wait's bound, and no operation timeout").containsExactly(RunOptions.DEFAULT_PLUGIN_RESTART_TIMEOUT);

    check(h, row(NodePhase.AWAITING_READY, "ready after the plug-in's restarts", h1 -> new CallResult.Ready(true),
        List.of("InstallUpdates"), List.of(NodeStep.INSTALLING), NodePhase.INSTALLING));
    Operation repeated = h.pending("n1", o -> true).operation();
    assertThat(repeated).isEqualTo(new Operation.InstallUpdates(MachineHarness.PLUGIN, List.of(MachineHarness.KB1), true));
    check(h, row(NodePhase.INSTALLING, "installed; the plug-in restarts the node", NodeWorkflowTableTests::installedNeedingRestart,
        List.of("AwaitReady"), List.of(NodeStep.WAITING_FOR_NODE), NodePhase.AWAITING_READY));
  }

  @Test
  void aNodeTheInterruptedInstallNeverBringsBackFailsAtThePluginRestartTimeout() {
    MachineHarness h = installingWithAPluginThatRestartsTheNodeItself();
    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));

    check(h, row(NodePhase.AWAITING_READY, "not ready in time", h1 -> new CallResult.Ready(false),
        List.of("ObserveCluster"), List.of(), NodePhase.DONE)); // left suspended, failed; storage, before n2
    assertThat(h.last).filteredOn(c -> c instanceof Command.Publish p && p.event() instanceof dev.cau.api.event.NodeFinished)
        .singleElement().extracting(c -> ((dev.cau.api.event.NodeFinished) ((Command.Publish) c).event()).result().reason())
        .asString().startsWith("Node \"n1\" did not come back within PluginRestartTimeoutMinutes (240 minutes) after plug-in \"P\"");
  }

  @Test
  void aRunCanceledWhileTheTakeoverWaitsForTheNodeBringsItBackWithoutRepeatingTheInstall() {
    MachineHarness h = installingWithAPluginThatRestartsTheNodeItself();
    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));
    h.apply(new RunInput.CancelRequested("Canceled on request", T.plusSeconds(7300)));
    assertThat(h.calledNow()).as("the wait goes on").isEmpty();

    check(h, row(NodePhase.AWAITING_READY, "ready after the plug-in's restarts, the run canceled", h1 -> new CallResult.Ready(true),
        List.of("Resume"), List.of(NodeStep.RESUMING), NodePhase.RESUMING));
  }

  @Test
  void aTakeoverRepeatsAnInstallOfAnyOtherPluginAtOnce() {
    MachineHarness h = MachineHarness.rolling().start().reach("n1", NodePhase.INSTALLING);

    h.apply(new RunInput.Resumed("second", T.plusSeconds(7200)));

    assertThat(h.calledNow()).containsExactly("InstallUpdates");
    assertThat(h.stepsNow()).isEmpty();
    assertThat(h.phase("n1")).isEqualTo(NodePhase.INSTALLING);
  }

  @Test
  void anOfflineUpdateHoldsItsNodesUntilTheClusterStopsAndReadsEachBootIdentityBeforeARestart() {
    MachineHarness h = new MachineHarness(RunKind.OFFLINE, RunOptions.builder().plugin(MachineHarness.PLUGIN).build()).start();
    for (String node : List.of("n1", "n2", "n3")) {
      h.reach(node, NodePhase.PREPARED);
    }
    assertThat(h.calledNow()).containsExactly("StopCluster");
    h.answer("lab", new CallResult.Done());
    assertThat(h.calledNow()).containsExactly("InstallUpdates", "InstallUpdates", "InstallUpdates");

    h.answer("n1", installedNeedingRestart(h));
    assertThat(h.calledNow()).containsExactly("ObserveCluster");
    assertThat(h.phase("n1")).isEqualTo(NodePhase.CLEARING);
    h.answer("n1", observed(h));
    assertThat(h.calledNow()).containsExactly("Restart");
  }

  @Test
  void theTransitionTableIsClosedAndAnIllegalMoveNamesTheRunTheNodeAndBothPhases() {
    assertThat(NodePhase.DONE).satisfies(done ->
        assertThat(List.of(NodePhase.values())).noneMatch(done::canMoveTo));
    assertThat(NodePhase.PENDING.canMoveTo(NodePhase.INSTALLING)).isFalse();
    assertThat(NodePhase.SCANNED.canMoveTo(NodePhase.RESTARTING)).as("a restart is always cleared first").isFalse();
    assertThat(List.of(NodePhase.values())).filteredOn(p -> p != NodePhase.DONE)
        .allSatisfy(p -> assertThat(p.canMoveTo(NodePhase.DONE)).as(p + " may end").isTrue());

    IllegalTransitionException e = new IllegalTransitionException(
        new dev.cau.api.RunId(new java.util.UUID(0, 7)), "n1", NodePhase.PENDING, NodePhase.INSTALLING);
    assertThat(e.getMessage()).contains("00000000-0000-0000-0000-000000000007").contains("\"n1\"")
        .contains("PENDING").contains("INSTALLING");
  }
}
