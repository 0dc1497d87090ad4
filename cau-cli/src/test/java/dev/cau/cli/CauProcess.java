package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cau} command as a separate process: the java of this JVM with the test's class path
 * (and module path, put on the class path), for tests of what only real processes show (a second
 * process against a live run, a crash). Every wait is bounded.
 */
final class CauProcess implements AutoCloseable {
  /** How long a process may take to reach a point or to end: generous for a loaded machine. */
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
  private final Thread outReader;
  private final Thread errReader;

  private CauProcess(Process process) {
    this.process = process;
    this.outReader = reader(process.getInputStream(), out, outLines);
    this.errReader = reader(process.getErrorStream(), err, errLines);
  }

  /**
   * Starts {@code cau} with arguments and extra environment variables.
   *
   * @param environment variables to set, such as a test hook
   * @param args the command's arguments
   * @return the running process
   */
  static CauProcess start(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath());
    command.add(CauCommand.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(RecordHooks.HALT_VARIABLE);
    builder.environment().remove(RecordHooks.PAUSE_VARIABLE);
    builder.environment().putAll(environment);
    try {
      return new CauProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
  }

  private static String classPath() {
    return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
        .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
        .filter(p -> !p.isBlank())
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Thread reader(InputStream stream, List<String> lines, @Nullable BlockingQueue<String> queue) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          synchronized (lines) {
            lines.add(line);
          }
          if (queue != null) {
            queue.add(line);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "cau-process-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The process id, as the process names itself in the store's lock. */
  long pid() {
    return process.pid();
  }

  /**
   * Waits until the process prints a line starting with a prefix on its standard error.
   *
   * @param prefix the start of the line
   * @return the line
   */
  String awaitErrLine(String prefix) throws InterruptedException {
    return awaitLine(errLines, "error", prefix);
  }

  /**
   * Waits until the process prints a line starting with a prefix on its standard output.
   *
   * @param prefix the start of the line
   * @return the line
   */
  String awaitOutLine(String prefix) throws InterruptedException {
    return awaitLine(outLines, "standard", prefix);
  }

  private String awaitLine(BlockingQueue<String> lines, String stream, String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("No " + stream + " output line starting with \"" + prefix + "\" within " + TIMEOUT
            + "; the process is " + (process.isAlive() ? "alive" : "ended with " + process.exitValue())
            + ", its error output:\n" + err());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Lets a process paused by the test hook go on. */
  void release() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write('\n');
    in.flush();
  }

  /**
   * Sends the process SIGINT, as Ctrl-C in its terminal does, with the system's {@code kill}.
   */
  void interrupt() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("kill -INT ended").isTrue();
    assertThat(kill.exitValue()).as("the exit code of kill -INT").isZero();
  }

  /** Kills the process as {@code kill -9} does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("the killed process ended").isTrue();
  }

  /**
   * Waits for the process to end.
   *
   * @return what it did
   */
  Cau.Outcome await() throws InterruptedException {
    boolean ended = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly();
      throw new AssertionError("The process did not end within " + TIMEOUT + "; its error output:\n" + err());
    }
    outReader.join(TIMEOUT.toMillis());
    errReader.join(TIMEOUT.toMillis());
    return new Cau.Outcome(process.exitValue(), out(), err());
  }

  private String out() {
    synchronized (out) {
      return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }
  }

  private String err() {
    synchronized (err) {
      return String.join(System.lineSeparator(), err) + System.lineSeparator();
    }
  }

  /**
   * Runs {@code cau} to its end.
   *
   * @param environment extra environment variables
   * @param args the arguments
   * @return what it did
   */
  static Cau.Outcome run(Map<String, String> environment, String... args) throws InterruptedException {
    try (CauProcess process = start(environment, args)) {
      return process.await();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
