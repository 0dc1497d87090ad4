package dev.cau.plugin.windowsupdate;

import static dev.cau.plugin.windowsupdate.Catalogues.CUMULATIVE;
import static dev.cau.plugin.windowsupdate.Catalogues.DEFENDER;
import static dev.cau.plugin.windowsupdate.Catalogues.DOT_NET_PREVIEW;
import static dev.cau.plugin.windowsupdate.Catalogues.DRIVER;
import static dev.cau.plugin.windowsupdate.Catalogues.FAILING;
import static dev.cau.plugin.windowsupdate.Catalogues.REMOVAL_TOOL;
import static dev.cau.plugin.windowsupdate.Catalogues.SECOND_ORDER;
import static dev.cau.plugin.windowsupdate.Catalogues.SERVICING_STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceContext.Level;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plug-in against the simulated agent, one node, without the engine. */
class WindowsUpdatePluginTests {
  private final SimulatedWindowsUpdateAgent agent = SimulatedWindowsUpdateAgent.of(Catalogues.all());
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.of(agent));

  private static List<String> titles(List<Update> updates) {
    return updates.stream().map(u -> u.facts().kbArticles().get(0)).toList();
  }

  @Test
  void aScanOffersImportantUpdatesAndLogsTheOnesThatMustBeInstalledByHand() {
    List<Update> updates = Catalogues.plugin().scan(context);

    assertThat(titles(updates)).containsExactly("KB5034439", "KB5034129", "KB2267602", "KB5034440");
    assertThat(context.messages()).filteredOn(m -> m.level() == Level.WARN).extracting(ConformanceContext.LogEntry::message)
        .containsExactly(
            "Skipped \"" + DOT_NET_PREVIEW.title() + "\" (" + DOT_NET_PREVIEW.updateId()
                + "): it is a recommended update and IncludeRecommendedUpdates is False",
            "Skipped \"" + REMOVAL_TOOL.title() + "\" (" + REMOVAL_TOOL.updateId()
                + "): it needs its licence terms accepted; install it manually");
    assertThat(agent.operations()).containsExactly("scan");
  }

  @Test
  void recommendedUpdatesAreOfferedOnlyWhenAskedFor() {
    List<Update> updates = Catalogues.plugin("IncludeRecommendedUpdates", "True").scan(context);

    assertThat(titles(updates)).contains("KB5034613");
  }

  @Test
  void aQueryStringReplacesTheDefaultCriteria() {
    List<Update> updates = Catalogues.plugin("QueryString", "IsInstalled=0 and Type='Driver' and IsHidden=0").scan(context);

    assertThat(updates).extracting(Update::id).containsExactly(DRIVER.updateId());
  }

  @Test
  void aQueryForOneUpdateIdInTheSelfUpdatingRolesQuotesFindsOnlyIt() {
    List<Update> updates = Catalogues.plugin("QueryString", "UpdateID=''" + DEFENDER.updateId() + "'' and IsInstalled=0")
        .scan(context);

    assertThat(updates).extracting(Update::id).containsExactly(DEFENDER.updateId());
  }

  @Test
  void stagingDownloadsAndInstallingInstallsAnExclusiveUpdateAloneFirst() {
    UpdatePlugin plugin = Catalogues.plugin();
    List<Update> updates = plugin.scan(context);

    plugin.stage(context, updates);
    List<InstallResult> results = plugin.install(context, updates);

    assertThat(agent.operations()).containsExactly("scan",
        "download " + List.of(SERVICING_STACK.updateId(), CUMULATIVE.updateId(), DEFENDER.updateId(), FAILING.updateId()),
        "install " + List.of(SERVICING_STACK.updateId()),
        "install " + List.of(CUMULATIVE.updateId(), DEFENDER.updateId(), FAILING.updateId()));
    assertThat(results).extracting(r -> r.update().id(), InstallResult::code, r -> Hresults.hex(r.errorCode()),
            InstallResult::rebootRequired)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SERVICING_STACK.updateId(), UpdateResultCode.SUCCEEDED, "0x00000000", false),
            org.assertj.core.groups.Tuple.tuple(CUMULATIVE.updateId(), UpdateResultCode.SUCCEEDED, "0x00000000", true),
            org.assertj.core.groups.Tuple.tuple(DEFENDER.updateId(), UpdateResultCode.SUCCEEDED, "0x00000000", false),
            org.assertj.core.groups.Tuple.tuple(FAILING.updateId(), UpdateResultCode.FAILED, "0x8024200B", false));
    assertThat(context.messages()).extracting(ConformanceContext.LogEntry::message)
        .contains("Installing \"" + FAILING.title() + "\" failed: 0x8024200B WU_E_UH_INSTALLERFAILURE",
            "Downloaded \"" + CUMULATIVE.title() + "\"");
  }

  @Test
  void anInstallDownloadsWhatWasNotStagedFirst() {
    UpdatePlugin plugin = Catalogues.plugin();
    List<Update> updates = plugin.scan(context);

    List<InstallResult> results = plugin.install(context, updates.subList(1, 2));

    assertThat(results).extracting(InstallResult::code).containsExactly(UpdateResultCode.SUCCEEDED);
    assertThat(agent.operations()).containsExactly("scan", "install " + List.of(CUMULATIVE.updateId()),
        "download during install " + List.of(CUMULATIVE.updateId()));
  }

  @Test
  void theSecondOrderUpdateAppearsAfterTheRestart() {
    UpdatePlugin plugin = Catalogues.plugin();
    List<Update> first = plugin.scan(context);
    plugin.stage(context, first);
    plugin.install(context, first);
    assertThat(plugin.scan(context)).extracting(Update::id).containsExactly(FAILING.updateId());

    agent.restart();

    assertThat(plugin.scan(context)).extracting(Update::id).containsExactly(FAILING.updateId(), SECOND_ORDER.updateId());
  }

  @Test
  void aRestartPendingBeforeTheRunIsReported() {
    agent.plantPendingRestart();

    Catalogues.plugin().scan(context);

    assertThat(context.messages()).extracting(ConformanceContext.LogEntry::message)
        .contains("A restart is pending on node \"" + ConformanceContext.NODE_NAME + "\": Windows reports that an"
            + " earlier installation needs a restart to finish");
  }

  @Test
  void cancellationStopsBetweenBatchesAndReportsTheRestCanceled() {
    UpdatePlugin plugin = Catalogues.plugin();
    List<Update> updates = plugin.scan(context);
    plugin.stage(context, updates);
    // A run canceled while the first batch (the servicing stack update, alone) installs.
    ConformanceContext[] run = new ConformanceContext[1];
    run[0] = ConformanceContext.on(ConformanceNode.of((ProgramRunner) (request, call) -> {
      var result = agent.run(request, call);
      run[0].cancel();
      return result;
    }));

    List<InstallResult> results = plugin.install(run[0], updates);

    assertThat(results).extracting(InstallResult::code).containsExactly(UpdateResultCode.SUCCEEDED,
        UpdateResultCode.CANCELED, UpdateResultCode.CANCELED, UpdateResultCode.CANCELED);
    assertThat(agent.installed()).containsExactly(SERVICING_STACK.updateId());
  }

  @Test
  void anInstallCanceledWhileRunningReportsItsBatchCanceled() {
    UpdatePlugin plugin = Catalogues.plugin();
    List<Update> updates = plugin.scan(context);
    plugin.stage(context, updates);
    ConformanceContext canceled = ConformanceContext.on(ConformanceNode.of((ProgramRunner) (request, call) -> {
      throw new OperationCanceledException("the run was canceled while the agent installed");
    }));

    List<InstallResult> results = plugin.install(canceled, updates);

    assertThat(results).hasSize(4).extracting(InstallResult::code).containsOnly(UpdateResultCode.CANCELED);
    assertThat(results).extracting(r -> Hresults.hex(r.errorCode())).containsOnly("0x8024000B");
  }

  @Test
  void theScriptRunsAsSystemWithItsParametersAsItsOnlyArgument() {
    List<ProgramRequest> requests = new ArrayList<>();
    ConformanceContext recording = ConformanceContext.on(ConformanceNode.of((ProgramRunner) (request, call) -> {
      requests.add(request);
      return agent.run(request, call);
    }));

    Catalogues.plugin().scan(recording);

    ProgramRequest request = requests.get(0);
    assertThat(request.shell()).isEqualTo(Shell.POWERSHELL);
    assertThat(request.runAs()).isEqualTo(RunAs.SYSTEM);
    assertThat(request.program()).isEqualTo(AgentScript.body()).contains("$args[0] | ConvertFrom-Json");
    assertThat(request.arguments()).containsExactly(ScriptProtocol.parameters(ScriptProtocol.Operation.SCAN,
        SearchCriteria.DEFAULT, List.of()));
  }

  @Test
  void anAgentThatCannotBeReachedFailsTheCallWithItsHresult() {
    agent.makeUnreachable();

    assertThatThrownBy(() -> Catalogues.plugin().scan(context))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("failed to scan: 0x80070422");
  }

  @Test
  void aNodeWithoutAProgramRunnerFailsNamingTheCapability() {
    ConformanceContext bare = ConformanceContext.on(ConformanceNode.of());

    assertThatThrownBy(() -> Catalogues.plugin().scan(bare))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("ProgramRunner");
  }

  @Test
  void includeRecommendedUpdatesMustBeTrueOrFalse() {
    assertThatThrownBy(() -> Catalogues.plugin("IncludeRecommendedUpdates", "yes"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"IncludeRecommendedUpdates\" must be True or False (in any letter case), but was \"yes\"");
  }

  @Test
  void anInvalidQueryStringIsRefusedWhenThePluginIsCreated() {
    assertThatThrownBy(() -> Catalogues.plugin("QueryString", "(IsInstalled=0) and (IsHidden=0 or Type='Driver')"))
        .isInstanceOfSatisfying(CriteriaException.class, e -> assertThat(e.position()).isEqualTo(33))
        .hasMessageContaining("CauPluginArguments[Microsoft.WindowsUpdatePlugin].QueryString");
    assertThat(agent.operations()).isEmpty();
  }
}
