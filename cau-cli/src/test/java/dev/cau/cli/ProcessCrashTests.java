package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.report.RunHistory;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.StoreCheck;
import dev.cau.core.store.StoredRunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code cau run --store} process crashes at many points of its run, and {@code --resume}
 * carries the run to its end. The crash is {@code Runtime.halt} right after a chosen journal record
 * is durable (the test hook {@code CAU_TEST_HALT_AFTER_RECORD}), at 20 points spread over the run's
 * journal, and a real {@code SIGKILL} of a process paused after a record, at three more.
 *
 * <p>The demo cluster is simulated afresh by each process, so a node whose update was under way
 * when the process died starts the resumed run without the updates it had installed: the resume
 * installs them again, and its counts (and, where the plug-in's pass limit is reached, its status)
 * can differ from the uninterrupted run's. What is judged is what the store and the engine
 * guarantee whatever the cluster: the resume is accepted and the run ends with a report; every
 * node of the uninterrupted run has a result and none Failed; the journal reads back whole, with
 * its entries in sequence; the store is clean (every journal has a report, none is unusable,
 * nothing set aside); status shows no run in progress. A crash right after the header, before any
 * node was touched, must end exactly as the uninterrupted run.
 */
class ProcessCrashTests {
  private static final int HALT_POINTS = 20;

  @TempDir static Path dir;

  private static List<List<Object>> uninterrupted;
  private static int records;

  @BeforeAll
  static void runUninterrupted() throws IOException {
    Path store = dir.resolve("uninterrupted");
    RunStores.run(store);
    RunResult result = last(store);
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    uninterrupted = outcome(result);
    try (Stream<Path> journals = Files.list(store.resolve("runs")).filter(p -> p.toString().endsWith(".journal"))) {
      Path journal = journals.findFirst().orElseThrow();
      records = (int) Files.readAllLines(journal).size();
    }
    assertThat(records).as("records of the demo run's journal").isGreaterThan(HALT_POINTS + 1);
  }

  /** The record numbers to halt after: 20 points from the header to the record before the last. */
  private static List<Integer> haltPoints() {
    TreeSet<Integer> points = new TreeSet<>();
    for (int i = 0; i < HALT_POINTS; i++) {
      points.add(1 + (int) Math.round((double) i * (records - 2) / (HALT_POINTS - 1)));
    }
    assertThat(points).hasSize(HALT_POINTS);
    return List.copyOf(points);
  }

  @Test
  void aRunHaltedAfterAnyRecordIsResumedToTheOutcomeOfTheUninterruptedRun() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int point : haltPoints()) {
      Path store = dir.resolve("halt-" + point);
      Cau.Outcome halted = CauProcess.run(Map.of(RecordHooks.HALT_VARIABLE, Integer.toString(point)),
          "run", "--store", store.toString());
      assertThat(halted.exitCode()).as("the process halted after record %d; it printed:%n%s%s", point, halted.out(), halted.err())
          .isEqualTo(RecordHooks.HALT_STATUS);
      String failure = resumeAndCompare(store, point == 1);
      if (failure != null) {
        failures.add("after record " + point + " of " + records + ": " + failure);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aRunKilledWithSigkillIsResumedToTheOutcomeOfTheUninterruptedRun() throws Exception {
    for (int point : List.of(2, records / 2, records - 1)) {
      Path store = dir.resolve("kill-" + point);
      try (CauProcess process = CauProcess.start(Map.of(RecordHooks.PAUSE_VARIABLE, Integer.toString(point)),
          "run", "--store", store.toString())) {
        process.awaitErrLine(RecordHooks.PAUSED);
        process.kill();
      }
      assertThat(resumeAndCompare(store, false)).as("resumed after SIGKILL at record %d", point).isNull();
    }
  }

  /**
   * Resumes the store's run in this JVM and returns what is wrong, or null; with {@code exact}, the
   * nodes must end exactly as in the uninterrupted run.
   */
  private static String resumeAndCompare(Path store, boolean exact) throws IOException {
    Cau.Outcome resumed = Cau.execute("run", "--store", store.toString(), "--resume");
    if (resumed.exitCode() > 1 || !resumed.out().contains("Run id:") || (resumed.out() + resumed.err()).contains("\tat ")) {
      return "--resume exited " + resumed.exitCode() + ":\n" + resumed.out() + resumed.err();
    }
    RunResult result = last(store);
    List<List<Object>> outcome = outcome(result);
    if (exact && !outcome.equals(uninterrupted)) {
      return "the nodes ended " + outcome + ", the uninterrupted run's " + uninterrupted;
    }
    if (!result.nodeResults().stream().map(NodeResult::node).toList()
        .equals(uninterrupted.stream().map(n -> n.get(0)).toList())) {
      return "the nodes with results are " + outcome + ", the uninterrupted run's " + uninterrupted;
    }
    if (result.nodeResults().stream().anyMatch(n -> n.status() == SummaryStatus.FAILED)) {
      return "a node failed: " + outcome;
    }
    if (StoredRunJournal.open(new FileRunStore(store), result.runId()).orElseThrow().entries().isEmpty()) {
      return "the journal of run " + result.runId() + " has no entries";
    }
    FileRunStore files = new FileRunStore(store);
    if (!StoreCheck.unusableJournals(files).isEmpty() || files.runs().stream().anyMatch(id -> files.report(id).isEmpty())) {
      return "the store is not clean: " + StoreCheck.unusableJournals(files);
    }
    try (Stream<Path> left = Files.list(store.resolve("runs"))) {
      List<String> aside = left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".damaged")).toList();
      if (!aside.isEmpty()) {
        return "journals were set aside: " + aside;
      }
    }
    Cau.Outcome status = Cau.execute("status", "--store", store.toString());
    if (status.exitCode() != 0 || !status.out().contains("RunNotInProgress")) {
      return "status after the resume:\n" + status.out() + status.err();
    }
    return null;
  }

  private static RunResult last(Path store) {
    return new RunHistory(new FileRunStore(store)).last().orElseThrow();
  }

  /** Each node's name, status, succeeded and failed update counts and restarts. */
  private static List<List<Object>> outcome(RunResult result) {
    return result.nodeResults().stream()
        .map((NodeResult n) -> List.<Object>of(n.node(), n.status(), n.succeededUpdates(), n.failedUpdates(), n.restarts()))
        .toList();
  }
}
