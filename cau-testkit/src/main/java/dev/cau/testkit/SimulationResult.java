package dev.cau.testkit;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.event.RunEvent;
import dev.cau.api.result.RunResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a simulated run produced.
 *
 * @param result the run's result
 * @param events every event the run published, in order
 * @param steps every simulated operation, in order
 * @param history every change of the cluster's state, in order
 * @param journal the run's journal
 */
@API(status = MAINTAINED, since = "0.1.0")
public record SimulationResult(
    RunResult result,
    List<RunEvent> events,
    List<StepRecord> steps,
    List<ClusterChange> history,
    List<JournalEntry> journal) {
  /**
   * Copies the lists.
   *
   * @param result the run's result
   * @param events the events
   * @param steps the simulated operations
   * @param history the cluster's changes
   * @param journal the journal entries
   */
  public SimulationResult {
    events = List.copyOf(events);
    steps = List.copyOf(steps);
    history = List.copyOf(history);
    journal = List.copyOf(journal);
  }

  /**
   * Returns how long the run took in virtual time.
   *
   * @return the run's duration
   */
  public Duration virtualDuration() {
    return result.duration();
  }
}
