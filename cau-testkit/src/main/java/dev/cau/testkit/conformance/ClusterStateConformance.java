package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.RunId;
import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.cluster.RunLock;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Checks a cluster controller's run lock and run store against their contracts, for products that
 * implement {@link dev.cau.api.cluster.ClusterController#runLock()} and
 * {@link dev.cau.api.cluster.ClusterController#runStore()} themselves. The engine's safety rests on
 * both: a lock whose compare-and-set is not atomic, or that compares leases by identity, lets two
 * coordinators act at once; a store that loses, reorders or rewrites records makes a resumed run
 * repeat or skip steps.
 *
 * <pre>{@code
 * @Test
 * void myClusterStateConforms() {
 *   ClusterStateConformance.assertRunLockConforms(() -> new MyRunLock(freshCluster()));
 *   ClusterStateConformance.assertRunStoreConforms(() -> new MyRunStore(freshCluster()));
 * }
 * }</pre>
 *
 * <p>Each supplier must give an empty lock or store each time it is called. The lock check runs
 * four threads against one lock; nothing sleeps.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class ClusterStateConformance {
  private static final int THREADS = 4;
  private static final int TAKES_PER_THREAD = 250;

  private ClusterStateConformance() {}

  /**
   * Checks a run lock and throws on the first broken rule.
   *
   * @param freshLocks gives an unlocked lock on each call
   * @throws AssertionError naming the rule the lock breaks
   */
  public static void assertRunLockConforms(Supplier<? extends RunLock> freshLocks) {
    RunLock lock = Objects.requireNonNull(freshLocks.get(), "the supplier gave no lock");
    check(lock.read().isEmpty(), "a fresh lock reads as unlocked, but read " + lock.read());
    CoordinatorLease a = lease("alice", 1);
    CoordinatorLease b = lease("bob", 2);
    check(!lock.compareAndSet(a, b), "compareAndSet(a lease, …) must fail on an unlocked lock");
    check(lock.compareAndSet(null, a), "compareAndSet(null, lease) must take an unlocked lock");
    check(a.equals(lock.read().orElse(null)), "read() must return the lease just set, but was " + lock.read());
    check(!lock.compareAndSet(null, b), "compareAndSet(null, …) must fail while the lock is held");
    check(!lock.compareAndSet(b, b), "compareAndSet must fail when the expected lease is not the one held");
    // Leases are values: a coordinator compares with the lease as it last wrote it, not the same object.
    check(lock.compareAndSet(copy(a), b), "compareAndSet must compare leases by value (equals), not identity");
    check(lock.compareAndSet(copy(b), copy(b).renewedAt(b.renewedAt().plusSeconds(60))),
        "compareAndSet must accept a renewal of the lease held");
    check(lock.compareAndSet(lock.read().orElseThrow(), null), "compareAndSet(held, null) must unlock");
    check(lock.read().isEmpty(), "after unlocking, read() must be empty, but was " + lock.read());
    checkAtomic(Objects.requireNonNull(freshLocks.get(), "the supplier gave no lock"));
  }

  /** Several threads take the lock over from each other; every take must see the one before it. */
  private static void checkAtomic(RunLock lock) {
    check(lock.compareAndSet(null, lease("start", 1)), "compareAndSet(null, lease) must take an unlocked lock");
    AtomicReference<@Nullable String> problem = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String name = "thread-" + t;
      Thread thread = new Thread(() -> {
        int taken = 0;
        while (taken < TAKES_PER_THREAD && problem.get() == null) {
          CoordinatorLease current = lock.read().orElse(null);
          if (current == null) {
            problem.compareAndSet(null, "read() was empty while the threads only replaced leases");
            return;
          }
          if (lock.compareAndSet(current, lease(name, current.token() + 1))) {
            taken++;
          }
        }
      }, "cau-conformance-" + name);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while checking the lock", e);
      }
    }
    String found = problem.get();
    check(found == null, String.valueOf(found));
    long expected = 1L + THREADS * TAKES_PER_THREAD;
    long token = lock.read().map(CoordinatorLease::token).orElse(0L);
    check(token == expected, "compareAndSet is not atomic: " + THREADS + " threads made " + (THREADS * TAKES_PER_THREAD)
        + " successful takes, each from the lease before it, so the last token must be " + expected + ", but was " + token);
  }

  /**
   * Checks a run store and throws on the first broken rule.
   *
   * @param freshStores gives an empty store on each call
   * @throws AssertionError naming the rule the store breaks
   */
  public static void assertRunStoreConforms(Supplier<? extends RunStore> freshStores) {
    RunStore store = Objects.requireNonNull(freshStores.get(), "the supplier gave no store");
    RunId first = new RunId(new UUID(7, 1));
    RunId second = new RunId(new UUID(7, 2));
    check(store.runs().isEmpty(), "a fresh store has no runs, but listed " + store.runs());
    StoredJournal none = store.journal(first);
    check(none.records().isEmpty() && none.damage() == null, "an unknown run's journal is empty and undamaged, but was " + none);
    check(store.report(first).isEmpty(), "an unknown run has no report");
    check(store.roleConfiguration().isEmpty(), "a fresh store has no role configuration");

    List<String> records = List.of(
        "{\"v\":1,\"type\":\"header\"}",
        "quotes \" and back\\slashes, tabs\tand unicode \u00e9\u4e2d\ud83d\ude00",
        "x".repeat(100_000),
        "");
    records.forEach(r -> store.append(first, r));
    store.append(second, "other run");
    check(store.journal(first).records().equals(records),
        "journal() must return every record exactly as appended, in order; got " + abbreviate(store.journal(first).records()));
    check(store.journal(second).records().equals(List.of("other run")), "the journals of two runs must be kept apart");
    check(store.runs().equals(Set.of(first, second)), "runs() must list every run with a journal, but was " + store.runs());
    refused(() -> store.append(first, "two\nlines"), "append() must refuse a record with a line break");
    refused(() -> store.append(first, "two\rlines"), "append() must refuse a record with a carriage return");
    check(store.journal(first).records().equals(records), "a refused append must write nothing");

    store.putReport(first, "report 1");
    store.putReport(first, "report 2");
    check(store.report(first).equals(Optional.of("report 2")), "putReport() must replace the run's report");
    check(store.report(second).isEmpty(), "a run's report must not appear under another run");
    store.remove(first);
    check(store.journal(first).records().isEmpty() && store.report(first).isEmpty(),
        "remove() must delete the run's journal and report");
    check(store.runs().equals(Set.of(second)), "remove() must take the run out of runs()");

    store.putRoleConfiguration("Version=1;GroupName=CAU");
    store.putRoleConfiguration("Version=1;GroupName=CAU2");
    check(store.roleConfiguration().equals(Optional.of("Version=1;GroupName=CAU2")),
        "putRoleConfiguration() must replace the configuration");
    store.removeRoleConfiguration();
    check(store.roleConfiguration().isEmpty(), "removeRoleConfiguration() must delete it");
  }

  private static CoordinatorLease lease(String owner, long token) {
    Instant at = Instant.parse("2026-01-20T03:00:00Z");
    return new CoordinatorLease(owner, owner + "-host", null, new RunId(new UUID(9, 9)), token, at, at);
  }

  private static CoordinatorLease copy(CoordinatorLease lease) {
    return new CoordinatorLease(new String(lease.owner().toCharArray()), lease.host(), lease.role(), lease.runId(),
        lease.token(), lease.acquiredAt(), lease.renewedAt());
  }

  private static void refused(Runnable call, String rule) {
    try {
      call.run();
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new AssertionError(rule);
  }

  private static String abbreviate(List<String> records) {
    return records.stream().map(r -> r.length() > 60 ? r.substring(0, 60) + "…(" + r.length() + " chars)" : r).toList().toString();
  }

  private static void check(boolean holds, String rule) {
    if (!holds) {
      throw new AssertionError(rule);
    }
  }
}
