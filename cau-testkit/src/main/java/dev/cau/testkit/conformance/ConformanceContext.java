package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.plugin.PluginContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A {@link PluginContext} for tests: a fixed clock, a fixed run id, a log that keeps every
 * message, and a cancellation signal the test raises.
 *
 * <p>The clock stands still at {@link #CLOCK_INSTANT}, far from today, so that a timestamp the
 * plug-in took from the system clock instead of {@link #clock()} shows. It is thread-safe: a
 * plug-in may log and poll the signal from any thread.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class ConformanceContext implements PluginContext {
  /** The instant the context's clock always reads: 2001-09-09T01:46:40Z. */
  public static final Instant CLOCK_INSTANT = Instant.ofEpochSecond(1_000_000_000L);

  /** The run id every context carries. */
  public static final RunId RUN_ID = RunId.parse("00000000-0000-4000-8000-00000000c0de");

  /** The name of the node every context is about. */
  public static final String NODE_NAME = "conformance-node-1";

  private static final Clock CLOCK = Clock.fixed(CLOCK_INSTANT, ZoneOffset.UTC);

  private final ConformanceNode node;
  private final AtomicBoolean canceled = new AtomicBoolean();
  private final List<LogEntry> entries = new CopyOnWriteArrayList<>();
  private final CancellationSignal cancellation = canceled::get;
  private final OperationLog log = new OperationLog() {
    @Override
    public void info(String message) {
      entries.add(new LogEntry(Level.INFO, String.valueOf(message)));
    }

    @Override
    public void warn(String message) {
      entries.add(new LogEntry(Level.WARN, String.valueOf(message)));
    }
  };

  private ConformanceContext(ConformanceNode node) {
    this.node = node;
  }

  /**
   * Creates a context about a node, not canceled, with an empty log.
   *
   * @param node the node whose capabilities {@link #capability(Class)} returns
   * @return the context
   */
  public static ConformanceContext on(ConformanceNode node) {
    return new ConformanceContext(Objects.requireNonNull(node, "node"));
  }

  /** Raises the cancellation signal: from now on the run is being canceled. */
  public void cancel() {
    canceled.set(true);
  }

  /**
   * Returns every message the plug-in logged through this context.
   *
   * @return the messages, oldest first
   */
  public List<LogEntry> messages() {
    return List.copyOf(entries);
  }

  @Override
  public RunId runId() {
    return RUN_ID;
  }

  @Override
  public String nodeName() {
    return NODE_NAME;
  }

  @Override
  public CancellationSignal cancellation() {
    return cancellation;
  }

  @Override
  public OperationLog log() {
    return log;
  }

  @Override
  public Clock clock() {
    return CLOCK;
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    return node.capability(Objects.requireNonNull(type, "type"));
  }

  /** How serious a logged message is. */
  @API(status = MAINTAINED, since = "0.1.0")
  public enum Level {
    /** Logged with {@link OperationLog#info(String)}. */
    INFO,
    /** Logged with {@link OperationLog#warn(String)}. */
    WARN
  }

  /**
   * One message a plug-in logged.
   *
   * @param level how it was logged
   * @param message its text
   */
  @API(status = MAINTAINED, since = "0.1.0")
  public record LogEntry(Level level, String message) {
    /**
     * Checks the components.
     *
     * @param level how it was logged
     * @param message its text
     */
    public LogEntry {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(message, "message");
    }
  }
}
