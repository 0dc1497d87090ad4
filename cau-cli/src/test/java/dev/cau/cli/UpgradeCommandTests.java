package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cau upgrade} on the built-in simulated 22H2 cluster offered 23H2: the flow's steps and exit codes. */
class UpgradeCommandTests {
  @TempDir
  Path dir;

  @Test
  void checkReportsReadinessAndTheSameOfferOnEveryNodeAndTouchesNothing() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--check");

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("READINESS: DONE").contains("SCAN: DONE: Every node offered one is offered 23H2"
        + " (build 25398.469)").contains("node \"n4\" is offered 23H2 (build 25398.469)").doesNotContain("RUN:");
  }

  @Test
  void runUpgradesEveryNodeAndSaysTheClusterWentThroughMixedOsMode() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--run");

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("RUN: DONE: Every node was upgraded").contains("node \"n1\": SUCCEEDED")
        .contains("  after n1: Mixed-OS mode since 2026-").contains("n2, n3, n4 still run the old version")
        .contains("no longer mixed").contains("FURTHER_UPDATES: SKIPPED");
  }

  @Test
  void finishWithoutTheConfirmationIsRefusedAndExitsWithOne() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--run", "--finish");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("RAISE_FUNCTIONAL_LEVEL: STOPPED: Refused to raise the functional level from"
        + " 11 to 12 without confirmation").doesNotContain("UPGRADE_STORAGE_POOL");
  }

  @Test
  void runAndFinishConfirmedWalkTheWholeFlow() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--run", "--finish", "--confirm-irreversible");

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("RAISE_FUNCTIONAL_LEVEL: DONE: Raised the functional level from 11 to 12")
        .contains("UPGRADE_STORAGE_POOL: DONE").contains("UPGRADE_VM_VERSIONS: SKIPPED")
        .contains("VERIFY_FAILOVER: DONE").contains("VALIDATE: DONE");
  }

  @Test
  void finishOnAClusterThatIsNotUpgradedIsRefusedNamingEachNode() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--finish", "--confirm-irreversible");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("node \"n1\" is not upgraded: it is still offered 23H2 (build 25398.469)")
        .contains("node \"n4\" is not upgraded");
  }

  @Test
  void badUsageExitsWithTwoBeforeTouchingAnything() {
    assertThat(Cau.execute("upgrade").exitCode()).isEqualTo(2);
    Cau.Outcome confirmAlone = Cau.execute("upgrade", "--run", "--confirm-irreversible");
    assertThat(confirmAlone.exitCode()).isEqualTo(2);
    assertThat(confirmAlone.err()).contains("--confirm-irreversible and --upgrade-vm-versions go with --finish");
    assertThat(Cau.execute("upgrade", "--check", "--run").exitCode()).isEqualTo(2);
  }

  @Test
  void aClusterFileWithoutFeatureUpdatesStopsAtTheScan() throws IOException {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, """
        { "name": "c", "backend": "simulated",
          "nodes": [ { "name": "a" }, { "name": "b" } ] }
        """);

    Cau.Outcome outcome = Cau.execute("upgrade", "--check", "--cluster", file.toString());

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isEqualTo(1);
    assertThat(outcome.out()).contains("SCAN: STOPPED: No node is offered a feature update");
  }

  @Test
  void anInvalidClusterFileExitsWithTwo() {
    Cau.Outcome outcome = Cau.execute("upgrade", "--check", "--cluster", dir.resolve("missing.json").toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
  }
}
