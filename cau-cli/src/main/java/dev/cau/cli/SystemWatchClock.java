package dev.cau.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock of a watch in real time: the system clock, {@link Thread#sleep} between two readings
 * of the run store, and a shutdown hook for a stop. The CLI's one place of real time besides the
 * engine's {@code Execution.system()}: a watch of a real cluster reads a store that a run in
 * another process writes, and is never driven in virtual time.
 */
final class SystemWatchClock implements WatchClock {
  @Override
  public Instant now() {
    return Clock.systemUTC().instant();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @Override
  public Arrangement onProcessStop(Runnable action) {
    Thread hook = new Thread(action, "cau-status-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The process is stopping already, and the hook says so.
      }
    };
  }
}
