// docs/durable-runs.md's conformance test, run. "Your" lock and store stand in here: they keep
// their state in the testkit's in-memory implementations, one fresh cluster per call.
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import dev.cau.testkit.cluster.ForwardingRunStore;
import dev.cau.testkit.cluster.InMemoryRunLock;
import dev.cau.testkit.cluster.InMemoryRunStore;
import dev.cau.testkit.conformance.ClusterStateConformance;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MyClusterStateConformanceTests {
  // @example

  /** The cluster whose shared state your lock and store keep; here, in memory. */
  static final class Cluster {
    final InMemoryRunLock lock = new InMemoryRunLock();
    final InMemoryRunStore store = new InMemoryRunStore();
  }

  static Cluster freshCluster() {
    return new Cluster();
  }

  static final class MyRunLock implements RunLock {
    private final Cluster cluster;

    MyRunLock(Cluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public Optional<CoordinatorLease> read() {
      return cluster.lock.read();
    }

    @Override
    public boolean compareAndSet(@Nullable CoordinatorLease expected, @Nullable CoordinatorLease replacement) {
      return cluster.lock.compareAndSet(expected, replacement);
    }
  }

  static final class MyRunStore extends ForwardingRunStore {
    MyRunStore(Cluster cluster) {
      super(cluster.store);
    }
  }
}
