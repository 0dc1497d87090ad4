package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Finds the journals of a run store that a coordinator cannot carry on: those of runs without a
 * report (the runs a coordinator resumes or recovers) whose records are damaged, cannot be decoded,
 * are out of sequence, belong to another run or hold times no run has. It only reads.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class StoreCheck {
  private StoreCheck() {}

  /**
   * A journal that cannot be used as it is.
   *
   * @param runId the run
   * @param problem what is wrong, naming the record and, where the store knows it, the byte offset
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public record Problem(RunId runId, String problem) {
    /**
     * Checks the values.
     *
     * @param runId the run
     * @param problem what is wrong
     */
    public Problem {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /**
   * Reads the journal of every run in a store that has no report and returns those that cannot be
   * used.
   *
   * @param store the store
   * @return the problems, in the order of the run ids; empty if every such journal can be used
   */
  public static List<Problem> unusableJournals(RunStore store) {
    Objects.requireNonNull(store, "store");
    List<Problem> problems = new ArrayList<>();
    for (RunId runId : store.runs().stream().sorted(Comparator.comparing(RunId::toString)).toList()) {
      if (store.report(runId).isPresent()) {
        continue;
      }
      try {
        StoredRunJournal.open(store, runId).ifPresent(StoredRunJournal::checkPlausible);
      } catch (DamagedJournalException | JournalFormatException e) {
        problems.add(new Problem(runId, Objects.requireNonNullElse(e.getMessage(), e.toString())));
      }
    }
    return List.copyOf(problems);
  }
}
