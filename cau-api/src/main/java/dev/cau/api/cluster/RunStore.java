package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.RunId;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Where runs are kept: each run's journal, written ahead of every step, so that another
 * coordinator can resume the run; each finished run's report, for history; and the configuration
 * of the self-updating role.
 *
 * <p>Records and reports are opaque single-line texts that the engine writes and reads; the store
 * keeps them exactly. A cluster keeps its run store in the cluster (the state a self-updating
 * coordinator on another node must find); a coordinator outside the cluster may keep one in files.
 * Implementations are thread-safe.
 */
@API(status = STABLE, since = "0.1.0")
public interface RunStore {
  /**
   * Appends a record to a run's journal, creating the journal with its first record. Returns
   * only once the record is durable: a crash afterwards must not lose it.
   *
   * @param runId the run
   * @param record the record, a single line of text
   */
  void append(RunId runId, String record);

  /**
   * Reads a run's journal. A torn tail (the last record, torn by a crash while it was written) is
   * described in the answer and, by the process that writes the store, cut, so that appending
   * continues after the last intact record; a reader leaves it in place. Damage that a crash
   * cannot leave (a record with intact records after it) may instead be refused with an exception
   * that says where it is; it is never repaired away. Intact records are never dropped.
   *
   * @param runId the run
   * @return the intact records and what was cut; no records if the run is unknown
   */
  StoredJournal journal(RunId runId);

  /**
   * Returns the runs that have a journal.
   *
   * @return the run ids, in no particular order
   */
  Set<RunId> runs();

  /**
   * Keeps the report of a finished run, replacing any earlier one of the same run.
   *
   * @param runId the run
   * @param report the report, a single line of text
   */
  void putReport(RunId runId, String report);

  /**
   * Reads the report of a finished run.
   *
   * @param runId the run
   * @return the report, or empty if the run has none
   */
  Optional<String> report(RunId runId);

  /**
   * Deletes a run's journal and report, as CAU's {@code -ClearCorruptReports} does for runs whose
   * records cannot be read.
   *
   * @param runId the run
   */
  void remove(RunId runId);

  /**
   * Reads the configuration of the self-updating role.
   *
   * @return the configuration, or empty if the cluster has no self-updating role
   */
  Optional<String> roleConfiguration();

  /**
   * Keeps the configuration of the self-updating role, replacing any earlier one.
   *
   * @param configuration the configuration, a single line of text
   */
  void putRoleConfiguration(String configuration);

  /** Deletes the configuration of the self-updating role, if there is one. */
  void removeRoleConfiguration();
}
