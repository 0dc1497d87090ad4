package dev.cau.transport.ssh;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The context of a call against a real SSH server: real time (the server runs in real time), a
 * cancellation flag that a logged line can raise, and the logged lines.
 */
final class TestContext implements OperationContext {
  final AtomicBoolean canceled = new AtomicBoolean();
  final List<String> lines = new CopyOnWriteArrayList<>();
  /** Characters of standard output lines logged, each with its line end. */
  final AtomicLong loggedCharacters = new AtomicLong();
  private final boolean keepLines;
  private final Predicate<String> cancelWhen;
  private final AtomicLong checksBeforeCancel = new AtomicLong(Long.MAX_VALUE);

  private TestContext(boolean keepLines, Predicate<String> cancelWhen) {
    this.keepLines = keepLines;
    this.cancelWhen = cancelWhen;
  }

  static TestContext keepingLines() {
    return new TestContext(true, line -> false);
  }

  static TestContext countingOnly() {
    return new TestContext(false, line -> false);
  }

  static TestContext cancelingOn(String line) {
    return new TestContext(true, line::equals);
  }

  /** A context whose cancellation is raised after it was looked at a number of times. */
  static TestContext cancelingAfterChecks(long checks) {
    TestContext context = new TestContext(true, line -> false);
    context.checksBeforeCancel.set(checks);
    return context;
  }

  @Override
  public RunId runId() {
    return new RunId(new java.util.UUID(0, 12));
  }

  @Override
  public String nodeName() {
    return "node1";
  }

  @Override
  public CancellationSignal cancellation() {
    return () -> canceled.get() || checksBeforeCancel.getAndDecrement() <= 0;
  }

  @Override
  public OperationLog log() {
    return new OperationLog() {
      @Override
      public void info(String message) {
        if (!message.startsWith("stderr: ")) {
          loggedCharacters.addAndGet(message.length() + 1);
        }
        if (keepLines) {
          lines.add(message);
        }
        if (cancelWhen.test(message)) {
          canceled.set(true);
        }
      }

      @Override
      public void warn(String message) {
        info(message);
      }
    };
  }

  @Override
  @SuppressWarnings("JavaTimeDefaultTimeZone")
  public Clock clock() {
    return Clock.systemUTC();
  }
}
