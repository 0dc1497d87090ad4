package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.store.FileRunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTests {
  /** A line of --watch: the time since the run started, then the cluster or a node, then the status. */
  private static final Pattern WATCH_LINE = Pattern.compile("^\\+(\\d{2}):(\\d{2}):(\\d{2})  (\\S+) +(.*)$");

  @TempDir Path dir;

  @Test
  void anEmptyStoreHasNoRunInProgress() {
    Path store = new FileRunStore(dir.resolve("store")).directory();

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.outLines()).containsExactly(
        "Cluster:      demo-cluster",
        "State:        RunNotInProgress");
  }

  @Test
  void aStoreWhoseRunsFinishedHasNoRunInProgressAndNamesTheLastRun() {
    Path store = dir.resolve("store");
    RunStores.run(store);
    String last = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outLines()).containsExactly(
        "Cluster:      demo-cluster",
        "State:        RunNotInProgress",
        "Last run:     " + last + ", Succeeded, finished 2026-01-21 05:47:00 +00:00");
  }

  @Test
  void aRunWhoseCoordinatorStoppedIsRunFailedWithItsNodesAndResults() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString());

    assertThat(outcome.exitCode()).as("RunFailed is an outcome that is not good").isEqualTo(1);
    assertThat(outcome.err()).isEmpty();
    List<String> lines = outcome.outLines();
    assertThat(lines).startsWith(
        "Cluster:      demo-cluster",
        "State:        RunFailed",
        "Run:          " + interrupted,
        "Started:      2026-01-20 03:01:00 +00:00",
        "Coordinator:  " + RunStores.CRASHED_COORDINATOR);
    assertThat(lines.get(5)).startsWith("Detail:       Run " + interrupted + " did not finish.")
        .contains("resume the run, or end it with ForceRecovery");
    assertThat(lines).containsSubsequence(
        "Node    Status     Since",
        "node-4  Succeeded  2026-01-20 03:42:00 +00:00",
        "Finished nodes:");
    assertThat(lines).anyMatch(l -> l.matches("node-1 +Waiting +2026-01-20 03:01:00 \\+00:00"));
    assertThat(lines.subList(lines.indexOf("Finished nodes:"), lines.size()))
        .anyMatch(l -> l.matches("node-4 +Succeeded +4 +0 +1"))
        .noneMatch(l -> l.startsWith("node-1"));
    assertThat(lines).last().isEqualTo("Carry the run on with 'cau run --store " + store + " --resume', or end it"
        + " with 'cau run --store " + store + " --force-recovery'.");
  }

  @Test
  void timesAreShownInTheChosenZone() {
    Path store = dir.resolve("store");
    RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString(), "--time-zone", "Europe/Berlin");

    assertThat(outcome.outLines()).contains(
        "Started:      2026-01-20 04:01:00 +01:00",
        "node-4  Succeeded  2026-01-20 04:42:00 +01:00");
  }

  @Test
  void watchPrintsEachChangeOfTheStatusUntilTheRunEnds() {
    Path store = dir.resolve("store");

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString(), "--watch");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    String runId = RunStores.runId(outcome);
    List<String> lines = outcome.outLines();
    assertThat(lines.get(0)).isEqualTo(Cau.DEMO);
    assertThat(lines.get(1)).isEqualTo("Watching run " + runId
        + " on demo-cluster, started 2026-01-20 03:01:00 +00:00; status every 5 minutes of virtual time:");
    List<Matcher> watched = watchLines(lines);
    assertThat(watched.get(0).group()).isEqualTo("+00:00:00  demo-cluster  RunInProgress (coordinator cau-cli)");
    assertThat(watched.get(watched.size() - 1).group()).matches("\\+\\d{2}:\\d{2}:00  demo-cluster  RunNotInProgress");
    assertThat(watched).allSatisfy(m -> assertThat(Integer.parseInt(m.group(2)) % 5).as(m.group()).isZero());
    assertThat(watched.stream().map(StatusCommandTests::seconds).toList()).isSorted();
    assertThat(lines).contains(
        "+00:45:00  node-4        Succeeded since +00:41:00",
        "+01:20:00  node-3        Succeeded since +01:15:00");
    assertThat(lines).contains("Status:   Succeeded", "Store:    " + store);
    assertThat(Cau.execute("report", "--store", store.toString(), "--last").out()).contains(runId);
  }

  @Test
  void watchReadsTheStatusAsOftenAsAsked() {
    Cau.Outcome outcome = Cau.execute("status", "--store", dir.resolve("store").toString(), "--watch", "--interval", "30");

    assertThat(outcome.exitCode()).isZero();
    List<Matcher> watched = watchLines(outcome.outLines());
    assertThat(watched).isNotEmpty().allSatisfy(m -> assertThat(Integer.parseInt(m.group(2)) % 30).as(m.group()).isZero());
  }

  @Test
  void watchRefusesToStartOverARunThatDidNotFinish() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("status", "--store", store.toString(), "--watch");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("cannot start a run to watch", "interrupted run " + interrupted,
        "No node was touched");
  }

  @Test
  void aMissingStoreIsRefusedWithoutWatch() {
    Path missing = dir.resolve("missing");

    Cau.Outcome outcome = Cau.execute("status", "--store", missing.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("\"--store\" must name an existing run store directory", "\"" + missing + "\"");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anIntervalOutOfRangeIsRefused() {
    Cau.Outcome outcome = Cau.execute("status", "--store", dir.toString(), "--watch", "--interval", "0");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("\"--interval\" must be between 1 and 1440 minutes, but was 0",
        "No node was touched");
    assertThat(dir).isEmptyDirectory();
  }

  private static List<Matcher> watchLines(List<String> lines) {
    return lines.stream().map(WATCH_LINE::matcher).filter(Matcher::matches).toList();
  }

  private static long seconds(Matcher line) {
    return Long.parseLong(line.group(1)) * 3600 + Long.parseLong(line.group(2)) * 60 + Long.parseLong(line.group(3));
  }
}
