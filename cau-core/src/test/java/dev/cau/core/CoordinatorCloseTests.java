package dev.cau.core;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.OperationCanceledException;
import dev.cau.api.RunNeedsRecoveryException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.SystemExecutionTests.InstantCluster;
import dev.cau.core.SystemExecutionTests.OneUpdatePlugin;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.status.RunState;
import dev.cau.core.store.FileRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a coordinator, with real threads: its runs stop where they are, the calls it stops
 * waiting for are interrupted, a call that ignores the interrupt is reported, and no thread it
 * started outlives it unreported. Every wait is bounded; nothing sleeps or reads the clock.
 */
class CoordinatorCloseTests {
  private static final long WAIT = 60; // seconds; generous, for a loaded machine

  @Test
  void closeEndsEveryThreadTheCoordinatorStarted() throws Exception {
    Set<Thread> before = coordinatorThreads();
    UpdateCoordinator coordinator = coordinator(new InstantCluster(List.of("a", "b", "c")), new OneUpdatePlugin()).build();

    RunResult result = coordinator.start(RunOptions.builder().plugin(OneUpdatePlugin.NAME).build())
        .completion().get(WAIT, SECONDS);
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(startedSince(before)).as("threads the run used").isNotEmpty();

    coordinator.close();

    assertThat(startedSince(before)).isEmpty();
    assertThat(coordinator.abandonedCalls()).isEmpty();
  }

  @Test
  void aCallPastItsOperationTimeoutIsInterrupted() throws Exception {
    HangingScan plugin = new HangingScan("a", false);
    try (UpdateCoordinator coordinator = coordinator(new InstantCluster(List.of("a", "b", "c")), plugin).build()) {
      UpdatingRun run = coordinator.start(shortOperationTimeout());

      assertThat(plugin.interrupted.await(WAIT, SECONDS)).as("the hanging scan was interrupted").isTrue();
      assertThat(run.completion().get(WAIT, SECONDS).runId()).isEqualTo(run.runId());
      assertThat(coordinator.abandonedCalls()).isEmpty();
    } finally {
      plugin.release.countDown();
    }
  }

  @Test
  void aCallThatIgnoresItsInterruptIsReportedAbandonedAndIsTheOnlyThreadLeft() throws Exception {
    HangingScan plugin = new HangingScan("a", true);
    Set<Thread> before = coordinatorThreads();
    UpdateCoordinator coordinator = coordinator(new InstantCluster(List.of("a", "b", "c")), plugin)
        .interruptGracePeriod(Duration.ofSeconds(1))
        .build();
    try {
      UpdatingRun run = coordinator.start(shortOperationTimeout());
      assertThat(plugin.interrupted.await(WAIT, SECONDS)).as("the hanging scan was interrupted").isTrue();
      run.completion().get(WAIT, SECONDS);

      coordinator.close();

      assertThat(coordinator.abandonedCalls())
          .containsExactly(new AbandonedCall(run.runId(), "a", "ScanUpdates", plugin.thread));
      assertThat(startedSince(before)).extracting(Thread::getName).containsExactly(plugin.thread);
    } finally {
      plugin.release.countDown();
      coordinator.close();
    }
  }

  @Test
  void closeStopsARunningRunWithoutEndingItSoThatItCanBeResumed(@TempDir Path store) throws Exception {
    HangingScan plugin = new HangingScan("a", false);
    InstantCluster cluster = new InstantCluster(List.of("a", "b", "c"));
    RunOptions options = RunOptions.builder().plugin(HangingScan.NAME).build();
    Set<Thread> before = coordinatorThreads();
    UpdatingRun run;
    FileRunStore first = new FileRunStore(store);
    try (UpdateCoordinator coordinator = coordinator(cluster, plugin).runStore(first).build()) {
      run = coordinator.start(options);
      assertThat(plugin.entered.await(WAIT, SECONDS)).as("the scan of node a started").isTrue();
    } finally {
      plugin.release.countDown();
    }
    first.close(); // as the stopped coordinator's process ends, its lock on the store goes

    assertThat(plugin.interrupted.await(WAIT, SECONDS)).as("the hanging scan was interrupted").isTrue();
    assertThatThrownBy(run::await).isInstanceOf(RunNeedsRecoveryException.class).hasMessageContaining("resume it");
    assertThat(startedSince(before)).isEmpty();
    try (UpdateCoordinator next = coordinator(cluster, plugin).runStore(new FileRunStore(store)).build()) {
      assertThat(next.status().state()).isEqualTo(RunState.RUN_FAILED);
      RunResult resumed = next.resume(options).completion().get(WAIT, SECONDS);
      assertThat(resumed.runId()).isEqualTo(run.runId());
      assertThat(resumed.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    }
  }

  @Test
  void closeLeavesAnInjectedExecutionRunning() throws Exception {
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    ExecutorService calls = Executors.newCachedThreadPool();
    ExecutorService events = Executors.newSingleThreadExecutor();
    Execution execution = new Execution(Clock.systemUTC(), (delay, task) -> {
      var future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    }, calls, events);
    try {
      UpdateCoordinator coordinator = coordinator(new InstantCluster(List.of("a", "b")), new OneUpdatePlugin())
          .execution(execution)
          .build();
      coordinator.start(RunOptions.builder().plugin(OneUpdatePlugin.NAME).build()).completion().get(WAIT, SECONDS);

      coordinator.close();

      assertThat(List.of(timers, calls, events)).noneMatch(ExecutorService::isShutdown);
    } finally {
      List.of(timers, calls, events).forEach(ExecutorService::shutdownNow);
    }
  }

  @Test
  void aClosedCoordinatorStartsNoRunAndClosesOnce() {
    UpdateCoordinator coordinator = coordinator(new InstantCluster(List.of("a", "b")), new OneUpdatePlugin()).build();

    coordinator.close();
    coordinator.close();

    assertThatThrownBy(() -> coordinator.start(RunOptions.builder().plugin(OneUpdatePlugin.NAME).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was closed");
    assertThat(coordinator.status().state()).isEqualTo(RunState.RUN_NOT_IN_PROGRESS);
  }

  private static UpdateCoordinator.Builder coordinator(InstantCluster cluster, UpdatePluginProvider plugin) {
    return UpdateCoordinator.builder(cluster).plugins(PluginRegistry.builder().register(plugin).build());
  }

  /** An operation timeout that the hanging scan outlives; the other calls return at once. */
  private static RunOptions shortOperationTimeout() {
    return RunOptions.builder().plugin(HangingScan.NAME).operationTimeout(Duration.ofSeconds(2)).build();
  }

  /** The live threads named as {@link Execution#system()} names its threads. */
  private static Set<Thread> coordinatorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> Set.of(SystemThreads.TIMER, SystemThreads.CALL, SystemThreads.EVENTS).stream()
            .anyMatch(prefix -> t.getName().startsWith(prefix + "-")))
        .collect(Collectors.toSet());
  }

  private static List<Thread> startedSince(Set<Thread> before) {
    return coordinatorThreads().stream().filter(t -> !before.contains(t)).toList();
  }

  /**
   * A plug-in with nothing to install whose first scan of one node hangs until released: it
   * either gives up when interrupted, or swallows every interrupt and keeps waiting.
   */
  static final class HangingScan implements UpdatePluginProvider, UpdatePlugin {
    static final String NAME = "Test.HangingScan";

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile String thread = "";
    private final String node;
    private final boolean ignoresInterrupts;
    private final AtomicBoolean hung = new AtomicBoolean();

    HangingScan(String node, boolean ignoresInterrupts) {
      this.node = node;
      this.ignoresInterrupts = ignoresInterrupts;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      return this;
    }

    @Override
    public List<Update> scan(PluginContext context) {
      if (context.nodeName().equals(node) && hung.compareAndSet(false, true)) {
        thread = Thread.currentThread().getName();
        entered.countDown();
        hang();
      }
      return List.of();
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      return List.of();
    }

    private void hang() {
      while (true) {
        try {
          release.await();
          return;
        } catch (InterruptedException e) {
          interrupted.countDown();
          if (!ignoresInterrupts) {
            throw new OperationCanceledException("The scan was interrupted");
          }
        }
      }
    }
  }
}
