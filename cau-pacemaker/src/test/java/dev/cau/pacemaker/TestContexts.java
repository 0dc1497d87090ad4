package dev.cau.pacemaker;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import java.time.Clock;
import java.util.UUID;

/** Operation contexts for calls a test makes itself. */
final class TestContexts {
  private TestContexts() {}

  static OperationContext context(String node) {
    return new OperationContext() {
      @Override
      public RunId runId() {
        return new RunId(new UUID(1, 1));
      }

      @Override
      public String nodeName() {
        return node;
      }

      @Override
      public CancellationSignal cancellation() {
        return CancellationSignal.NEVER;
      }

      @Override
      public OperationLog log() {
        return new OperationLog() {
          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {}
        };
      }

      @Override
      public Clock clock() {
        return Clock.systemUTC();
      }
    };
  }
}
