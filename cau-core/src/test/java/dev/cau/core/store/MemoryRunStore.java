package dev.cau.core.store;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A run store in memory for the store's tests, whose journals a test can cut as a crash would. */
final class MemoryRunStore implements RunStore {
  private final Map<RunId, List<String>> journals = new HashMap<>();
  private final Map<RunId, String> reports = new HashMap<>();
  private @Nullable String role;
  private int failingAppends;

  /** Creates a store that holds the given journal records of a run. */
  static MemoryRunStore holding(RunId runId, List<String> records) {
    MemoryRunStore store = new MemoryRunStore();
    store.journals.put(runId, new ArrayList<>(records));
    return store;
  }

  /** Makes the next append fail without writing, as a store that lost its device would. */
  void failNextAppend() {
    failingAppends++;
  }

  @Override
  public void append(RunId runId, String record) {
    if (failingAppends > 0) {
      failingAppends--;
      throw new IllegalStateException("simulated store failure");
    }
    journals.computeIfAbsent(runId, id -> new ArrayList<>()).add(record);
  }

  @Override
  public StoredJournal journal(RunId runId) {
    return new StoredJournal(journals.getOrDefault(runId, List.of()), null);
  }

  @Override
  public Set<RunId> runs() {
    return Set.copyOf(journals.keySet());
  }

  @Override
  public void putReport(RunId runId, String report) {
    reports.put(runId, report);
  }

  @Override
  public Optional<String> report(RunId runId) {
    return Optional.ofNullable(reports.get(runId));
  }

  @Override
  public void remove(RunId runId) {
    journals.remove(runId);
    reports.remove(runId);
  }

  @Override
  public Optional<String> roleConfiguration() {
    return Optional.ofNullable(role);
  }

  @Override
  public void putRoleConfiguration(String configuration) {
    role = configuration;
  }

  @Override
  public void removeRoleConfiguration() {
    role = null;
  }
}
