package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.store.FileRunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code cau status --watch} on a real cluster (a {@code pacemaker} cluster file; nothing connects):
 * it reads a real run store, which a live run writes meanwhile, every {@code --interval-seconds},
 * prints each change and ends with the run. The run is the real engine on a simulated cluster
 * writing a {@link FileRunStore} and holding its lock ({@link LiveRun}); the watch's clock lets it
 * go on during each wait ({@link ScriptedWatchClock}), so nothing sleeps.
 */
class StatusWatchRealClusterTests {
  /** A line of --watch: the time since the run started, then the cluster or a node, then the status. */
  private static final Pattern WATCH_LINE = Pattern.compile("^\\+(\\d{2}):(\\d{2}):(\\d{2})  (\\S+) +(.*)$");

  @TempDir Path dir;

  private Path store;
  private Path clusterFile;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void clusterFileAndStore() throws IOException {
    store = dir.resolve("store");
    clusterFile = PacemakerClusterFile.write(dir);
  }

  @Test
  void aRunThatSucceedsIsWatchedToItsEndPrintingEachChangeOnceAndExitsZero() throws IOException {
    LiveRun run = LiveRun.succeeding(store);
    List<Integer> linesAtEachWait = new ArrayList<>();
    List<Map<String, String>> storeAfterEachWait = new ArrayList<>();
    storeAfterEachWait.add(StoreLockProcessTests.hashes(store));
    ScriptedWatchClock clock = new ScriptedWatchClock(run::now, (wait, duration) -> {
      assertThat(hashes()).as("the store when the watch waits for the %d. time", wait)
          .isEqualTo(storeAfterEachWait.get(storeAfterEachWait.size() - 1));
      linesAtEachWait.add(out.toString().lines().toList().size());
      run.advance(duration);
      storeAfterEachWait.add(hashes());
    });

    int exitCode = watch(clock, "--interval-seconds", "60");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(hashes()).as("the store after the watch").isEqualTo(storeAfterEachWait.get(storeAfterEachWait.size() - 1));
    assertThat(clock.waits()).isNotEmpty().allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(60)));
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Watching run " + run.runId() + " on web, started 2026-03-03 02:00:00 +00:00;"
        + " status every 60 seconds:");
    List<Matcher> watched = watchLines(lines);
    assertThat(watched.get(0).group(4) + " " + watched.get(0).group(5))
        .isEqualTo("web RunInProgress (coordinator " + LiveRun.COORDINATOR + ")");
    assertThat(watched.get(watched.size() - 1).group(4) + " " + watched.get(watched.size() - 1).group(5))
        .isEqualTo("web RunNotInProgress");
    assertThat(watched).anyMatch(m -> m.group(4).equals("ha2") && m.group(5).startsWith("Succeeded since +"))
        .anyMatch(m -> m.group(4).equals("ha3") && m.group(5).startsWith("WaitingForNode since +"));
    assertThat(watched.stream().map(StatusWatchRealClusterTests::seconds).toList()).isSorted();
    assertEachChangePrintedOnce(watched);
    List<Integer> printedByEachPoll = new ArrayList<>();
    for (int i = 1; i < linesAtEachWait.size(); i++) {
      printedByEachPoll.add(linesAtEachWait.get(i) - linesAtEachWait.get(i - 1));
    }
    assertThat(printedByEachPoll).as("lines printed by each reading between two waits").contains(0);
    assertThat(lines).anyMatch(l -> l.matches("ha1 +Succeeded +1 +0 +1"))
        .contains("Status:   Succeeded", "Run id:   " + run.runId(), "Store:    " + store)
        .anyMatch(l -> l.startsWith("Duration: ") && l.endsWith("(real time)"));
    assertThat(clock.stopsArranged()).isEqualTo(1);
    assertThat(clock.stopsLeftArranged()).as("the stop arranged for Ctrl-C is cancelled at the end").isZero();
  }

  @Test
  void aRunThatDoesNotSucceedExitsOneWithItsReport() {
    LiveRun run = LiveRun.failing(store);
    ScriptedWatchClock clock = new ScriptedWatchClock(run::now, (wait, duration) -> run.advance(duration));

    int exitCode = watch(clock, "--interval-seconds", "300");

    assertThat(exitCode).as(out + err.toString()).isEqualTo(1);
    assertThat(run.ended()).isTrue();
    List<String> lines = out.toString().lines().toList();
    assertThat(watchLines(lines)).last().satisfies(m -> assertThat(m.group(5)).isEqualTo("RunNotInProgress"));
    assertThat(lines)
        .anyMatch(l -> l.matches("ha2 +(PartiallyFailed|Failed) +\\d+ +1 +\\d+"))
        .anyMatch(l -> l.startsWith("Status:   ") && !l.endsWith("Succeeded"))
        .anyMatch(l -> l.startsWith("Reason:   "))
        .contains("Run id:   " + run.runId());
  }

  @Test
  void aRunWhoseCoordinatorGoesAwayWithoutAReportIsRunFailedAndNamesTheRecovery() {
    LiveRun run = LiveRun.succeeding(store);
    ScriptedWatchClock clock = new ScriptedWatchClock(run::now, (wait, duration) -> {
      run.advance(duration);
      if (wait == 3) {
        run.crash();
        // The watch holds no lock: another process can take the store's lock while it watches.
        try (FileRunStore other = new FileRunStore(store)) {
          other.lockForWriting("a test, while the watch goes on");
        }
      }
    });

    int exitCode = watch(clock, "--interval-seconds", "120");

    assertThat(exitCode).as(out + err.toString()).isEqualTo(1);
    assertThat(clock.waits()).hasSize(3);
    assertThat(run.ended()).isFalse();
    List<String> lines = out.toString().lines().toList();
    assertThat(watchLines(lines)).last()
        .satisfies(m -> assertThat(m.group(4) + " " + m.group(5))
            .isEqualTo("web RunFailed (coordinator " + LiveRun.COORDINATOR + ")"));
    assertThat(lines).containsSubsequence(
        "Run " + run.runId() + " did not finish: its coordinator " + LiveRun.COORDINATOR + " stopped without a report,"
            + " and nodes may still be suspended by it.",
        "Carry the run on with 'cau run --cluster " + clusterFile + " --store " + store + " --resume', or end it with"
            + " 'cau run --cluster " + clusterFile + " --store " + store + " --force-recovery'.");
    assertThat(lines).noneMatch(l -> l.startsWith("Status:"));
  }

  @Test
  void anInterruptedWatchExitsWith130AndTouchesNothing() {
    LiveRun run = LiveRun.succeeding(store);
    Map<String, String> before = hashes();
    ScriptedWatchClock clock = new ScriptedWatchClock(run::now, (wait, duration) -> {
      if (wait == 2) {
        throw new InterruptedException("Ctrl-C");
      }
    });

    int exitCode = watch(clock);
    boolean interruptKept = Thread.interrupted();

    assertThat(exitCode).isEqualTo(130);
    assertThat(interruptKept).as("the thread's interrupt status is kept").isTrue();
    assertThat(err.toString().lines()).containsExactly(
        "cau status: stopped watching run " + run.runId() + "; the run goes on, and nothing was touched.");
    assertThat(out.toString()).contains("status every 30 seconds:").doesNotContain("Status:");
    assertThat(hashes()).isEqualTo(before);
    assertThat(clock.stopsLeftArranged()).isZero();
  }

  @Test
  void withNoRunInProgressItShowsTheStatusOnceAndExitsZero() {
    Path empty = new FileRunStore(store).directory();
    Map<String, String> before = hashes();

    int exitCode = watch(ScriptedWatchClock.neverWaiting());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString().lines()).containsExactly(
        "No run in progress to watch on cluster \"web\"; its status:",
        "",
        "Cluster:      web",
        "State:        RunNotInProgress");
    assertThat(hashes()).isEqualTo(before);
    assertThat(empty).isEqualTo(store);
  }

  @Test
  void withOnlyFinishedRunsItNamesTheLastRun() {
    String last = RunStores.run(store);

    int exitCode = watch(ScriptedWatchClock.neverWaiting());

    assertThat(exitCode).isZero();
    assertThat(out.toString().lines()).first().isEqualTo("No run in progress to watch on cluster \"web\"; its status:");
    assertThat(out.toString().lines()).last().asString().startsWith("Last run:     " + last + ", Succeeded, finished ");
  }

  @Test
  void anInterruptedRunAtTheStartIsShownOnceAsRunFailedWithTheRecoveryAndExitsOne() {
    RunId interrupted = RunStores.interruptedRun(store);
    Map<String, String> before = hashes();

    int exitCode = watch(ScriptedWatchClock.neverWaiting());

    assertThat(exitCode).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).startsWith(
        "No run in progress to watch on cluster \"web\"; its status:",
        "",
        "Cluster:      web",
        "State:        RunFailed",
        "Run:          " + interrupted);
    assertThat(lines).last().asString().startsWith("Carry the run on with 'cau run --cluster " + clusterFile);
    assertThat(hashes()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3601", "-30"})
  void anIntervalOutOfRangeIsRefusedBeforeAnythingIsRead(String seconds) {
    Path missingFile = dir.resolve("no-such-cluster.json");

    int exitCode = execute(ScriptedWatchClock.neverWaiting(), "status", "--cluster", missingFile.toString(),
        "--store", store.toString(), "--watch", "--interval-seconds", seconds);

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("cau status: \"--interval-seconds\" must be between 1 and 3600 seconds, but"
        + " was " + seconds).contains("No node was touched.").doesNotContain(missingFile.toString());
    assertThat(store).doesNotExist();
  }

  @Test
  void anIntervalThatIsNotANumberIsRefusedNamingTheOptionAndTheValue() {
    int exitCode = watch(ScriptedWatchClock.neverWaiting(), "--interval-seconds", "1m");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--interval-seconds", "'1m'");
    assertThat(store).doesNotExist();
  }

  @Test
  void theSimulatedWatchsIntervalInMinutesIsRefusedOnARealCluster() {
    LiveRun.succeeding(store);
    Map<String, String> before = hashes();

    int exitCode = watch(ScriptedWatchClock.neverWaiting(), "--interval", "5");

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("cau status: \"--interval\" (\"5\") does not apply to --watch on a real"
        + " cluster \"web\": it counts minutes of virtual time; use --interval-seconds <seconds>");
    assertThat(hashes()).isEqualTo(before);
  }

  @Test
  void theRealWatchsIntervalInSecondsIsRefusedOnASimulatedCluster() {
    int exitCode = execute(ScriptedWatchClock.neverWaiting(), "status", "--store", store.toString(), "--watch",
        "--interval-seconds", "10");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).startsWith("cau status: \"--interval-seconds\" (\"10\") does not apply to --watch on a"
        + " simulated cluster: it counts seconds of real time; use --interval <minutes>");
    assertThat(store).doesNotExist();
  }

  @Test
  void aLiveRunIsShownInProgressWithoutWatchToo() {
    LiveRun run = LiveRun.succeeding(store);

    int exitCode = execute(ScriptedWatchClock.neverWaiting(), "status", "--cluster", clusterFile.toString(),
        "--store", store.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString().lines()).startsWith(
        "Cluster:      web",
        "State:        RunInProgress",
        "Run:          " + run.runId(),
        "Started:      2026-03-03 02:00:00 +00:00",
        "Coordinator:  " + LiveRun.COORDINATOR);
    assertThat(out.toString().lines()).anyMatch(l -> l.matches("Detail:       process \\d+ holds the run store's lock"
        + " and is writing the run's journal"));
    assertThat(out.toString().lines()).last().asString().startsWith("The run is live: process ");
  }

  /** Each line of a subject (the cluster or a node) says something other than its line before. */
  private static void assertEachChangePrintedOnce(List<Matcher> watched) {
    Map<String, String> lastBySubject = new HashMap<>();
    for (Matcher line : watched) {
      String previous = lastBySubject.put(line.group(4), line.group(5));
      assertThat(line.group(5)).as("a line of %s after \"%s\"", line.group(4), previous).isNotEqualTo(previous);
    }
  }

  private int watch(WatchClock clock, String... options) {
    List<String> args = new ArrayList<>(List.of("status", "--cluster", clusterFile.toString(), "--store",
        store.toString(), "--watch"));
    args.addAll(List.of(options));
    return execute(clock, args.toArray(String[]::new));
  }

  private int execute(WatchClock clock, String... args) {
    CommandLine commandLine = CauCommand.commandLine(DemoCluster::create, clock);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Map<String, String> hashes() {
    try {
      return StoreLockProcessTests.hashes(store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long seconds(Matcher line) {
    return Long.parseLong(line.group(1)) * 3600 + Long.parseLong(line.group(2)) * 60 + Long.parseLong(line.group(3));
  }

  private static List<Matcher> watchLines(List<String> lines) {
    return lines.stream().map(WATCH_LINE::matcher).filter(Matcher::matches).toList();
  }
}
