package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cau status --watch} on a real cluster as a separate process, in real time, beside a live
 * {@code cau run} in another process (paused by the test hook right after a journal record,
 * holding the store's lock): the watch sees the run in progress and ends with it, and Ctrl-C
 * (SIGINT) ends the watch with its line and exit code 130, changing nothing.
 */
class StatusWatchProcessTests {
  @TempDir Path dir;

  @Test
  void aWatchInAnotherProcessEndsWithTheRunAndItsReport() throws Exception {
    Path store = dir.resolve("store");
    Path clusterFile = PacemakerClusterFile.write(dir);
    try (CauProcess run = CauProcess.start(Map.of(RecordHooks.PAUSE_VARIABLE, "3"), "run", "--store", store.toString());
        CauProcess watch = startWatch(clusterFile, store, run)) {
      String watching = watch.awaitOutLine("Watching run ");
      assertThat(watch.awaitOutLine("+")).contains("RunInProgress (coordinator cau-cli)");

      run.release();
      Cau.Outcome finished = run.await();
      Cau.Outcome watched = watch.await();

      assertThat(finished.exitCode()).as("the run, which printed:%n%s%s", finished.out(), finished.err()).isZero();
      assertThat(watched.exitCode()).as("the watch, which printed:%n%s%s", watched.out(), watched.err()).isZero();
      String runId = RunStores.runId(finished);
      assertThat(watching).startsWith("Watching run " + runId + " on web, started ").endsWith("; status every 1 second:");
      assertThat(watched.outLines()).anyMatch(l -> l.matches("\\+\\d+:\\d{2}:\\d{2}  web +RunNotInProgress"))
          .contains("Status:   Succeeded", "Run id:   " + runId);
    }
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGINT with kill, which Windows has not")
  void ctrlCEndsTheWatchWithItsLineAndExitCode130AndChangesNothing() throws Exception {
    Path store = dir.resolve("store");
    Path clusterFile = PacemakerClusterFile.write(dir);
    try (CauProcess run = CauProcess.start(Map.of(RecordHooks.PAUSE_VARIABLE, "3"), "run", "--store", store.toString());
        CauProcess watch = startWatch(clusterFile, store, run)) {
      Map<String, String> before = StoreLockProcessTests.hashes(store);
      watch.awaitOutLine("+");

      watch.interrupt();
      Cau.Outcome watched = watch.await();

      assertThat(watched.exitCode()).as("the watch, which printed:%n%s%s", watched.out(), watched.err()).isEqualTo(130);
      assertThat(watched.errLines()).anyMatch(l -> l.matches("cau status: stopped watching run \\S+; the run goes on,"
          + " and nothing was touched\\."));
      assertThat(StoreLockProcessTests.hashes(store)).isEqualTo(before);
      run.release();
      assertThat(run.await().out()).contains("Status:   Succeeded");
    }
  }

  /** Starts the watch once the run has paused, holding the store's lock. */
  private static CauProcess startWatch(Path clusterFile, Path store, CauProcess run) throws InterruptedException {
    run.awaitErrLine(RecordHooks.PAUSED);
    return CauProcess.start(Map.of(), "status", "--cluster", clusterFile.toString(), "--store", store.toString(),
        "--watch", "--interval-seconds", "1");
  }
}
