package dev.cau.plugin.example.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceContext.LogEntry;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the firmware plug-in reports and flashes, on an in-memory agent. */
class RaidFirmwarePluginTests {
  private final FakeRaidControllerAgent agent = FakeRaidControllerAgent.typical();
  private final ConformanceContext context = ConformanceContext.on(agent.asNode());

  @Test
  void scanReportsTheNewestPackageThatAppliesNowToEachController() {
    List<Update> updates = plugin().scan(context);

    assertThat(updates).containsExactly(
        new Update("ctrl0/7.2.0", "Contoso RAID firmware 7.2.0 for controller ctrl0 (R-4200)",
            "Upgrade from 7.1.0. Bridge release"),
        new Update("ctrl1/3.1.0", "Contoso RAID firmware 3.1.0 for controller ctrl1 (R-2100)",
            "Upgrade from 3.0.0"));
  }

  @Test
  void aReleaseReachedThroughAnotherIsReportedOnceTheOtherRunsAfterTheRestart() {
    UpdatePlugin plugin = plugin();
    plugin.install(context, plugin.scan(context));

    assertThat(plugin.scan(context)).as("ctrl0 has 7.2.0 pending; ctrl1 runs 3.1.0").isEmpty();
    agent.restart();
    assertThat(plugin.scan(context)).extracting(Update::id).containsExactly("ctrl0/8.0.0");
  }

  @Test
  void flashExitCodesBecomeResults() {
    agent.exitCode("R-4200", "7.2.0", 5);

    List<InstallResult> results = plugin().install(context, plugin().scan(context));

    assertThat(results)
        .extracting(r -> r.update().id(), InstallResult::code, InstallResult::errorCode,
            InstallResult::rebootRequired, InstallResult::timestamp)
        .containsExactly(
            tuple("ctrl0/7.2.0", UpdateResultCode.FAILED, 5, false,
                ConformanceContext.CLOCK_INSTANT),
            tuple("ctrl1/3.1.0", UpdateResultCode.SUCCEEDED, 0, false,
                ConformanceContext.CLOCK_INSTANT));
    assertThat(context.messages()).contains(new LogEntry(ConformanceContext.Level.WARN,
        "Flashing controller ctrl0 with firmware 7.2.0 failed with exit code 5"));
  }

  @Test
  void exitCode3010MeansSucceededWithARestartRequired() {
    List<InstallResult> results = plugin().install(context, plugin().scan(context));

    assertThat(results.get(0).code()).isEqualTo(UpdateResultCode.SUCCEEDED);
    assertThat(results.get(0).rebootRequired()).isTrue();
  }

  @Test
  void olderFirmwareIsReportedOnlyWithAllowDowngrade() {
    FakeRaidControllerAgent beta = new FakeRaidControllerAgent()
        .controller("ctrl0", "R-4200", "9.0.0")
        .offers("R-4200", "8.0.0", null, "");
    ConformanceContext onBeta = ConformanceContext.on(beta.asNode());

    assertThat(plugin().scan(onBeta)).isEmpty();
    assertThat(plugin(Map.of("AllowDowngrade", "True")).scan(onBeta))
        .extracting(Update::id, Update::description)
        .containsExactly(tuple("ctrl0/8.0.0", "Downgrade from 9.0.0"));
  }

  @Test
  void anAllowDowngradeThatIsNotTrueOrFalseIsRefusedWhenThePluginIsCreated() {
    assertThatThrownBy(() -> plugin(Map.of("AllowDowngrade", "sometimes")))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"AllowDowngrade\" must be True or False (in any letter case), but was \"sometimes\"");
  }

  @Test
  void cancellationStopsBeforeTheNextPackage() {
    agent.afterFlash(context::cancel);

    List<InstallResult> results = plugin().install(context, plugin().scan(context));

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code).containsExactly(
        tuple("ctrl0/7.2.0", UpdateResultCode.SUCCEEDED),
        tuple("ctrl1/3.1.0", UpdateResultCode.CANCELED));
    assertThat(agent.flashed()).containsExactly("ctrl0/7.2.0");
  }

  @Test
  void anAgentThatDoesNotAnswerIsAPluginFailure() {
    ConformanceContext unreachable =
        ConformanceContext.on(FakeRaidControllerAgent.unreachable().asNode());

    assertThatThrownBy(() -> plugin().scan(unreachable))
        .isInstanceOfSatisfying(PluginFailureException.class,
            e -> assertThat(e.errorId()).isEqualTo("RaidAgentFailed"))
        .hasMessage("The RAID agent on node \"conformance-node-1\" could not list its RAID"
            + " controllers: connection to the agent timed out after 30 s");
  }

  @Test
  void aNodeWithoutTheAgentIsAPluginFailure() {
    ConformanceContext noAgent = ConformanceContext.on(ConformanceNode.empty());

    assertThatThrownBy(() -> plugin().install(noAgent, List.of(Update.of("ctrl0/7.2.0", "x"))))
        .isInstanceOfSatisfying(PluginFailureException.class,
            e -> assertThat(e.errorId()).isEqualTo("RaidAgentMissing"));
  }

  @Test
  void aRefusedTokenIsAPluginFailureThatDoesNotShowTheToken() {
    String wrong = "tok-wrong-one";

    assertThatThrownBy(() -> plugin(Map.of("ApiToken", wrong)).scan(context))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("The RAID agent on node \"conformance-node-1\" could not list the packages"
            + " of repository https://firmware.contoso.example/raid: the repository refused the"
            + " token (HTTP 401)")
        .message().doesNotContain(wrong);
  }

  @Test
  void theTokenReachesTheAgentButNoLogMessage() {
    UpdatePlugin plugin = plugin();
    plugin.install(context, plugin.scan(context));

    assertThat(agent.flashed()).as("flashes the agent authorized with the token").hasSize(2);
    assertThat(context.messages()).isNotEmpty()
        .extracting(LogEntry::message)
        .noneMatch(m -> m.contains(FakeRaidControllerAgent.TOKEN));
  }

  @Test
  void anUpdateThatNoLongerAppliesIsReportedNotApplicable() {
    List<InstallResult> results = plugin().install(context, List.of(
        Update.of("ctrl9/7.2.0", "no such controller"),
        Update.of("ctrl0/6.0.0", "older, without AllowDowngrade"),
        Update.of("ctrl0/7.1.0", "what it runs"),
        Update.of("not-ours", "not an id of this plug-in")));

    assertThat(results).extracting(InstallResult::code).containsExactly(
        UpdateResultCode.NOT_APPLICABLE,
        UpdateResultCode.NOT_APPLICABLE,
        UpdateResultCode.ALREADY_INSTALLED,
        UpdateResultCode.NOT_APPLICABLE);
    assertThat(agent.flashed()).isEmpty();
  }

  @Test
  void firmwareVersionsAreOrderedByTheirNumbers() {
    assertThat(FirmwareVersion.parse("7.10.0")).isGreaterThan(FirmwareVersion.parse("7.9.3"));
    assertThat(FirmwareVersion.parse("8.0.0")).hasToString("8.0.0");
    assertThatThrownBy(() -> FirmwareVersion.parse("8.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A firmware version must be three numbers separated by dots, such as 7.2.0,"
            + " but was \"8.0\"");
  }

  private static UpdatePlugin plugin() {
    return plugin(Map.of());
  }

  /** Creates the plug-in with the typical arguments, some replaced. */
  private static UpdatePlugin plugin(Map<String, String> replaced) {
    Map<String, String> values = new HashMap<>(Map.of(
        "FirmwareRepository", FakeRaidControllerAgent.REPOSITORY,
        "ApiToken", FakeRaidControllerAgent.TOKEN,
        "AllowDowngrade", "False"));
    values.putAll(replaced);
    return new RaidFirmwarePluginProvider().create(PluginArguments.of(values, Set.of("ApiToken")));
  }
}
