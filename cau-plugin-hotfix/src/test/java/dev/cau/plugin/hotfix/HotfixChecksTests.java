package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.ShareSecurity;
import dev.cau.api.readiness.Finding;
import dev.cau.api.readiness.FindingState;
import dev.cau.api.readiness.Severity;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.readiness.ClusterNotReadyException;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedFiles;
import dev.cau.testkit.cluster.StepRecord;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks before anything runs: who may change the root folder and everything in it, SMB
 * signing and encryption, DFS paths, the configuration. A failure shows in {@code testSetup}
 * and refuses {@code start()} before any node is touched.
 */
class HotfixChecksTests {
  private static final List<AccessEntry> WRITABLE_BY_EVERYONE = List.of(
      AccessEntry.allow("BUILTIN\\Administrators", EnumSet.allOf(AccessRight.class)),
      AccessEntry.allow("Everyone", EnumSet.of(AccessRight.READ, AccessRight.WRITE)));

  private final SimulatedCluster cluster = Fixtures.cluster("n1", "n2", "n3");
  private final HotfixRootFolder root = Fixtures.root()
      .forAllNodes("KB5034441.msu", bytes("kb"))
      .forAllNodes("BIOS\\R740_BIOS.exe", bytes("bios"))
      .forNode("n2", "Drivers\\net.inf", bytes("driver"));

  private static RunOptions options(Map<String, String> arguments) {
    Map<String, String> all = new HashMap<>(arguments);
    all.putIfAbsent(HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT);
    return RunOptions.builder().plugin(new PluginSelection(HotfixPluginProvider.NAME, all)).build();
  }

  private SimulatedCoordinator coordinator() {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(new HotfixPluginProvider())).build();
  }

  private ReadinessReport check(Map<String, String> arguments) {
    root.plantOn(cluster);
    return coordinator().coordinator().testSetup(options(arguments));
  }

  private void assertRefusedUntouched(Map<String, String> arguments, String... messageParts) {
    root.plantOn(cluster);
    assertThatThrownBy(() -> coordinator().coordinator().start(options(arguments)))
        .isInstanceOf(ClusterNotReadyException.class)
        .satisfies(e -> {
          for (String part : messageParts) {
            assertThat(e).hasMessageContaining(part);
          }
        });
    assertThat(cluster.steps()).extracting(StepRecord::step).allSatisfy(s -> assertThat(s).startsWith("files "));
    assertThat(cluster.store().runs()).isEmpty();
    cluster.nodes().forEach(n -> assertThat(n.programs().executed()).as(n.name()).isEmpty());
  }

  @Test
  void aWellProtectedFolderOnASignedSharePassesEveryRule() {
    ReadinessReport report = check(Map.of());

    for (String rule : List.of(HotfixChecks.CONFIGURATION, HotfixChecks.ACCESS, HotfixChecks.INTEGRITY)) {
      Finding finding = report.finding(rule);
      assertThat(finding.state()).as(rule).isEqualTo(FindingState.PASSED);
      assertThat(finding.severity()).as(rule).isEqualTo(Severity.ERROR);
      assertThat(finding.source()).isEqualTo(HotfixPluginProvider.NAME);
    }
  }

  @Test
  void aRootFolderWritableByUsersRefusesTheRunNamingPathAndPrincipal() {
    root.access("", WRITABLE_BY_EVERYONE);

    assertThat(check(Map.of()).finding(HotfixChecks.ACCESS).detail())
        .contains("on node \"n1\": \"" + Fixtures.ROOT + "\": Everyone may change it (write)");
    assertRefusedUntouched(Map.of(), HotfixChecks.ACCESS, "\"" + Fixtures.ROOT + "\": Everyone may change it");
  }

  @Test
  void theConfigurationFileWritableByUsersRefusesTheRun() {
    root.access(HotfixRootFolder.DEFAULT_CONFIGURATION, List.of(AccessEntry.allow("BUILTIN\\Users",
        EnumSet.of(AccessRight.READ, AccessRight.WRITE, AccessRight.DELETE))));

    assertRefusedUntouched(Map.of(), "\"" + Fixtures.ROOT + "\\DefaultHotfixConfig.xml\": BUILTIN\\Users may change it"
        + " (delete, write)");
  }

  @Test
  void aFileAtTheThirdLevelIsChecked() {
    root.access("CAUHotfix_All\\BIOS\\R740_BIOS.exe", List.of(AccessEntry.allow("CONTOSO\\Helpdesk",
        EnumSet.of(AccessRight.CHANGE_PERMISSIONS))));

    assertRefusedUntouched(Map.of(), "\"" + Fixtures.ROOT + "\\CAUHotfix_All\\BIOS\\R740_BIOS.exe\": CONTOSO\\Helpdesk"
        + " may change it (change_permissions)");
  }

  @Test
  void aNodeFoldersRuleFolderIsChecked() {
    root.access("n2\\Drivers", List.of(AccessEntry.allow("Authenticated Users", EnumSet.of(AccessRight.WRITE))));

    assertThat(check(Map.of()).finding(HotfixChecks.ACCESS).detail())
        .contains("\"" + Fixtures.ROOT + "\\n2\\Drivers\": Authenticated Users may change it (write)");
  }

  @Test
  void trustedPrincipalsReadersAndDenyEntriesPass() {
    root.access("", List.of(
        AccessEntry.allow("BUILTIN\\Administrators", EnumSet.allOf(AccessRight.class)),
        AccessEntry.allow("nt authority\\system", EnumSet.allOf(AccessRight.class)),
        AccessEntry.allow("CREATOR OWNER", EnumSet.allOf(AccessRight.class)),
        AccessEntry.allow("NT SERVICE\\TrustedInstaller", EnumSet.allOf(AccessRight.class)),
        AccessEntry.allow("S-1-5-32-544", EnumSet.allOf(AccessRight.class)),
        AccessEntry.allow("BUILTIN\\Users", EnumSet.of(AccessRight.READ, AccessRight.EXECUTE)),
        new AccessEntry("Everyone", false, EnumSet.allOf(AccessRight.class))));

    assertThat(check(Map.of()).finding(HotfixChecks.ACCESS).state()).isEqualTo(FindingState.PASSED);
  }

  @Test
  void aDomainGroupNamedAdministratorsIsNotTrusted() {
    root.access("CAUHotfix_All", List.of(AccessEntry.allow("CONTOSO\\Administrators", EnumSet.of(AccessRight.WRITE))));

    assertThat(check(Map.of()).finding(HotfixChecks.ACCESS).state()).isEqualTo(FindingState.FAILED);
  }

  @Test
  void disableAclChecksLiftsTheAccessCheckOnly() {
    root.access("", WRITABLE_BY_EVERYONE).share(new ShareSecurity(false, false, false));

    ReadinessReport report = check(Map.of(HotfixPluginProvider.DISABLE_ACL_CHECKS, "True"));

    assertThat(report.finding(HotfixChecks.ACCESS).state()).isEqualTo(FindingState.NOT_APPLICABLE);
    assertThat(report.finding(HotfixChecks.INTEGRITY).state()).isEqualTo(FindingState.FAILED);
  }

  @Test
  void anUnsignedShareRefusesTheRunNamingThePath() {
    root.share(new ShareSecurity(false, false, false));

    assertRefusedUntouched(Map.of(), HotfixChecks.INTEGRITY, "the share of \"" + Fixtures.ROOT + "\" requires neither"
        + " signing nor encryption");
  }

  @Test
  void requireSmbEncryptionRefusesASigningOnlyShareAndAcceptsAnEncryptedOne() {
    Map<String, String> encrypt = Map.of(HotfixPluginProvider.REQUIRE_SMB_ENCRYPTION, "True");
    assertThat(check(encrypt).finding(HotfixChecks.INTEGRITY).detail()).contains("does not require encryption (it"
        + " requires signing only), and RequireSmbEncryption is True");

    root.share(new ShareSecurity(false, true, false));
    assertThat(check(encrypt).finding(HotfixChecks.INTEGRITY).state()).isEqualTo(FindingState.PASSED);
  }

  @Test
  void aLocalRootFolderIsNotOnAShare() {
    SimulatedCluster local = Fixtures.cluster("n1");
    HotfixRootFolder.at("D:\\Hotfixes").configuration(Fixtures.CONFIG).local().plantOn(local);

    ReadinessReport report = SimulatedCoordinator.builder(local, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(new HotfixPluginProvider())).build().coordinator()
        .testSetup(options(Map.of(HotfixPluginProvider.ROOT_FOLDER_PATH, "D:\\Hotfixes")));

    assertThat(report.finding(HotfixChecks.INTEGRITY).state()).isEqualTo(FindingState.PASSED);
    assertThat(report.finding(HotfixChecks.ACCESS).state()).isEqualTo(FindingState.PASSED);
  }

  @Test
  void aDfsPathIsRefusedUnlessAclChecksAreDisabled() {
    root.share(new ShareSecurity(true, false, true));

    assertRefusedUntouched(Map.of(), "is a DFS namespace path, whose targets' access lists cannot be checked; allowed"
        + " only with DisableAclChecks=True");
    ReadinessReport lifted = check(Map.of(HotfixPluginProvider.DISABLE_ACL_CHECKS, "true"));
    assertThat(lifted.finding(HotfixChecks.ACCESS).state()).isEqualTo(FindingState.NOT_APPLICABLE);
    assertThat(lifted.finding(HotfixChecks.INTEGRITY).state()).isEqualTo(FindingState.PASSED);
  }

  @Test
  void anInvalidConfigurationRefusesTheRunNamingElementAndLine() {
    root.configuration("<HotfixInstallerConfiguration>\n  <Rules/>\n</HotfixInstallerConfiguration>");

    assertRefusedUntouched(Map.of(), HotfixChecks.CONFIGURATION, "Hotfix configuration \"DefaultHotfixConfig.xml\","
        + " line 2, <Rules>: <Rules> is not allowed inside <HotfixInstallerConfiguration>");
  }

  @Test
  void aMissingRootFolderFailsTheConfigurationRule() {
    ReadinessReport report = coordinator().coordinator().testSetup(options(Map.of()));

    assertThat(report.finding(HotfixChecks.CONFIGURATION).detail())
        .contains("Hotfix root folder \"" + Fixtures.ROOT + "\" does not exist on node \"n1\"");
  }

  @Test
  void theDefaultAccessListOfTheSimulatorIsTrusted() {
    assertThat(SimulatedFiles.DEFAULT_ACCESS).filteredOn(AccessEntry::allowsChange)
        .allSatisfy(e -> assertThat(HotfixChecks.TRUSTED).contains(WindowsNames.upper(e.principal())));
  }
}
