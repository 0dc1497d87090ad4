package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import org.apiguardian.api.API;

/**
 * How a program defined on a {@link SimulatedPrograms} behaves when it runs: it writes lines,
 * takes virtual time through its {@link SimulatedProgramRun}, and returns its result.
 *
 * <p>The result the caller gets has the returned exit code; its output is what the program
 * wrote with {@link SimulatedProgramRun#line} and {@link SimulatedProgramRun#errorLine},
 * followed by the returned result's own output, within the request's output limit.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface SimulatedProgram {
  /**
   * Runs the program.
   *
   * @param request what the caller asked for: the program or script body, arguments, input
   * @param run writes output and takes time
   * @return how the program ended
   */
  ProgramResult run(ProgramRequest request, SimulatedProgramRun run);

  /**
   * Returns a program that writes lines to standard output and exits with a code.
   *
   * @param exitCode the unsigned 32-bit exit code
   * @param lines the lines it writes
   * @return the program
   */
  static SimulatedProgram exitingWith(long exitCode, String... lines) {
    String[] copy = lines.clone();
    return (request, run) -> {
      for (String line : copy) {
        run.line(line);
      }
      return run.exit(exitCode);
    };
  }
}
