package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A run store kept in memory, as a simulated cluster keeps its in-cluster state: it survives any
 * coordinator, and lets a test watch every record as it is appended.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class InMemoryRunStore implements RunStore {
  private final Map<RunId, List<String>> journals = new LinkedHashMap<>();
  private final Map<RunId, String> reports = new LinkedHashMap<>();
  private @Nullable String roleConfiguration;
  private @Nullable RunId lastRun;
  private @Nullable List<String> lastRecords;
  private BiConsumer<RunId, Integer> appendObserver = (run, count) -> {};
  private BiConsumer<RunId, Integer> appendedObserver = (run, count) -> {};

  /** Creates an empty store. */
  public InMemoryRunStore() {}

  @Override
  public synchronized void append(RunId runId, String record) {
    checkLine(record);
    List<String> records = recordsOf(runId);
    appendObserver.accept(runId, records.size() + 1); // may throw: then nothing is written
    records.add(record);
    appendedObserver.accept(runId, records.size()); // may throw: the record stays written
  }

  /** The records of a run, the last run's at hand: a run appends record after record. */
  private List<String> recordsOf(RunId runId) {
    if (!runId.equals(lastRun)) {
      lastRecords = journals.computeIfAbsent(runId, id -> new ArrayList<>());
      lastRun = runId;
    }
    return Objects.requireNonNull(lastRecords);
  }

  @Override
  public synchronized StoredJournal journal(RunId runId) {
    return new StoredJournal(journals.getOrDefault(runId, List.of()), null);
  }

  @Override
  public synchronized Set<RunId> runs() {
    return new LinkedHashSet<>(journals.keySet());
  }

  @Override
  public synchronized void putReport(RunId runId, String report) {
    checkLine(report);
    reports.put(runId, report);
  }

  @Override
  public synchronized Optional<String> report(RunId runId) {
    return Optional.ofNullable(reports.get(runId));
  }

  @Override
  public synchronized void remove(RunId runId) {
    journals.remove(runId);
    reports.remove(runId);
    if (runId.equals(lastRun)) {
      lastRun = null;
      lastRecords = null;
    }
  }

  @Override
  public synchronized Optional<String> roleConfiguration() {
    return Optional.ofNullable(roleConfiguration);
  }

  @Override
  public synchronized void putRoleConfiguration(String configuration) {
    checkLine(configuration);
    roleConfiguration = configuration;
  }

  @Override
  public synchronized void removeRoleConfiguration() {
    roleConfiguration = null;
  }

  /**
   * Sets who is told of every record about to be appended to a journal, with the record's number
   * (the header is record 1): the hook that fault plans use to stop a coordinator at a chosen
   * journal position. If the observer throws, the record is not written.
   *
   * @param observer receives the run and the record count
   */
  public synchronized void onAppend(BiConsumer<RunId, Integer> observer) {
    this.appendObserver = observer;
  }

  /**
   * Sets who is told of every record just appended to a journal, with its number: a fault plan
   * that throws here stops a coordinator after the record became durable and before it acted on
   * it.
   *
   * @param observer receives the run and the record's number
   */
  public synchronized void afterAppend(BiConsumer<RunId, Integer> observer) {
    this.appendedObserver = observer;
  }

  private static void checkLine(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("A run store keeps single lines of text, but got a line break");
    }
  }
}
