package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CauCommandTests {
  @Test
  void helpExitsZeroAndListsTheRunCommand() {
    Cau.Outcome outcome = Cau.execute("--help");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("Usage: cau").contains("run");
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void helpListsTheCommandsNamedAfterCauCmdlets() {
    Cau.Outcome outcome = Cau.execute("--help");

    assertThat(outcome.out())
        .contains("status", "Get-CauRun")
        .contains("report", "Get-CauReport")
        .contains("export", "Export-CauReport");
  }

  @Test
  void runHelpExitsZeroAndNamesTheCauOptions() {
    Cau.Outcome outcome = Cau.execute("run", "--help");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out())
        .contains("--max-failed-nodes", "MaxFailedNodes")
        .contains("--max-retries-per-node", "MaxRetriesPerNode")
        .contains("--reboot-timeout-minutes", "RebootTimeoutMinutes")
        .contains("--require-all-nodes-online", "RequireAllNodesOnline")
        .contains("--failback", "FailbackMode", "NoFailback", "Immediate", "Policy")
        .contains("--node-order", "NodeOrder");
  }

  @Test
  void helpDescribesRealClustersAsWellAsTheDemo() {
    Cau.Outcome outcome = Cau.execute("--help");

    assertThat(outcome.out()).contains("--cluster FILE").contains("pacemaker").contains("demo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "scan", "test-setup", "status", "plugins"})
  void everyCommandOnAClusterDescribesRealClustersInItsHelp(String command) {
    Cau.Outcome outcome = Cau.execute(command, "--help");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out().replaceAll("\\s+", " ")).contains("--cluster").contains("real")
        .contains("pacemaker");
  }

  @Test
  void versionExitsZero() {
    Cau.Outcome outcome = Cau.execute("--version");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).startsWith("cau (cau4j) ");
  }

  @Test
  void withoutACommandItPrintsUsageAndExitsTwo() {
    Cau.Outcome outcome = Cau.execute();

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("a command is required").contains("Usage: cau");
  }

  @Test
  void anUnknownCommandExitsTwo() {
    Cau.Outcome outcome = Cau.execute("scan-everything");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("scan-everything");
  }
}
