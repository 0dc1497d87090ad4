package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.store.FileRunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTests {
  @TempDir Path dir;

  @Test
  void anEmptyStoreSaysSoAndExitsZero() {
    Path store = emptyStore();

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.outLines()).containsExactly("No finished runs in run store \"" + store + "\".");
  }

  @Test
  void everyRunIsListedOldestFirstWithItsCountsAndCoordinators() {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    List<String> lines = outcome.outLines();
    assertThat(lines.get(0).split(" {2,}"))
        .containsExactly("Run", "Start", "End", "Status", "Nodes", "Succeeded", "Failed", "Coordinators");
    assertThat(lines.get(1)).matches("[- ]+");
    assertThat(lines.subList(2, lines.size())).hasSize(2);
    assertThat(lines.get(2)).matches(first
        + "  2026-01-20 03:01:00 \\+00:00  2026-01-20 05:47:00 \\+00:00  Succeeded +4 +16 +0  cau-cli");
    assertThat(lines.get(3)).matches(second
        + "  2026-01-21 03:01:00 \\+00:00  2026-01-21 05:47:00 \\+00:00  Succeeded +4 +16 +0  cau-cli");
  }

  @Test
  void lastListsOnlyTheRunThatStartedLast() {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString(), "--last");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains(second).doesNotContain(first);
  }

  @Test
  void fromAndToSelectRunsByWhenTheyStarted() {
    Path store = dir.resolve("store");
    String jan20 = RunStores.run(store);
    String jan21 = RunStores.run(store);
    String jan22 = RunStores.run(store);

    assertThat(listed(store, "--from", "2026-01-21")).containsExactly(jan21, jan22);
    assertThat(listed(store, "--to", "2026-01-21")).containsExactly(jan20, jan21);
    assertThat(listed(store, "--from", "2026-01-21", "--to", "2026-01-21")).containsExactly(jan21);
    assertThat(listed(store, "--from", "2026-01-21T03:01:01Z")).containsExactly(jan22);
    assertThat(listed(store, "--to", "2026-01-21T04:01+01:00")).containsExactly(jan20, jan21);
    assertThat(listed(store, "--from", "2026-01-21T04:00", "--time-zone", "Europe/Berlin")).containsExactly(jan21, jan22);
  }

  @Test
  void aRangeWithoutRunsSaysSoAndExitsZero() {
    Path store = dir.resolve("store");
    RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString(), "--from", "2026-02-01", "--to", "2026-02-28");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outLines()).containsExactly(
        "No run in run store \"" + store + "\" started between 2026-02-01 and 2026-02-28 (UTC).");
  }

  @Test
  void timesAreShownInTheChosenZone() {
    Path store = dir.resolve("store");
    String run = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString(), "--time-zone", "Europe/Berlin");

    assertThat(outcome.outLines())
        .anyMatch(l -> l.startsWith(run + "  2026-01-20 04:01:00 +01:00  2026-01-20 06:47:00 +01:00  Succeeded"));
  }

  @Test
  void detailedPrintsEachRunsNodeResultsInsteadOfTheTable() {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString(), "--detailed");

    assertThat(outcome.exitCode()).isZero();
    List<String> lines = outcome.outLines();
    assertThat(lines).containsSubsequence(
        "Run:          " + first,
        "Cluster:      demo-cluster",
        "Status:       Succeeded",
        "Started:      2026-01-20 03:01:00 +00:00",
        "Finished:     2026-01-20 05:47:00 +00:00",
        "Coordinators: cau-cli",
        "Run:          " + second);
    assertThat(lines).filteredOn(l -> l.matches("node-4 +Succeeded +4 +0 +1")).hasSize(2);
    assertThat(lines).filteredOn(l -> l.matches("node-1 +Succeeded +5 +0 +1")).hasSize(2);
    assertThat(lines).noneMatch(l -> l.startsWith("Run   "));
  }

  @Test
  void anUnreadableReportIsNamedInAWarningAndTheOthersAreListed() throws IOException {
    Path store = dir.resolve("store");
    String damaged = RunStores.run(store);
    String intact = RunStores.run(store);
    RunStores.damageReport(store, damaged);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.errLines()).singleElement().asString()
        .startsWith("cau report: warning: unreadable report: Run " + damaged + ": ");
    assertThat(outcome.out()).contains(intact).doesNotContain(damaged);
  }

  @Test
  void aRunThatDidNotFinishIsNamedRatherThanSkipped() {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("report", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outLines()).containsExactly(
        "No finished runs in run store \"" + store + "\".",
        "",
        "Run " + interrupted + " has no report: it has not finished; see 'cau status --store " + store + "'.");
  }

  @Test
  void aMissingStoreIsRefused() {
    Path missing = dir.resolve("missing");

    Cau.Outcome outcome = Cau.execute("report", "--store", missing.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains(
        "\"--store\" must name an existing run store directory, but \"" + missing + "\" does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aDirectoryWithoutAStoreIsRefusedAndLeftAlone() {
    Cau.Outcome outcome = Cau.execute("report", "--store", dir.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("holds no run store").contains("\"runs\"");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void lastTogetherWithARangeIsRefused() {
    Cau.Outcome outcome = Cau.execute("report", "--store", emptyStore().toString(), "--last", "--from", "2026-01-20");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("\"--last\" cannot be combined with \"--from\" or \"--to\"");
  }

  @Test
  void aRangeEndingBeforeItStartsIsRefused() {
    Cau.Outcome outcome = Cau.execute(
        "report", "--store", emptyStore().toString(), "--from", "2026-01-21", "--to", "2026-01-20");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err())
        .contains("\"--to\" must not be before \"--from\", but \"2026-01-20\" is before \"2026-01-21\"");
  }

  @Test
  void aDateThatIsNotIso8601IsRefused() {
    Cau.Outcome outcome = Cau.execute("report", "--store", emptyStore().toString(), "--from", "20/01/2026");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).contains("--from", "ISO-8601 date or date-time", "2026-01-20T03:00:00Z", "'20/01/2026'");
  }

  @Test
  void anUnknownTimeZoneIsRefused() {
    Cau.Outcome outcome = Cau.execute("report", "--store", emptyStore().toString(), "--time-zone", "Mars/Olympus");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--time-zone", "UTC, Europe/Berlin or +01:00", "'Mars/Olympus'");
  }

  private Path emptyStore() {
    return new FileRunStore(dir.resolve("empty-store")).directory();
  }

  /** The run ids a report lists, in its order. */
  private static List<String> listed(Path store, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "report";
    args[1] = "--store";
    args[2] = store.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    Cau.Outcome outcome = Cau.execute(args);
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    return outcome.outLines().stream()
        .filter(l -> l.matches("[0-9a-f]{8}-[0-9a-f-]{27}  .*"))
        .map(l -> l.substring(0, 36))
        .toList();
  }
}
