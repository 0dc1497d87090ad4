package dev.cau.cli;

import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.StoreCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What the commands do about journals that cannot be used as they are (a damaged record, a
 * symbolic link, records that decode but make no sense): {@code status} and a new run or
 * {@code --resume} refuse with what is wrong and how to recover; {@code --force-recovery} sets such
 * journals aside, keeping every byte, so that a new run can start.
 */
final class StoreDamage {
  private StoreDamage() {}

  /**
   * Refuses to go on with a store that holds an unusable journal.
   *
   * @param store the store
   * @throws InputRefused naming each unusable journal, what is wrong with it and the command that
   *     recovers; nothing was changed
   */
  static void refuseIfDamaged(FileRunStore store) {
    List<StoreCheck.Problem> problems = StoreCheck.unusableJournals(store);
    if (problems.isEmpty()) {
      return;
    }
    Path directory = store.directory();
    StringBuilder message = new StringBuilder("run store \"" + directory + "\" holds "
        + (problems.size() == 1 ? "a journal" : problems.size() + " journals") + " that cannot be used:");
    for (StoreCheck.Problem problem : problems) {
      message.append(System.lineSeparator()).append("  run ").append(problem.runId()).append(": ").append(problem.problem());
    }
    message.append(System.lineSeparator()).append("Nothing was changed. 'cau run --store ").append(directory)
        .append(" --force-recovery' moves each such journal aside as <run id>.journal.damaged, keeping every byte,"
            + " so that a new run can start; check the nodes that run may have left suspended");
    throw new InputRefused(message.toString());
  }

  /**
   * Moves every unusable journal of a store aside, printing what it moved. The caller holds the
   * store's write lock.
   *
   * @param store the store
   * @param out where to say what was moved
   */
  static void setAside(FileRunStore store, PrintWriter out) {
    for (StoreCheck.Problem problem : StoreCheck.unusableJournals(store)) {
      out.println("Journal of run " + problem.runId() + " cannot be used: " + problem.problem());
      store.setAside(problem.runId()).ifPresent(aside -> out.println("Moved it aside, every byte kept, to " + aside
          + "; check the nodes that run may have left suspended."));
    }
  }
}
