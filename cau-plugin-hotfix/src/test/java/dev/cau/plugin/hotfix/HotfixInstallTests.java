package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.RunAs;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scan, stage and install through the plug-in on a simulated node: ids and hashes, the request
 * each installer gets, every exit-code class, {@code alwaysReboot}, unlisted codes, the timeout,
 * cancellation, and files that change under the plug-in.
 */
class HotfixInstallTests {
  private static final byte[] KB = bytes("kb5034441");
  private static final byte[] BIOS = bytes("bios 2.21.2");
  private static final String WUSA = "C:\\Windows\\System32\\wusa.exe";

  private final SimulatedCluster cluster = Fixtures.cluster("n1");
  private final SimulatedNode node = cluster.node("n1");
  private final HotfixRootFolder root = Fixtures.root()
      .forAllNodes("KB5034441.msu", KB)
      .forAllNodes("BIOS\\R740_BIOS.exe", BIOS);
  private final UpdatePlugin plugin = new HotfixPluginProvider().create(PluginArguments.of(Map.of(
      HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT, HotfixPluginProvider.INSTALLER_TIMEOUT_MINUTES, "10")));
  private final SimulatedContext context = new SimulatedContext(node, cluster.simulator().clock());

  HotfixInstallTests() {
    root.plantOn(cluster);
    node.programs().define("wusa", SimulatedProgram.exitingWith(0));
    node.programs().define("R740_BIOS", SimulatedProgram.exitingWith(0));
  }

  private List<InstallResult> installAll() {
    List<Update> updates = plugin.scan(context);
    plugin.stage(context, updates);
    return plugin.install(context, updates);
  }

  /** Installs the MSU with a new plug-in instance, as a new run would, with wusa exiting with a code. */
  private InstallResult installMsuExiting(long code) {
    node.programs().define("wusa", SimulatedProgram.exitingWith(code));
    UpdatePlugin run = new HotfixPluginProvider().create(PluginArguments.of(Map.of(
        HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT)));
    return run.install(context, run.scan(context).subList(0, 1)).get(0);
  }

  @Test
  void scanReportsStableIdsWithHashesAndFacts() {
    List<Update> updates = plugin.scan(context);

    String kb = HotfixRootFolder.sha256(KB);
    assertThat(updates).extracting(Update::id).containsExactly(
        "CAUHotfix_All\\KB5034441.msu@" + kb, "CAUHotfix_All\\BIOS\\R740_BIOS.exe@" + HotfixRootFolder.sha256(BIOS));
    assertThat(updates.get(0).title()).isEqualTo("KB5034441.msu");
    assertThat(updates.get(0).facts().contentSha256()).isEqualTo(kb);
    assertThat(updates.get(0).facts().sizeBytes()).isEqualTo(KB.length);
    assertThat(updates.get(1).facts().restart()).isEqualTo(RestartBehavior.ALWAYS);
    assertThat(plugin.scan(context)).isEqualTo(updates);
    assertThat(context.lines()).contains("info: Applicable: CAUHotfix_All\\KB5034441.msu (SHA-256 " + kb
        + ", <Extension name=\"MSU\">)");
  }

  @Test
  void eachInstallerRunsAsSystemWithThePathAsOneArgumentUnderTheTimeout() {
    installAll();

    List<ProgramRequest> runs = node.programs().executed();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).program()).isEqualTo(WUSA);
    assertThat(runs.get(0).arguments()).containsExactly(Fixtures.ROOT + "\\CAUHotfix_All\\KB5034441.msu", "/quiet",
        "/norestart");
    assertThat(runs.get(1).program()).isEqualTo(Fixtures.ROOT + "\\CAUHotfix_All\\BIOS\\R740_BIOS.exe");
    assertThat(runs.get(1).arguments()).containsExactly("/s", "/l=bios.log");
    assertThat(runs).allSatisfy(r -> {
      assertThat(r.runAs()).isEqualTo(RunAs.SYSTEM);
      assertThat(r.timeout()).isEqualTo(Duration.ofMinutes(10));
    });
  }

  @Test
  void everyExitClassMapsToItsResultAndRestart() {
    record Case(long code, UpdateResultCode result, boolean restart, String exitClass) {}
    List<Case> cases = List.of(
        new Case(0, UpdateResultCode.SUCCEEDED, false, "Success"),
        new Case(3010, UpdateResultCode.SUCCEEDED, true, "Success_RebootRequired"),
        new Case(0x00240005L, UpdateResultCode.SUCCEEDED, true, "Success_RebootRequired"),
        new Case(3017, UpdateResultCode.FAILED, true, "Fail_RebootRequired"),
        new Case(0x00240006L, UpdateResultCode.ALREADY_INSTALLED, false, "AlreadyInstalled"),
        new Case(0x80240017L, UpdateResultCode.NOT_APPLICABLE, false, "NotApplicable"));
    for (Case c : cases) {
      SimulatedCluster fresh = Fixtures.cluster("n1");
      root.plantOn(fresh);
      SimulatedNode n = fresh.node("n1");
      n.programs().define("wusa", SimulatedProgram.exitingWith(c.code()));
      SimulatedContext ctx = new SimulatedContext(n, fresh.simulator().clock());
      UpdatePlugin p = new HotfixPluginProvider().create(PluginArguments.of(Map.of(
          HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT)));

      InstallResult r = p.install(ctx, p.scan(ctx).subList(0, 1)).get(0);

      assertThat(r.code()).as("exit code %d", c.code()).isEqualTo(c.result());
      assertThat(r.rebootRequired()).as("exit code %d", c.code()).isEqualTo(c.restart());
      assertThat(r.errorCode()).isEqualTo((int) c.code());
      assertThat(ctx.lines()).as("exit code %d", c.code())
          .anySatisfy(l -> assertThat(l).contains("is " + c.exitClass() + " under <Extension name=\"MSU\">"));
    }
  }

  @Test
  void anUnlistedCodeIsAFailureWithoutRestart() {
    InstallResult r = installMsuExiting(1603);

    assertThat(r.code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(r.rebootRequired()).isFalse();
    assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("exit code 0x00000643 (1603) is unlisted"));
  }

  @Test
  void codesAboveSignedRangeAreKeptExactAndPrintedInHexAndDecimal() {
    InstallResult notApplicable = installMsuExiting(0x80240017L);
    assertThat(notApplicable.code()).isEqualTo(UpdateResultCode.NOT_APPLICABLE);
    assertThat(notApplicable.errorCode()).isEqualTo(-2145124329);
    assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("exit code 0x80240017 (2149842967)"));

    InstallResult unlisted = installMsuExiting(0xFFFFFFFFL);
    assertThat(unlisted.code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(unlisted.rebootRequired()).isFalse();
    assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("exit code 0xFFFFFFFF (4294967295) is unlisted"));
  }

  @Test
  void alwaysRebootTurnsSuccessIntoARestartAndLeavesOtherClassesAlone() {
    List<InstallResult> results = installAll();
    assertThat(results.get(1).code()).isEqualTo(UpdateResultCode.SUCCEEDED);
    assertThat(results.get(1).rebootRequired()).isTrue();
    assertThat(results.get(0).rebootRequired()).as("the MSU rule has no alwaysReboot").isFalse();

    node.programs().define("R740_BIOS", SimulatedProgram.exitingWith(3017));
    UpdatePlugin again = new HotfixPluginProvider().create(PluginArguments.of(Map.of(
        HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT)));
    List<Update> bios = again.scan(context).subList(1, 2);
    InstallResult failed = again.install(context, bios).get(0);
    assertThat(failed.code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(failed.rebootRequired()).isTrue();

    node.programs().define("R740_BIOS", SimulatedProgram.exitingWith(1));
    InstallResult unlisted = again.install(context, bios).get(0);
    assertThat(unlisted.code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(unlisted.rebootRequired()).as("alwaysReboot does not apply to an unlisted code").isFalse();
  }

  @Test
  void anInstallerPastTheTimeoutIsStoppedAndReportedFailed() {
    node.programs().define("wusa", (request, run) -> {
      run.take(Duration.ofMinutes(11));
      return run.exit(0);
    });

    List<InstallResult> results = installAll();

    assertThat(results.get(0).code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(results.get(0).errorCode()).isEqualTo(HotfixPlugin.ERROR_TIMEOUT);
    assertThat(results.get(0).rebootRequired()).isFalse();
    assertThat(results.get(1).code()).as("the next update still runs").isEqualTo(UpdateResultCode.SUCCEEDED);
    assertThat(cluster.steps()).extracting(StepRecord::step).contains("program " + WUSA + " killed (timeout)");
    assertThat(context.lines()).anySatisfy(l -> assertThat(l).startsWith("warn: The installer of"
        + " \"CAUHotfix_All\\KB5034441.msu\" returned no exit code (it may run at most 10 minutes"));
  }

  @Test
  void installedHashesAreInTheResults() {
    List<InstallResult> results = installAll();

    assertThat(results).extracting(InstallResult::installedSha256)
        .containsExactly(HotfixRootFolder.sha256(KB), HotfixRootFolder.sha256(BIOS));
  }

  @Test
  void aRescanOffersNoUpdateThatSucceededButOffersAFailedOneAgain() {
    node.programs().define("R740_BIOS", SimulatedProgram.exitingWith(1));
    installAll();

    assertThat(plugin.scan(context)).extracting(Update::title).containsExactly("R740_BIOS.exe");
  }

  @Test
  void cancellationBeforeInstallRunsNothing() {
    List<Update> updates = plugin.scan(context);
    context.cancel();

    List<InstallResult> results = plugin.install(context, updates);

    assertThat(results).extracting(InstallResult::code).containsOnly(UpdateResultCode.CANCELED);
    assertThat(node.programs().executed()).isEmpty();
  }

  @Test
  void aFileChangedAfterTheScanFailsStageAndIsNeverInstalled() {
    List<Update> updates = plugin.scan(context);
    node.files().write(Fixtures.ROOT + "\\CAUHotfix_All\\KB5034441.msu", bytes("tampered"));

    assertThatThrownBy(() -> plugin.stage(context, updates))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("Hotfix file \"CAUHotfix_All\\KB5034441.msu\" changed since the scan");
    List<InstallResult> results = plugin.install(context, updates);
    assertThat(results.get(0).code()).isEqualTo(UpdateResultCode.FAILED);
    assertThat(results.get(0).errorCode()).isEqualTo(HotfixPlugin.TRUST_E_BAD_DIGEST);
    assertThat(node.programs().executed()).extracting(ProgramRequest::program).doesNotContain(WUSA);
  }

  @Test
  void stageReadsHashesOnTheNodeAndCopiesNothing() {
    List<Update> updates = plugin.scan(context);
    int before = cluster.steps().size();

    plugin.stage(context, updates);

    assertThat(cluster.steps().subList(before, cluster.steps().size())).extracting(StepRecord::step)
        .allSatisfy(s -> assertThat(s).startsWith("files sha256 "));
  }

  @Test
  void aManifestAcceptsListedFilesAndRefusesChangedOrUnlistedOnes() {
    root.manifest().plantOn(cluster);
    assertThat(plugin.scan(context)).hasSize(2);

    node.files().write(Fixtures.ROOT + "\\CAUHotfix_All\\KB5034441.msu", bytes("replaced"));
    assertThatThrownBy(() -> plugin.scan(context))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("Hotfix file \"CAUHotfix_All\\KB5034441.msu\" has SHA-256 "
            + HotfixRootFolder.sha256(bytes("replaced")) + ", but CAUHotfixManifest.sha256 lists "
            + HotfixRootFolder.sha256(KB) + "; the file is refused");

    node.files().write(Fixtures.ROOT + "\\CAUHotfix_All\\KB5034441.msu", KB);
    node.files().write(Fixtures.ROOT + "\\CAUHotfix_All\\extra.msi", bytes("extra"));
    assertThatThrownBy(() -> plugin.scan(context))
        .hasMessageContaining("Hotfix file \"CAUHotfix_All\\extra.msi\" is not listed in CAUHotfixManifest.sha256");
  }

  @Test
  void aMalformedManifestIsRefusedNamingTheLine() {
    node.files().write(Fixtures.ROOT + "\\" + IntegrityManifest.FILE_NAME, "# hashes\nnot-a-hash  x.msu\n");

    assertThatThrownBy(() -> plugin.scan(context))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("Hotfix manifest \"CAUHotfixManifest.sha256\", line 2: expected a SHA-256 (64 hexadecimal digits),"
            + " spaces and a relative path");
    node.files().write(Fixtures.ROOT + "\\" + IntegrityManifest.FILE_NAME, "a".repeat(64) + "  CAUHotfix_All\\..\\x.msu");
    assertThatThrownBy(() -> plugin.scan(context)).hasMessageContaining("is not a plain relative path");
  }

  @Test
  void aMissingOrOversizedConfigurationIsRefusedWithoutReadingIt() {
    node.files().delete(Fixtures.ROOT + "\\DefaultHotfixConfig.xml");
    assertThatThrownBy(() -> plugin.scan(context))
        .isInstanceOf(HotfixConfigException.class)
        .hasMessageContaining("Hotfix configuration \"DefaultHotfixConfig.xml\": the file does not exist in the root"
            + " folder");

    node.files().write(Fixtures.ROOT + "\\DefaultHotfixConfig.xml", new byte[50 * 1024 * 1024]);
    assertThatThrownBy(() -> plugin.scan(context))
        .isInstanceOf(HotfixConfigException.class)
        .hasMessageContaining("the file holds 52428800 bytes; allowed: at most 1048576 bytes");
    assertThat(cluster.steps()).extracting(StepRecord::step).noneSatisfy(s -> assertThat(s).startsWith("files read"));
  }

  @Test
  void anUnreachableShareIsAnInfrastructureFailure() {
    node.files().denyAccess(Fixtures.ROOT);

    assertThatThrownBy(() -> plugin.scan(context))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("Node \"n1\" cannot read the hotfix root folder \"" + Fixtures.ROOT + "\"");
  }
}
