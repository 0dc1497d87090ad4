package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryOptionTests {
  @TempDir Path dir;

  @Test
  void resumeCarriesTheInterruptedRunOnFromWhereItsJournalEnds() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--resume");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(RunStores.runId(outcome)).isEqualTo(interrupted.toString());
    List<String> lines = afterDemoNotice(outcome);
    assertThat(lines.get(0)).isEqualTo("Resuming run " + interrupted
        + " on demo-cluster, started 2026-01-20 03:01:00 +00:00; its journal ends at +00:41:00,"
        + " where the run carries on:");
    assertThat(lines.get(1)).isEqualTo("+00:41:00  demo-cluster  WARNING: Coordinator \"cau-cli\" took the run"
        + " over from \"crashed-coordinator\"; the calls whose answers were lost are made again");
    assertThat(lines).containsSubsequence(
        "+01:15:00  node-3        Succeeded (3 installed, 0 failed)",
        "+01:55:00  node-2        Succeeded (4 installed, 0 failed)",
        "+02:46:00  node-1        Succeeded (5 installed, 0 failed)",
        "+02:46:00  demo-cluster  run Succeeded");
    assertThat(lines).noneMatch(l -> l.contains("node-4        "));
    assertThat(lines).anyMatch(l -> l.matches("node-4 +Succeeded +4 +0 +1"))
        .anyMatch(l -> l.matches("node-1 +Succeeded +5 +0 +1"))
        .contains("Status:   Succeeded", "Duration: 02:46:00 (virtual time)", "Store:    " + store);
  }

  @Test
  void aResumedRunIsReportedWithBothCoordinatorsAndTheStoreIsFreeAgain() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);
    assertThat(Cau.execute("run", "--store", store.toString(), "--resume").exitCode()).isZero();

    Cau.Outcome report = Cau.execute("report", "--store", store.toString());
    Cau.Outcome status = Cau.execute("status", "--store", store.toString());
    Cau.Outcome next = Cau.execute("run", "--store", store.toString());

    assertThat(report.exitCode()).isZero();
    assertThat(report.outLines()).hasSize(3).last().asString().matches(interrupted
        + "  2026-01-20 03:01:00 \\+00:00  2026-01-20 05:47:00 \\+00:00  Succeeded +4 +16 +0"
        + "  crashed-coordinator, cau-cli");
    assertThat(report.out()).doesNotContain("has no report");
    assertThat(status.outLines()).contains("State:        RunNotInProgress",
        "Last run:     " + interrupted + ", Succeeded, finished 2026-01-20 05:47:00 +00:00");
    assertThat(next.exitCode()).isZero();
  }

  @Test
  void resumeWithOptionsOtherThanTheRunsIsRefusedAndTheStoreIsLeftAlone() throws IOException {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);
    Map<String, String> before = contents(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--resume", "--max-retries-per-node", "2");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("invalid option", "MaxRetriesPerNode", "2",
        "the options run " + interrupted + " started with", "No node was touched");
    assertThat(contents(store)).isEqualTo(before);
  }

  @Test
  void resumeWithoutAnInterruptedRunIsRefused() throws IOException {
    Path store = dir.resolve("store");
    RunStores.run(store);
    Map<String, String> before = contents(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--resume");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.errLines()).containsExactly(
        "cau run: \"--resume\" needs an interrupted run to carry on, but run store \"" + store
            + "\" holds none: every run it keeps has finished; 'cau run --store " + store + "' starts a new one",
        "No node was touched. See 'cau run --help'.");
    assertThat(contents(store)).isEqualTo(before);
  }

  @Test
  void recoveryOfAMissingStoreIsRefusedAndCreatesNothing() {
    Path missing = dir.resolve("missing");

    for (String flag : List.of("--resume", "--force-recovery")) {
      Cau.Outcome outcome = Cau.execute("run", "--store", missing.toString(), flag);

      assertThat(outcome.exitCode()).as(flag).isEqualTo(2);
      assertThat(outcome.out()).as(flag).isEmpty();
      assertThat(outcome.err()).as(flag).contains("\"--store\" must name an existing run store directory");
    }
    assertThat(missing).doesNotExist();
  }

  @Test
  void forceRecoveryEndsTheInterruptedRunCanceled() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--force-recovery");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).isEmpty();
    List<String> lines = afterDemoNotice(outcome);
    assertThat(lines.get(0)).isEqualTo("Recovering run " + interrupted
        + " on demo-cluster, started 2026-01-20 03:01:00 +00:00; its journal ends at +00:41:00,"
        + " where the run is ended:");
    assertThat(lines).contains(
        "+00:41:00  demo-cluster  run Canceled: ForceRecovery ended the interrupted run",
        "Status:   Canceled",
        "Reason:   ForceRecovery ended the interrupted run",
        "Run id:   " + interrupted);
    assertThat(lines).anyMatch(l -> l.matches("node-4 +Succeeded +4 +0 +1"))
        .anyMatch(l -> l.matches("node-3 +Canceled +0 +0 +0"));
    assertThat(lines).last().isEqualTo("Recovered run " + interrupted + ": it ended Canceled; 'cau run --store "
        + store + "' can start a new run.");
  }

  @Test
  void afterForceRecoveryNoRunIsInProgressAndTheStoreRunsAgain() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);
    assertThat(Cau.execute("run", "--store", store.toString(), "--force-recovery").exitCode()).isZero();

    Cau.Outcome status = Cau.execute("status", "--store", store.toString());
    Cau.Outcome next = Cau.execute("run", "--store", store.toString());
    Cau.Outcome report = Cau.execute("report", "--store", store.toString());

    assertThat(status.exitCode()).isZero();
    assertThat(status.outLines()).containsExactly(
        "Cluster:      demo-cluster",
        "State:        RunNotInProgress",
        "Last run:     " + interrupted + ", Canceled, finished 2026-01-20 03:42:00 +00:00");
    assertThat(next.exitCode()).as(next.err()).isZero();
    String nextRun = RunStores.runId(next);
    assertThat(report.outLines()).anyMatch(l -> l.matches(interrupted
            + "  2026-01-20 03:01:00 \\+00:00  2026-01-20 03:42:00 \\+00:00  Canceled +4 +4 +0"
            + "  crashed-coordinator, cau-cli"))
        .anyMatch(l -> l.startsWith(nextRun + "  2026-01-21 03:01:00 +00:00  2026-01-21 05:47:00 +00:00  Succeeded"));
  }

  @Test
  void forceRecoveryWithNothingToRecoverSaysSoAndExitsZero() throws IOException {
    Path store = dir.resolve("store");
    RunStores.run(store);
    Map<String, String> before = contents(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--force-recovery");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.outLines()).containsExactly(Cau.DEMO,
        "Nothing to recover: run store \"" + store + "\" holds no interrupted run.");
    assertThat(contents(store)).isEqualTo(before);
  }

  @Test
  void clearCorruptReportsRemovesTheRunsWhoseReportCannotBeRead() throws IOException {
    Path store = dir.resolve("store");
    String damaged = RunStores.run(store);
    String intact = RunStores.run(store);
    RunStores.damageReport(store, damaged);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--force-recovery", "--clear-corrupt-reports");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    List<String> lines = afterDemoNotice(outcome);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("Removing unreadable report: Run " + damaged + ": ");
    assertThat(lines.subList(1, 3)).containsExactly(
        "Removed 1 run whose report could not be read.",
        "Nothing to recover: run store \"" + store + "\" holds no interrupted run.");
    assertThat(contents(store).keySet()).containsExactly(intact + ".journal", intact + ".report");
    assertThat(Cau.execute("report", "--store", store.toString()).err()).isEmpty();
  }

  @Test
  void resumeAndForceRecoveryExcludeEachOther() {
    Path store = dir.resolve("store");
    RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--resume", "--force-recovery");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.errLines()).containsExactly(
        "cau run: \"--resume\" and \"--force-recovery\" exclude each other: --resume carries the interrupted"
            + " run on, --force-recovery ends it Canceled; give one of them",
        "No node was touched. See 'cau run --help'.");
  }

  @Test
  void resumeAndForceRecoveryRequireAStore() {
    for (String flag : List.of("--resume", "--force-recovery")) {
      Cau.Outcome outcome = Cau.execute("run", flag);

      assertThat(outcome.exitCode()).as(flag).isEqualTo(2);
      assertThat(outcome.out()).as(flag).isEmpty();
      assertThat(outcome.errLines()).as(flag).containsExactly(
          "cau run: \"" + flag + "\" requires \"--store\": the interrupted run is the one a run store keeps;"
              + " name its directory, as in 'cau run --store <dir> " + flag + "'",
          "No node was touched. See 'cau run --help'.");
    }
  }

  @Test
  void clearCorruptReportsRequiresForceRecovery() {
    Cau.Outcome outcome = Cau.execute("run", "--store", dir.toString(), "--clear-corrupt-reports");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("\"--clear-corrupt-reports\" requires \"--force-recovery\"");
    assertThat(dir).isEmptyDirectory();
  }

  /** The store's run files and their contents, by name. */
  private static Map<String, String> contents(Path store) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> runs = Files.list(store.resolve("runs"))) {
      for (Path file : runs.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }

  /** The lines after the first, which says that the command works on the demo cluster. */
  private static List<String> afterDemoNotice(Cau.Outcome outcome) {
    assertThat(outcome.outLines()).first().isEqualTo(Cau.DEMO);
    return outcome.outLines().subList(1, outcome.outLines().size());
  }
}
