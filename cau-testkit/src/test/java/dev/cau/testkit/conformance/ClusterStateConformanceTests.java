package dev.cau.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.RunId;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import dev.cau.core.store.FileRunStore;
import dev.cau.testkit.cluster.ForwardingRunStore;
import dev.cau.testkit.cluster.InMemoryRunLock;
import dev.cau.testkit.cluster.InMemoryRunStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStateConformanceTests {
  @TempDir Path directory;

  @Test
  void theTestkitsLockAndStoreConform() {
    assertThatCode(() -> ClusterStateConformance.assertRunLockConforms(InMemoryRunLock::new)).doesNotThrowAnyException();
    assertThatCode(() -> ClusterStateConformance.assertRunStoreConforms(InMemoryRunStore::new)).doesNotThrowAnyException();
  }

  @Test
  void theFileRunStoreConforms() {
    AtomicInteger count = new AtomicInteger();
    assertThatCode(() -> ClusterStateConformance.assertRunStoreConforms(
        () -> new FileRunStore(directory.resolve("store-" + count.incrementAndGet())))).doesNotThrowAnyException();
  }

  @Test
  void aLockThatComparesLeasesByIdentityIsCaught() {
    assertThatThrownBy(() -> ClusterStateConformance.assertRunLockConforms(IdentityLock::new))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("by value (equals), not identity");
  }

  @Test
  void aStoreThatSkipsEmptyRecordsIsCaught() {
    assertThatThrownBy(() -> ClusterStateConformance.assertRunStoreConforms(BlankSkippingStore::new))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exactly as appended, in order");
  }

  /** Skips empty records, as a reader that ignores blank lines would: records must come back exactly. */
  private static final class BlankSkippingStore extends ForwardingRunStore {
    BlankSkippingStore() {
      super(new InMemoryRunStore());
    }

    @Override
    public void append(RunId runId, String record) {
      if (!record.isEmpty()) {
        super.append(runId, record);
      }
    }
  }

  /** Compares the expected lease by identity: a renewal built anew never matches. */
  private static final class IdentityLock implements RunLock {
    private @Nullable CoordinatorLease lease;

    @Override
    public synchronized Optional<CoordinatorLease> read() {
      return Optional.ofNullable(lease);
    }

    @Override
    public synchronized boolean compareAndSet(@Nullable CoordinatorLease expected, @Nullable CoordinatorLease replacement) {
      if (lease != expected) {
        return false;
      }
      lease = replacement;
      return true;
    }
  }
}
