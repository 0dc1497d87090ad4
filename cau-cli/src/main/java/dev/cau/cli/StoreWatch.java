package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.report.RunHistory;
import dev.cau.core.status.NodeStatusNotification;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.JournalFormatException;
import dev.cau.core.text.Counts;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ExitCode;

/**
 * Watches a real cluster's run in progress from a run store, like {@code Get-CauRun
 * -WaitForCompletion}: reads the status every interval, prints each change, and ends when the
 * run is no longer in progress, with the run's report or, for a run whose coordinator stopped,
 * the command that recovers it.
 *
 * <p>It only reads the store: it never starts, carries on or ends a run, takes no lock and changes
 * no file, so that it can run beside the {@code cau run} that writes the store.
 */
final class StoreWatch {
  /** The exit code of a watch that was interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
  static final int INTERRUPTED = 130;

  private final FileRunStore store;
  private final Supplier<RunStatus> statuses;
  private final WatchClock clock;
  private final Duration interval;
  private final String recovery;

  /**
   * Creates the watch.
   *
   * @param store the run store
   * @param statuses reads the cluster's status from the store, as {@code cau status} does
   * @param clock the time the watch passes in
   * @param interval how long to wait between two readings
   * @param recovery the line that says how to carry on or end an interrupted run
   */
  StoreWatch(FileRunStore store, Supplier<RunStatus> statuses, WatchClock clock, Duration interval, String recovery) {
    this.store = Objects.requireNonNull(store, "store");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.recovery = Objects.requireNonNull(recovery, "recovery");
  }

  /**
   * Watches the run in progress until it ends.
   *
   * @param first the status read first, whose state is {@code RunInProgress}
   * @param zone the time zone to show times in
   * @param out where the changes and the outcome go
   * @param err where an interruption is told
   * @return 0 if the run's report says Succeeded; 1 if the run did not succeed, stopped without a
   *     report or left none; {@value #INTERRUPTED} if the watch was interrupted
   * @throws InputRefused if the store comes to hold a journal that cannot be used
   */
  int watch(RunStatus first, ZoneId zone, PrintWriter out, PrintWriter err) {
    RunId runId = Objects.requireNonNull(first.runId(), "a run in progress has an id");
    Instant start = Objects.requireNonNullElseGet(first.startedAt(), clock::now);
    RunStatus now = first;
    String stopped = "cau status: stopped watching run " + runId + "; the run goes on, and nothing was touched.";
    // Arranged before the first line, so that a stop at any time after it is told.
    try (WatchClock.Arrangement stop = clock.onProcessStop(() -> {
      err.println(stopped);
      err.flush();
    })) {
      out.println("Watching run " + runId + " on " + first.cluster() + ", started " + Timestamps.format(start, zone)
          + "; status every " + Counts.of(interval.toSeconds(), "second") + ":");
      StatusPrinter printer = new StatusPrinter(out, clock::now, start, first.cluster(),
          first.notifications().stream().map(NodeStatusNotification::node).toList());
      printer.printChanges(first);
      while (now.state() == RunState.RUN_IN_PROGRESS && runId.equals(now.runId())) {
        clock.sleep(interval);
        now = StoreStatus.read(store, statuses).status();
        if (now.runId() == null || runId.equals(now.runId())) {
          printer.printChanges(now);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(stopped);
      err.flush();
      return INTERRUPTED;
    }
    return outcome(runId, now, out);
  }

  /**
   * How a wait for a run to start ended.
   *
   * @param read the status read last: {@code RunInProgress} once a run started
   * @param endedBetweenReadings a run that started and ended (or stopped) between two readings,
   *     or {@code null}
   * @param interrupted whether the wait was interrupted (Ctrl-C)
   */
  record Start(StoreStatus read, @Nullable RunId endedBetweenReadings, boolean interrupted) {}

  /**
   * Waits for a run to start, like {@code Get-CauRun -WaitForStart}: reads the status every
   * interval until a run is in progress, or until the store holds a run it did not hold at first
   * (one that started and ended between two readings).
   *
   * @param first the status read first, with no run in progress
   * @param out where the wait is told
   * @param err where an interruption is told
   * @return how the wait ended
   * @throws InputRefused if the store comes to hold a journal that cannot be used
   */
  Start awaitStart(StoreStatus first, PrintWriter out, PrintWriter err) {
    Set<RunId> before = store.runs();
    String stopped = "cau status: stopped waiting for a run to start on cluster \"" + first.status().cluster()
        + "\"; nothing was touched.";
    out.println("Waiting for a run to start on cluster \"" + first.status().cluster() + "\"; reading the store every "
        + Counts.of(interval.toSeconds(), "second") + ".");
    out.flush();
    try (WatchClock.Arrangement stop = clock.onProcessStop(() -> {
      err.println(stopped);
      err.flush();
    })) {
      while (true) {
        clock.sleep(interval);
        StoreStatus read = StoreStatus.read(store, statuses);
        if (read.status().state() == RunState.RUN_IN_PROGRESS) {
          return new Start(read, null, false);
        }
        for (RunId runId : store.runs()) {
          if (!before.contains(runId)) {
            return new Start(read, runId, false);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(stopped);
      err.flush();
      return new Start(first, null, true);
    }
  }

  /**
   * Prints how a run that is no longer in progress ended: its report, or the command that recovers
   * it, and returns the exit code.
   *
   * @param runId the run
   * @param last the status read last
   * @param out where it goes
   * @return 0 if the run's report says Succeeded, 1 otherwise
   */
  int outcome(RunId runId, RunStatus last, PrintWriter out) {
    out.println();
    Optional<RunResult> report;
    try {
      report = new RunHistory(store).report(runId);
    } catch (JournalFormatException e) {
      out.println("Run " + runId + " ended, but its report in run store " + store.directory() + " cannot be read: "
          + e.getMessage());
      out.flush();
      return ExitCode.SOFTWARE;
    }
    if (report.isPresent()) {
      RunResult result = report.get();
      RunReport.print(result, out, "real time");
      out.println("Run id:   " + result.runId());
      out.println("Store:    " + store.directory());
      out.flush();
      return result.status() == SummaryStatus.SUCCEEDED ? ExitCode.OK : ExitCode.SOFTWARE;
    }
    if (last.state() == RunState.RUN_FAILED && runId.equals(last.runId())) {
      out.println("Run " + runId + " did not finish: its coordinator" + (last.coordinator() == null ? "" : " "
          + last.coordinator()) + " stopped without a report, and nodes may still be suspended by it.");
      out.println(recovery);
    } else {
      out.println("Run " + runId + " is no longer in progress, but run store " + store.directory()
          + " holds no report of it: its journal was moved aside or removed.");
    }
    out.flush();
    return ExitCode.SOFTWARE;
  }
}
