package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The programs a {@link SimulatedNode} can run, offered as its {@link ProgramRunner} capability
 * and reachable as {@link SimulatedNode#programs()}. A test defines each program's behaviour.
 *
 * <p>A request is looked up by its program: for {@link Shell#NONE}, the program exactly as
 * given, then its last path element, then that without {@code .exe}; for a script, the shell's
 * name, {@value #POSIX_SH} or {@value #POWERSHELL}, whose behaviour sees the script body as
 * {@link ProgramRequest#program()}. A program that is not defined exits with
 * {@value #NOT_FOUND_EXIT_CODE} and {@code <program>: command not found} on standard error, as a
 * POSIX shell does.
 *
 * <p>Every run records a step {@code program <name> (<n> arguments)}, never with the argument
 * values, which may be secrets; it takes the time the program takes. A run the timeout or a
 * cancellation ended records a step {@code program <name> killed (timeout)} or
 * {@code (canceled)}. Runs are refused with {@link NodeOperationException} while the node is
 * down. {@link #executed()} keeps every request for assertions. Single threaded, like the
 * simulator.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedPrograms implements ProgramRunner {
  /** The program name that stands for {@link Shell#POSIX_SH} scripts. */
  public static final String POSIX_SH = "sh";

  /** The program name that stands for {@link Shell#POWERSHELL} scripts. */
  public static final String POWERSHELL = "powershell";

  /** The exit code of a program that is not defined, as a POSIX shell reports it. */
  public static final long NOT_FOUND_EXIT_CODE = 127;

  private final SimulatedNode node;
  private final SimulatedCluster cluster;
  private final Map<String, SimulatedProgram> programs = new HashMap<>();
  private final List<ProgramRequest> executed = new ArrayList<>();

  SimulatedPrograms(SimulatedNode node, SimulatedCluster cluster) {
    this.node = node;
    this.cluster = cluster;
  }

  /**
   * Defines how a program behaves; replaces an earlier definition.
   *
   * @param program the program's name or path, or {@value #POSIX_SH} or {@value #POWERSHELL}
   *     for scripts
   * @param behaviour what it does when it runs
   * @return these programs
   */
  public SimulatedPrograms define(String program, SimulatedProgram behaviour) {
    programs.put(Objects.requireNonNull(program, "program"), Objects.requireNonNull(behaviour, "behaviour"));
    return this;
  }

  /**
   * Returns every request run so far, including those of programs that were not defined and
   * those that were ended.
   *
   * @return the requests, oldest first
   */
  public List<ProgramRequest> executed() {
    return List.copyOf(executed);
  }

  @Override
  public ProgramResult run(ProgramRequest request, OperationContext context) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
    String name = request.shell() == Shell.NONE ? request.program()
        : request.shell() == Shell.POSIX_SH ? POSIX_SH : POWERSHELL;
    node.requireRunning("run program " + name);
    context.cancellation().throwIfCancellationRequested();
    executed.add(request);
    int n = request.arguments().size();
    int step = cluster.begin(node.name(), "program " + name + " (" + n + (n == 1 ? " argument)" : " arguments)"));
    SimulatedProgram behaviour = lookUp(name);
    SimulatedProgramRun run = new SimulatedProgramRun(this, name, request, context);
    try {
      if (behaviour == null) {
        run.errorLine(name + ": command not found");
        return run.result(run.exit(NOT_FOUND_EXIT_CODE));
      }
      ProgramResult returned;
      try {
        returned = behaviour.run(request, run);
      } catch (SimulatedProgramRun.Ended e) {
        returned = run.exit(0); // replaced below: the process was ended
      }
      switch (run.kill()) {
        case TIMEOUT -> throw new NodeOperationException(node.name(), "Program " + name + " on node \"" + node.name()
            + "\" did not end within its timeout of " + request.timeout() + "; the timeout elapsed and the process was ended");
        case CANCELED -> throw new OperationCanceledException("Program " + name + " on node \"" + node.name()
            + "\" was ended because the run was canceled");
        default -> {
          return run.result(returned);
        }
      }
    } finally {
      cluster.end(step, run.elapsed());
    }
  }

  private @Nullable SimulatedProgram lookUp(String name) {
    SimulatedProgram exact = programs.get(name);
    if (exact != null) {
      return exact;
    }
    int at = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String file = name.substring(at + 1);
    SimulatedProgram byFile = programs.get(file);
    if (byFile != null || !file.toLowerCase(java.util.Locale.ROOT).endsWith(".exe")) {
      return byFile;
    }
    return programs.get(file.substring(0, file.length() - 4));
  }

  void charge(Duration duration) {
    cluster.simulator().charge(duration);
  }

  void killed(String name, String why) {
    cluster.record(node.name(), "program " + name + " killed (" + why + ")", Duration.ZERO);
  }
}
