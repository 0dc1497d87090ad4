package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A run store that passes every call to another: extend it and override what a test breaks (a
 * store that loses records, fails an append, or crashes its coordinator at a chosen record).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public class ForwardingRunStore implements RunStore {
  private final RunStore store;

  /**
   * Forwards to a store.
   *
   * @param store the store that does the work
   */
  public ForwardingRunStore(RunStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void append(RunId runId, String record) {
    store.append(runId, record);
  }

  @Override
  public StoredJournal journal(RunId runId) {
    return store.journal(runId);
  }

  @Override
  public Set<RunId> runs() {
    return store.runs();
  }

  @Override
  public void putReport(RunId runId, String report) {
    store.putReport(runId, report);
  }

  @Override
  public Optional<String> report(RunId runId) {
    return store.report(runId);
  }

  @Override
  public void remove(RunId runId) {
    store.remove(runId);
  }

  @Override
  public Optional<String> roleConfiguration() {
    return store.roleConfiguration();
  }

  @Override
  public void putRoleConfiguration(String configuration) {
    store.putRoleConfiguration(configuration);
  }

  @Override
  public void removeRoleConfiguration() {
    store.removeRoleConfiguration();
  }
}
