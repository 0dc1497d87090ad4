package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One run of a {@link SimulatedProgram}: what it writes and how long it takes.
 *
 * <p>Each standard output line goes to the call's {@link OperationContext#log()} as
 * {@code info} at once and into the result; each standard error line goes to the log as
 * {@code warn} and into the result. The result keeps up to the request's
 * {@link ProgramRequest#outputLimit()} characters per stream (each line with its {@code \n}) and
 * says when it dropped some.
 *
 * <p>{@link #take(Duration)} charges virtual time. When the request's timeout would elapse, the
 * program is ended at the timeout, the kill is recorded as a step, and the call fails with
 * {@link dev.cau.api.NodeOperationException}; when the call's cancellation is requested, the
 * program is ended at once, recorded, and the call throws
 * {@link dev.cau.api.OperationCanceledException}. After the end, {@code take} throws again and
 * output is dropped.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedProgramRun {
  /** Ends the behaviour when the simulated process was ended. */
  static final class Ended extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Ended() {
      super("the simulated process was ended", null, false, false);
    }
  }

  /** Why the process was ended. */
  enum Kill { NONE, TIMEOUT, CANCELED }

  private final SimulatedPrograms programs;
  private final String name;
  private final ProgramRequest request;
  private final OperationContext context;
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private boolean truncated;
  private Duration elapsed = Duration.ZERO;
  private Kill kill = Kill.NONE;

  SimulatedProgramRun(SimulatedPrograms programs, String name, ProgramRequest request, OperationContext context) {
    this.programs = programs;
    this.name = name;
    this.request = request;
    this.context = context;
  }

  /**
   * Writes a line to standard output.
   *
   * @param text the line, without its line break
   */
  public void line(String text) {
    Objects.requireNonNull(text, "text");
    if (kill != Kill.NONE) {
      return;
    }
    context.log().info(text);
    append(stdout, text);
  }

  /**
   * Writes a line to standard error.
   *
   * @param text the line, without its line break
   */
  public void errorLine(String text) {
    Objects.requireNonNull(text, "text");
    if (kill != Kill.NONE) {
      return;
    }
    context.log().warn(text);
    append(stderr, text);
  }

  /**
   * Takes virtual time, as work the program does.
   *
   * @param duration how long
   * @throws RuntimeException (of a private type) that ends the behaviour when the timeout
   *     elapsed or the call was canceled; the behaviour should let it pass
   */
  public void take(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A program cannot take a negative time: " + duration);
    }
    if (kill != Kill.NONE) {
      throw new Ended();
    }
    if (context.cancellation().isCancellationRequested()) {
      end(Kill.CANCELED);
    }
    Duration left = request.timeout().minus(elapsed);
    if (duration.compareTo(left) > 0) {
      programs.charge(left);
      elapsed = request.timeout();
      end(Kill.TIMEOUT);
    }
    programs.charge(duration);
    elapsed = elapsed.plus(duration);
  }

  /**
   * Returns the result of exiting now with a code: the exit code and no more output.
   *
   * @param exitCode the unsigned 32-bit exit code
   * @return the result to return from the behaviour
   */
  public ProgramResult exit(long exitCode) {
    return new ProgramResult(exitCode, "", "", false);
  }

  /**
   * Returns how much virtual time the program has taken so far.
   *
   * @return the time taken
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns the context of the call that runs the program.
   *
   * @return the context
   */
  public OperationContext context() {
    return context;
  }

  Kill kill() {
    return kill;
  }

  /** Merges what the program wrote with what its behaviour returned. */
  ProgramResult result(ProgramResult returned) {
    returned.stdout().lines().forEach(this::line);
    returned.stderr().lines().forEach(this::errorLine);
    return new ProgramResult(returned.exitCode(), stdout.toString(), stderr.toString(),
        truncated || returned.outputTruncated());
  }

  private void end(Kill why) {
    kill = why;
    programs.killed(name, why == Kill.TIMEOUT ? "timeout" : "canceled");
    throw new Ended();
  }

  private void append(StringBuilder stream, String text) {
    int room = request.outputLimit() - stream.length();
    String line = text + "\n";
    if (line.length() <= room) {
      stream.append(line);
    } else {
      if (room > 0) {
        stream.append(line, 0, room);
      }
      truncated = true;
    }
  }
}
