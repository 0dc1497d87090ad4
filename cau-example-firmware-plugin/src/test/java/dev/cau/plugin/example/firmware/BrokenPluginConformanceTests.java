package dev.cau.plugin.example.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.testkit.conformance.ConformanceCheck;
import dev.cau.testkit.conformance.ConformanceFinding;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import dev.cau.testkit.conformance.ConformanceReport;
import dev.cau.testkit.conformance.PluginConformance;
import org.junit.jupiter.api.Test;

/**
 * Broken variants of the firmware plug-in fail the conformance kit, and the kit says what each
 * one does wrong.
 */
class BrokenPluginConformanceTests {
  private static final String PASS_1 = "the re-scan after install pass 1 and a restart";
  private static final String CONTEXT_CLOCK = "2001-09-09T01:46:40Z";

  @Test
  void aBlankNameFailsTheNameCheck() {
    ConformanceReport report = check(new BrokenPlugins.BlankName());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.STABLE_NAME);
    assertThat(report.finding(ConformanceCheck.STABLE_NAME).message()).isEqualTo(
        "name() returned the blank name \"  \"; return a non-blank name that never changes,"
            + " such as \"Contoso.FirmwarePlugin\": runs select a plug-in by its name");
  }

  @Test
  void reportingInstalledFirmwareAgainFailsTheRescanCheck() {
    ConformanceReport report = check(new BrokenPlugins.ReportsInstalledFirmwareAgain());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.RESCAN_AFTER_INSTALL);
    assertThat(report.finding(ConformanceCheck.RESCAN_AFTER_INSTALL).message()).isEqualTo(
        PASS_1 + " reported update \"ctrl0/7.2.0\" again, although install reported it"
            + " SUCCEEDED in install pass 1; a plug-in must stop reporting updates it has"
            + " installed, or a run installs them again on every pass\n  "
            + PASS_1 + " reported update \"ctrl1/3.1.0\" again, although install reported it"
            + " SUCCEEDED in install pass 1; a plug-in must stop reporting updates it has"
            + " installed, or a run installs them again on every pass");
  }

  @Test
  void loggingTheTokenFailsTheSecretsCheckWithoutShowingTheToken() {
    ConformanceReport report = check(new BrokenPlugins.LogsTheToken());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.SECRETS_NEVER_SHOWN);
    assertThat(report.finding(ConformanceCheck.SECRETS_NEVER_SHOWN).message()).isEqualTo(
        "the value of secret argument \"ApiToken\" appears in a log message (info):"
            + " \"Connecting to https://firmware.contoso.example/raid with token ********\"");
    assertThat(report.toString()).doesNotContain(FakeRaidControllerAgent.TOKEN);
  }

  @Test
  void assertConformsListsTheFailureWithoutShowingTheToken() {
    assertThatThrownBy(() -> kit(new BrokenPlugins.LogsTheToken()).assertConforms())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Update plug-in \"Contoso.RaidFirmwarePlugin\""
            + " (dev.cau.plugin.example.firmware.BrokenPlugins$LogsTheToken)"
            + " fails 1 of 9 conformance checks:\n"
            + "- secrets never shown: the value of secret argument \"ApiToken\" appears in a log"
            + " message (info): \"Connecting to https://firmware.contoso.example/raid with token"
            + " ********\"")
        .message().doesNotContain(FakeRaidControllerAgent.TOKEN);
  }

  @Test
  void throwingIllegalStateExceptionFailsTheFailureChecks() {
    ConformanceReport report = check(new BrokenPlugins.ThrowsIllegalStateException());

    assertThat(report.failures()).extracting(ConformanceFinding::check).containsExactly(
        ConformanceCheck.MISSING_CAPABILITY, ConformanceCheck.INFRASTRUCTURE_FAILURE);
    assertThat(report.finding(ConformanceCheck.INFRASTRUCTURE_FAILURE).message()).isEqualTo(
        "on the failing node, scan threw IllegalStateException (\"The RAID agent on node"
            + " \"conformance-node-1\" could not list its RAID controllers: connection to the"
            + " agent timed out after 30 s\") instead of PluginFailureException; any other"
            + " exception type ends the run abnormally instead of failing the node");
    assertThat(report.finding(ConformanceCheck.MISSING_CAPABILITY).message()).isEqualTo(
        "on a node that offers no capabilities, scan threw IllegalStateException (\"Node"
            + " \"conformance-node-1\" offers no RaidControllerAgent capability; install the"
            + " Contoso RAID agent on it and have its NodeController offer the agent\") instead"
            + " of PluginFailureException; throw PluginFailureException when the node lacks a"
            + " capability the plug-in needs, as any other exception type ends the run"
            + " abnormally");
  }

  @Test
  void timestampsFromAnotherClockFailTheResultCheck() {
    ConformanceReport report = check(new BrokenPlugins.StampsResultsWithItsOwnClock());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.ONE_RESULT_PER_UPDATE);
    assertThat(report.finding(ConformanceCheck.ONE_RESULT_PER_UPDATE).message()).isEqualTo(
        "the result for update \"ctrl0/7.2.0\" is stamped 2024-05-14T08:30:00Z, but the"
            + " context's clock reads " + CONTEXT_CLOCK + "; take every timestamp from"
            + " context.clock(), not from the system clock\n"
            + "  the result for update \"ctrl1/3.1.0\" is stamped 2024-05-14T08:30:00Z, but the"
            + " context's clock reads " + CONTEXT_CLOCK + "; take every timestamp from"
            + " context.clock(), not from the system clock");
  }

  @Test
  void ignoringCancellationFailsTheCancellationCheck() {
    ConformanceReport report = check(new BrokenPlugins.IgnoresCancellation());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.CANCELLATION);
    assertThat(report.finding(ConformanceCheck.CANCELLATION).message()).isEqualTo(
        "install reported update \"ctrl0/7.2.0\" SUCCEEDED although cancellation was requested"
            + " before install was called; poll context.cancellation() before starting each"
            + " update, and report the updates not started as CANCELED\n"
            + "  install reported update \"ctrl1/3.1.0\" SUCCEEDED although cancellation was"
            + " requested before install was called; poll context.cancellation() before"
            + " starting each update, and report the updates not started as CANCELED\n"
            + "  after the canceled install, a re-scan no longer reports update \"ctrl0/7.2.0\":"
            + " it was installed although cancellation was requested before install was called\n"
            + "  after the canceled install, a re-scan no longer reports update \"ctrl1/3.1.0\":"
            + " it was installed although cancellation was requested before install was called");
  }

  @Test
  void badDescriptorsFailTheDescriptorCheckAndLeaveTheOthersNotRun() {
    ConformanceReport report = check(new BrokenPlugins.DescribesArgumentsBadly());

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(ConformanceCheck.ARGUMENT_DESCRIPTORS);
    assertThat(report.finding(ConformanceCheck.ARGUMENT_DESCRIPTORS).message()).isEqualTo(
        "arguments \"ApiToken\" and \"APITOKEN\" have the same name regardless of letter case;"
            + " runs match argument names regardless of case\n"
            + "  the default \"Yes\" of BOOLEAN argument \"Verbose\" is not True or False"
            + " (in any letter case)");
    assertThat(report.findings())
        .filteredOn(f -> f.outcome() == Outcome.NOT_RUN)
        .extracting(ConformanceFinding::message)
        .hasSize(7)
        .containsOnly("no plug-in was created, as the arguments given to the kit do not bind to"
            + " its descriptors (see \"argument descriptors\")");
  }

  private static ConformanceReport check(UpdatePluginProvider provider) {
    return kit(provider).check();
  }

  private static PluginConformance kit(UpdatePluginProvider provider) {
    return PluginConformance.of(provider)
        .arguments(RaidFirmwarePluginConformanceTests.ARGUMENTS)
        .node(() -> FakeRaidControllerAgent.typical().asNode())
        .failingNode(() -> FakeRaidControllerAgent.unreachable().asNode());
  }
}
