package dev.cau.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The test JVM's slf4j binding: keeps every log call, at every level, in memory so that a test
 * can read what cau4j logged. Chosen with the {@code slf4j.provider} system property (set by this
 * module's surefire configuration), because META-INF/services is not read inside the named module
 * the tests run in. Test scope only: no main artifact carries a logging binding.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {
  private static final List<String> RECORDS = new CopyOnWriteArrayList<>();
  // Off unless a test asks, so that the rest of the suite does not pile up records in memory.
  private static volatile boolean capturing;
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();

  /** Creates the provider; slf4j calls this once per JVM. */
  public CapturingLogProvider() {}

  /**
   * Returns every log call since {@link #start()}, each rendered as its level, logger,
   * formatted message, every argument and the full stack trace (causes and suppressed) of its
   * throwable.
   *
   * @return the records, oldest first
   */
  public static List<String> records() {
    return List.copyOf(RECORDS);
  }

  /** Forgets the records kept so far and keeps every log call from now on. */
  public static void start() {
    RECORDS.clear();
    capturing = true;
  }

  /** Stops keeping log calls and forgets the records kept so far. */
  public static void stop() {
    capturing = false;
    RECORDS.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return name -> loggers.computeIfAbsent(name, CapturingLogger::new);
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static String render(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, String messagePattern,
        Object @Nullable [] arguments, @Nullable Throwable throwable) {
      if (!capturing) {
        return;
      }
      StringBuilder record = new StringBuilder().append(level).append(' ').append(name).append(": ")
          .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
      if (arguments != null) {
        for (Object argument : arguments) {
          record.append("\n  argument: ").append(argument instanceof Throwable t ? render(t) : String.valueOf(argument));
        }
      }
      if (throwable != null) {
        record.append('\n').append(render(throwable));
      }
      RECORDS.add(record.toString());
    }
  }
}
