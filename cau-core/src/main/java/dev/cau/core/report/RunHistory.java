package dev.cau.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.result.RunResult;
import dev.cau.core.store.JournalCodec;
import dev.cau.core.store.JournalFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The reports of a cluster's finished runs, as CAU's {@code Get-CauReport} reads them: all of
 * them, the last, or those that started in a date range, in short ({@link ReportSummary}) or in
 * full ({@link RunResult}, what {@link ReportExporter} writes). Reports are kept in the run store
 * in UTC; an exporter shows them in a chosen time zone.
 *
 * <p>A report that cannot be read is not skipped silently: {@link #unreadable()} names it, and
 * {@link #clearUnreadable()} deletes it, as CAU's {@code -ClearCorruptReports} does.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RunHistory {
  private final RunStore store;

  /**
   * Reads the history kept in a run store.
   *
   * @param store the store
   */
  public RunHistory(RunStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Returns every readable report, oldest first.
   *
   * @return the reports in full
   */
  public List<RunResult> reports() {
    return List.copyOf(read().readable);
  }

  /**
   * Returns the summaries of every readable report, oldest first.
   *
   * @return the summaries
   */
  public List<ReportSummary> summaries() {
    return reports().stream().map(ReportSummary::of).toList();
  }

  /**
   * Returns the report of the run that started last, as {@code Get-CauReport -Last}.
   *
   * @return the report, or empty if no run has finished
   */
  public Optional<RunResult> last() {
    List<RunResult> all = reports();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Returns the reports of runs that started in a range, as {@code -StartDate} and
   * {@code -EndDate}, oldest first.
   *
   * @param from the earliest start, inclusive
   * @param to the latest start, inclusive
   * @return the reports
   */
  public List<RunResult> between(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The end of a date range (" + to + ") is before its start (" + from + ")");
    }
    return reports().stream()
        .filter(r -> !r.startedAt().isBefore(from) && !r.startedAt().isAfter(to))
        .toList();
  }

  /**
   * Returns the report of one run.
   *
   * @param runId the run
   * @return its report, or empty if it has none (it has not finished, or is unknown)
   * @throws JournalFormatException if the report cannot be read
   */
  public Optional<RunResult> report(RunId runId) {
    return store.report(runId).map(JournalCodec::decodeResult);
  }

  /**
   * Names the reports that cannot be read, with why.
   *
   * @return one line per unreadable report
   */
  public List<String> unreadable() {
    return List.copyOf(read().unreadable);
  }

  /**
   * Deletes the runs whose report cannot be read, with their journals.
   *
   * @return how many were deleted
   */
  public int clearUnreadable() {
    Read read = read();
    read.unreadableIds.forEach(store::remove);
    return read.unreadableIds.size();
  }

  private static final class Read {
    final List<RunResult> readable = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    final List<RunId> unreadableIds = new ArrayList<>();
  }

  private Read read() {
    Read read = new Read();
    for (RunId id : store.runs()) {
      Optional<String> text = store.report(id);
      if (text.isEmpty()) {
        continue;
      }
      try {
        read.readable.add(JournalCodec.decodeResult(text.get()));
      } catch (JournalFormatException e) {
        read.unreadable.add("Run " + id + ": " + e.getMessage());
        read.unreadableIds.add(id);
      }
    }
    read.readable.sort(Comparator.comparing(RunResult::startedAt).thenComparing(r -> r.runId().toString()));
    return read;
  }
}
