package dev.cau.core.engine;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.AbandonedCall;
import dev.cau.core.TimerScheduler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The threads of a run's calls: a call the run stops waiting for is interrupted on its real
 * thread; the grace period is a task the test runs itself, so nothing here depends on timing.
 */
class InFlightCallsTests {
  private static final RunId RUN = new RunId(new UUID(0, 42));

  private final ExecutorService callThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-call"));
  private final List<Runnable> graceChecks = new CopyOnWriteArrayList<>();
  private final TimerScheduler scheduler = (delay, task) -> {
    graceChecks.add(task);
    return () -> { };
  };
  private final List<AbandonedCall> reported = new CopyOnWriteArrayList<>();
  private final InFlightCalls calls = new InFlightCalls(RUN, scheduler, Duration.ofSeconds(30), reported::add);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);

  @AfterEach
  void releaseTheCallThread() throws InterruptedException {
    release.countDown();
    callThread.shutdownNow();
    assertThat(callThread.awaitTermination(30, SECONDS)).isTrue();
  }

  @Test
  void anAbandonedCallIsInterruptedAndNotReportedOnceItReturns() throws Exception {
    CompletableFuture<Boolean> sawInterrupt = new CompletableFuture<>();
    callThread.execute(call(() -> {
      entered.countDown();
      try {
        release.await();
        sawInterrupt.complete(false);
      } catch (InterruptedException e) {
        sawInterrupt.complete(true);
      }
    }));
    assertThat(entered.await(30, SECONDS)).isTrue();

    calls.abandon(1);

    assertThat(sawInterrupt.get(30, SECONDS)).isTrue();
    calls.abandonedLeft().get(30, SECONDS);
    graceChecks.forEach(Runnable::run);
    assertThat(reported).isEmpty();
  }

  @Test
  void aCallThatIgnoresItsInterruptIsReportedOnceWhenTheGracePeriodEnds() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<String> thread = new CompletableFuture<>();
    callThread.execute(call(() -> {
      thread.complete(Thread.currentThread().getName());
      entered.countDown();
      awaitIgnoringInterrupts(interrupted);
    }));
    assertThat(entered.await(30, SECONDS)).isTrue();

    calls.abandon(1);
    assertThat(interrupted.await(30, SECONDS)).isTrue();
    assertThat(reported).isEmpty();
    assertThat(graceChecks).hasSize(1);

    graceChecks.get(0).run();
    assertThat(reported).containsExactly(new AbandonedCall(RUN, "a", "ScanUpdates", thread.get(30, SECONDS)));
    graceChecks.get(0).run();
    calls.reportAbandonedStillRunning();
    assertThat(reported).hasSize(1);
    assertThat(calls.abandonedLeft()).isNotDone();

    release.countDown();
    calls.abandonedLeft().get(30, SECONDS);
  }

  @Test
  void theInterruptMeantForACallIsClearedWhenTheCallReturns() throws Exception {
    CompletableFuture<Boolean> interruptedAfterTheCall = new CompletableFuture<>();
    Runnable call = call(() -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // keeps the flag, as a well-behaved call does
      }
    });
    callThread.execute(() -> {
      call.run();
      interruptedAfterTheCall.complete(Thread.currentThread().isInterrupted());
    });
    assertThat(entered.await(30, SECONDS)).isTrue();

    calls.abandon(1);

    assertThat(interruptedAfterTheCall.get(30, SECONDS)).isFalse();
  }

  @Test
  void aCallAbandonedBeforeAThreadPicksItUpIsNeverMade() {
    AtomicBoolean made = new AtomicBoolean();
    Runnable call = call(() -> made.set(true));

    calls.abandon(1);
    call.run();

    assertThat(made).isFalse();
    assertThat(calls.abandonedLeft()).isDone();
    assertThat(graceChecks).isEmpty();
  }

  @Test
  void aCallThatRanToItsEndOnTheCallersThreadLeavesNothingToInterrupt() {
    // As in the testkit's virtual time: the executor runs the call at once, on the engine's thread.
    call(() -> { }).run();

    calls.abandon(1);
    calls.abandonAll();

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(graceChecks).isEmpty();
    assertThat(calls.abandonedLeft()).isDone();
  }

  @Test
  void theAnswerIsHandedOverOnceTheThreadHasLeftTheCall() {
    // The run may end on the answer and abandon what is in flight: the answering thread is not.
    AtomicBoolean interruptedWhileAnswering = new AtomicBoolean();
    Runnable call = calls.track(scan(1), () -> "answer", answer -> {
      calls.abandonAll();
      interruptedWhileAnswering.set(Thread.interrupted());
    });

    call.run();

    assertThat(interruptedWhileAnswering).isFalse();
    assertThat(graceChecks).isEmpty();
  }

  /** Tracks a scan with token 1 that runs {@code body}. */
  private Runnable call(Runnable body) {
    return calls.track(scan(1), () -> {
      body.run();
      return "answer";
    }, answer -> { });
  }

  private static Command.Call scan(int token) {
    return new Command.Call(token, "a", new Operation.ScanUpdates("Test.Plugin"));
  }

  private void awaitIgnoringInterrupts(CountDownLatch interrupted) {
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    }
  }
}
