package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.core.store.FileRunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cau status --wait-for-start} on a real cluster (a {@code pacemaker} cluster file; nothing
 * connects), like {@code Get-CauRun -WaitForStart}: with no run in progress it reads the run store
 * every {@code --interval-seconds} until another process starts one, then shows it, or with
 * {@code --watch} follows it to its end. The run is the real engine writing a real
 * {@link FileRunStore} ({@link LiveRun}), started by the scripted clock during one of the waits.
 */
class StatusWaitForStartTests {
  private static final Instant BEFORE_THE_RUN = Instant.parse("2026-03-03T01:55:00Z");

  @TempDir Path dir;

  private Path store;
  private Path clusterFile;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private @Nullable LiveRun run;

  @BeforeEach
  void clusterFileAndEmptyStore() throws IOException {
    store = dir.resolve("store");
    clusterFile = PacemakerClusterFile.write(dir);
    new FileRunStore(store).close();
  }

  @Test
  void aWatchWaitsForTheRunThatStartsAndFollowsItToItsEnd() {
    ScriptedWatchClock clock = clock((wait, duration) -> {
      if (wait == 3) {
        run = LiveRun.succeeding(store); // another process starts the run
      } else if (run != null) {
        run.advance(duration);
      }
      giveUpAfter(wait, 500);
    });

    int exitCode = execute(clock, "--wait-for-start", "--watch", "--interval-seconds", "60");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    List<String> lines = out.toString().lines().toList();
    LiveRun started = started();
    assertThat(lines).startsWith(
        "Waiting for a run to start on cluster \"web\"; reading the store every 60 seconds.",
        "Watching run " + started.runId() + " on web, started 2026-03-03 02:00:00 +00:00; status every 60 seconds:");
    assertThat(lines).contains("Status:   Succeeded", "Run id:   " + started.runId());
    assertThat(started.ended()).isTrue();
    assertThat(clock.waits()).hasSizeGreaterThan(3).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(60)));
    assertThat(clock.stopsLeftArranged()).isZero();
  }

  @Test
  void withoutWatchItShowsTheRunThatStartedOnce() {
    ScriptedWatchClock clock = clock((wait, duration) -> {
      if (wait == 2) {
        run = LiveRun.succeeding(store);
      }
      giveUpAfter(wait, 3);
    });

    int exitCode = execute(clock, "--wait-for-start");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString().lines()).startsWith(
        "Waiting for a run to start on cluster \"web\"; reading the store every 30 seconds.",
        "",
        "Cluster:      web",
        "State:        RunInProgress",
        "Run:          " + started().runId());
    assertThat(clock.waits()).hasSize(2);
  }

  @Test
  void aRunThatStartsAndEndsBetweenTwoReadingsIsReportedWithItsOutcome() {
    String[] finished = new String[1];
    ScriptedWatchClock clock = clock((wait, duration) -> {
      if (wait == 1) {
        finished[0] = RunStores.run(store); // a whole run, between two readings
      }
      giveUpAfter(wait, 3);
    });

    int exitCode = execute(clock, "--wait-for-start", "--watch");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString().lines())
        .contains("Run " + finished[0] + " started and ended between two readings.", "Status:   Succeeded");
    assertThat(clock.waits()).hasSize(1);
  }

  @Test
  void anInterruptedWaitExitsWith130AndTouchesNothing() {
    Map<String, String> before = hashes();
    ScriptedWatchClock clock = clock((wait, duration) -> {
      if (wait == 2) {
        throw new InterruptedException("Ctrl-C");
      }
    });

    int exitCode = execute(clock, "--wait-for-start", "--watch");
    boolean interruptKept = Thread.interrupted();

    assertThat(exitCode).isEqualTo(130);
    assertThat(interruptKept).as("the thread's interrupt status is kept").isTrue();
    assertThat(err.toString().lines())
        .containsExactly("cau status: stopped waiting for a run to start on cluster \"web\"; nothing was touched.");
    assertThat(hashes()).isEqualTo(before);
    assertThat(clock.stopsArranged()).isEqualTo(1);
    assertThat(clock.stopsLeftArranged()).isZero();
  }

  @Test
  void aRunAlreadyInProgressIsWatchedWithoutWaiting() {
    run = LiveRun.succeeding(store);
    ScriptedWatchClock clock = new ScriptedWatchClock(started()::now, (wait, duration) -> started().advance(duration));

    int exitCode = execute(clock, "--wait-for-start", "--watch");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString().lines()).first().asString().startsWith("Watching run " + started().runId());
  }

  @Test
  void waitingForAStartIsRefusedOnASimulatedClusterBeforeAnythingIsTouched() throws IOException {
    Path simulatedStore = dir.resolve("simulated");

    int exitCode = run(ScriptedWatchClock.neverWaiting(), "status", "--store", simulatedStore.toString(), "--watch",
        "--wait-for-start");

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("cau status: \"--wait-for-start\" waits for a run that another process starts"
        + " on a real cluster, but this is a simulated cluster, where --watch starts the run itself");
    assertThat(simulatedStore).doesNotExist();
  }

  /** Fails a test whose watch goes on waiting for what it should have seen by then. */
  private static void giveUpAfter(int wait, int waits) {
    if (wait > waits) {
      throw new AssertionError("the command was still waiting after " + waits + " waits");
    }
  }

  /** A clock whose time is the run's once it started, and a few minutes before it until then. */
  private ScriptedWatchClock clock(ScriptedWatchClock.Scenario scenario) {
    return new ScriptedWatchClock(() -> run == null ? BEFORE_THE_RUN : run.now(), scenario);
  }

  private LiveRun started() {
    return Objects.requireNonNull(run, "the run the test started");
  }

  private int execute(WatchClock clock, String... options) {
    List<String> args = new ArrayList<>(List.of("status", "--cluster", clusterFile.toString(), "--store",
        store.toString()));
    args.addAll(List.of(options));
    return run(clock, args.toArray(String[]::new));
  }

  private int run(WatchClock clock, String... args) {
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
}
