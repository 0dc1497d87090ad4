package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cau upgrade --cluster FILE}: a described simulated cluster with OS versions and feature-update offers. */
class UpgradeClusterFileTests {
  private static final String HCI_22H2 = Path.of("..", "examples", "clusters", "hci-4-nodes-22H2.json").toString();

  @TempDir
  Path dir;

  @Test
  void checkListsEveryDescribedNodesOfferAndTouchesNothing() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--check", "--cluster", HCI_22H2);

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("READINESS: DONE")
        .contains("SCAN: DONE: Every node offered one is offered 23H2 (build 25398.469)")
        .contains("node \"hci-01\" is offered 23H2 (build 25398.469)")
        .contains("node \"hci-04\" is offered 23H2 (build 25398.469)").doesNotContain("RUN:");
  }

  @Test
  void helpNamesTheOperatingSystemKeysAClusterFileGivesAndTheExample() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--help");

    assertThat(outcome.exitCode()).isZero();
    String help = outcome.out().replaceAll("\\s+", " ");
    assertThat(help).contains("os-version").contains("os-build").contains("feature-update")
        .contains("functional-level").contains("storage-pool-version").contains("examples/clusters/hci-4-nodes-22H2.json");
  }

  @Test
  void runAndFinishConfirmedUpgradeEveryDescribedNodeThenRaiseTheLevelAndThePool() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--run", "--finish", "--confirm-irreversible", "--cluster", HCI_22H2);

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("RUN: DONE: Every node was upgraded").contains("node \"hci-04\": SUCCEEDED")
        .contains("  after hci-01: Mixed-OS mode since ").contains("hci-02, hci-03, hci-04 still run the old version")
        .contains("no longer mixed")
        .contains("RAISE_FUNCTIONAL_LEVEL: DONE: Raised the functional level from 11 to 12")
        .contains("UPGRADE_STORAGE_POOL: DONE").contains("VALIDATE: DONE");
  }

  @Test
  void finishWithoutTheConfirmationIsRefusedOnTheDescribedCluster() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--run", "--finish", "--cluster", HCI_22H2);

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("RAISE_FUNCTIONAL_LEVEL: STOPPED: Refused to raise the functional level from"
        + " 11 to 12 without confirmation").doesNotContain("UPGRADE_STORAGE_POOL");
  }

  @Test
  void nodesOfferedDifferentFeatureUpdatesAreRefusedAtCheckAndRunNamingNodesAndOffers() throws IOException {
    Path file = mixedOffers();

    for (String step : new String[] {"--check", "--run"}) {
      Cau.Outcome outcome = Cau.execute("upgrade", step, "--cluster", file.toString());

      assertThat(outcome.exitCode()).as(step + ": " + outcome.out() + outcome.err()).isEqualTo(1);
      assertThat(outcome.out()).as(step).contains("SCAN: STOPPED")
          .contains("\"a\"").contains("\"b\"").contains("23H2 (build 25398.469)").contains("23H2 (build 25398.512)")
          .doesNotContain("RUN:").doesNotContain("SUCCEEDED");
    }
  }

  @Test
  void aMalformedOsSettingIsRefusedWithExitTwoNamingKeyAndLine() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        { "name": "c", "backend": "simulated",
          "nodes": [
            { "name": "a", "os-version": "22H2", "os-build": "20349.2322", "feature-update": "23H2" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("upgrade", "--check", "--cluster", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"feature-update\" must be none, or the target version and build")
        .contains("but was \"23H2\" at").contains("line 3");
  }

  private Path mixedOffers() throws IOException {
    Path file = dir.resolve("mixed.json");
    Files.writeString(file, """
        { "name": "mixed", "backend": "simulated",
          "nodes": [
            { "name": "a", "os-version": "22H2", "os-build": "20349.2322", "feature-update": "23H2 25398.469" },
            { "name": "b", "os-version": "22H2", "os-build": "20349.2400", "feature-update": "23H2 25398.512" },
            { "name": "c", "os-version": "22H2", "os-build": "20349.2322", "feature-update": "23H2 25398.469" } ] }
        """);
    return file;
  }
}
