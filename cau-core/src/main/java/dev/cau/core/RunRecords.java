package dev.cau.core;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.result.RunResult;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunJournal;
import dev.cau.core.store.JournalCodec;
import dev.cau.core.store.StoredRunJournal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where a coordinator keeps its runs: the journals and reports in a run store when it has one,
 * otherwise journals in memory that do not outlive the coordinator.
 */
final class RunRecords {
  private final @Nullable RunStore store;
  private final Supplier<RunJournal> memoryJournals;

  RunRecords(@Nullable RunStore store, Supplier<RunJournal> memoryJournals) {
    this.store = store;
    this.memoryJournals = memoryJournals;
  }

  Optional<RunStore> store() {
    return Optional.ofNullable(store);
  }

  /** Creates a new run's journal, starting with its header. */
  RunJournal create(RunHeader header) {
    return store == null ? memoryJournals.get() : StoredRunJournal.create(store, header);
  }

  /** Opens a stored run's journal; empty if there is no store or no such run. */
  Optional<StoredRunJournal> open(RunId runId) {
    return store == null ? Optional.empty() : StoredRunJournal.open(store, runId).map(StoredRunJournal::checkPlausible);
  }

  /** Keeps a finished run's report. */
  void keep(RunResult result) {
    if (store != null) {
      store.putReport(result.runId(), JournalCodec.encodeResult(result));
    }
  }

  /** Tells whether a run has a report, which it gets when it ends. */
  boolean isFinished(RunId runId) {
    return store != null && store.report(runId).isPresent();
  }

  /** Returns the runs whose journal has no report, latest start last: runs in progress or interrupted. */
  List<StoredRunJournal> unfinished() {
    if (store == null) {
      return List.of();
    }
    RunStore runs = store;
    return runs.runs().stream()
        .filter(id -> runs.report(id).isEmpty())
        .map(id -> StoredRunJournal.open(runs, id))
        .flatMap(Optional::stream)
        .map(StoredRunJournal::checkPlausible)
        .sorted(Comparator.comparing((StoredRunJournal j) -> j.header().startedAt())
            .thenComparing(j -> j.header().runId().toString()))
        .toList();
  }
}
