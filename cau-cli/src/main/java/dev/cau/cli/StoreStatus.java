package dev.cau.cli;

import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.FileRunStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's run status as {@code cau status} reads it from a run store, once or at each reading
 * of a watch. It only reads: it takes no lock and changes no file.
 *
 * <p>The engine tells a live run by the cluster's run lock, which a cluster whose runs a
 * {@link FileRunStore} keeps may not have (Pacemaker has none), or, for a simulated cluster, which
 * lives in another process. The store's write lock tells it instead: a run without a report whose
 * journal a process is writing is in progress, not {@code RunFailed}.
 *
 * @param status the status, {@code RunInProgress} when a process writes the run's journal
 * @param writer the process that holds the store's write lock, as it described itself; {@code
 *     null} when none does
 */
record StoreStatus(RunStatus status, @Nullable String writer) {
  /**
   * Checks the status.
   *
   * @param status the status
   * @param writer the writer, or {@code null}
   */
  StoreStatus {
    Objects.requireNonNull(status, "status");
  }

  /**
   * Reads the status, after refusing a store that holds an unusable journal.
   *
   * <p>The writer is looked for before and after the status is read, so that a run whose
   * coordinator writes its report and lets the store go meanwhile is not taken for one that
   * stopped without a report, nor a run that starts meanwhile for an interrupted one.
   *
   * @param store the run store
   * @param statuses reads the status from the store (and the cluster's run lock, if it has one)
   * @return the status and the store's writer
   * @throws InputRefused if the store holds a journal that cannot be used; nothing was changed
   */
  static StoreStatus read(FileRunStore store, Supplier<RunStatus> statuses) {
    Optional<String> before = store.writer();
    StoreDamage.refuseIfDamaged(store);
    RunStatus status = statuses.get();
    String writer = store.writer().or(() -> before).orElse(null);
    if (writer != null && status.state() == RunState.RUN_FAILED) {
      status = new RunStatus(status.cluster(), RunState.RUN_IN_PROGRESS, status.runId(), status.startedAt(),
          status.coordinator(), status.notifications(), status.nodeResults(),
          writer + " holds the run store's lock and is writing the run's journal", status.mixedOs());
    }
    return new StoreStatus(status, writer);
  }
}
