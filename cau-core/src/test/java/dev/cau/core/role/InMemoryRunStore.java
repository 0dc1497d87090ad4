package dev.cau.core.role;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A run store that keeps only the role configuration, and counts every change to it. */
final class InMemoryRunStore implements RunStore {
  private @Nullable String roleConfiguration;
  private final List<String> writes = new ArrayList<>();

  /** Returns every change, in order: the text put, or {@code "(removed)"}. */
  List<String> writes() {
    return List.copyOf(writes);
  }

  /** Puts text without counting it as a change, as another node would have written it. */
  void preset(String text) {
    roleConfiguration = text;
  }

  @Override
  public synchronized Optional<String> roleConfiguration() {
    return Optional.ofNullable(roleConfiguration);
  }

  @Override
  public synchronized void putRoleConfiguration(String configuration) {
    if (configuration.contains("\n") || configuration.contains("\r")) {
      throw new IllegalArgumentException("not a single line: " + configuration);
    }
    roleConfiguration = configuration;
    writes.add(configuration);
  }

  @Override
  public synchronized void removeRoleConfiguration() {
    roleConfiguration = null;
    writes.add("(removed)");
  }

  @Override
  public void append(RunId runId, String record) {
    throw new UnsupportedOperationException("journals are not used by the role");
  }

  @Override
  public StoredJournal journal(RunId runId) {
    throw new UnsupportedOperationException("journals are not used by the role");
  }

  @Override
  public Set<RunId> runs() {
    throw new UnsupportedOperationException("journals are not used by the role");
  }

  @Override
  public void putReport(RunId runId, String report) {
    throw new UnsupportedOperationException("reports are not used by the role");
  }

  @Override
  public Optional<String> report(RunId runId) {
    throw new UnsupportedOperationException("reports are not used by the role");
  }

  @Override
  public void remove(RunId runId) {
    throw new UnsupportedOperationException("journals are not used by the role");
  }
}
