package dev.cau.pacemaker;

import dev.cau.api.CancellationSignal;
import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs the cluster's own programs on one node, with arguments as data, and turns a failure into a
 * {@link NodeOperationException} that names the node, the program and what it said.
 */
final class NodeCommands {
  /** How long a query program may take. */
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);
  /** Run ids of calls the backend makes on its own (snapshots), outside any run. */
  private static final RunId NO_RUN = new RunId(new UUID(0, 0));

  private final String node;
  private final ProgramRunner runner;

  NodeCommands(String node, ProgramRunner runner) {
    this.node = node;
    this.runner = runner;
  }

  String node() {
    return node;
  }

  ProgramRunner runner() {
    return runner;
  }

  /** Runs a program and returns its result whatever its exit code. */
  ProgramResult run(String program, List<String> arguments, Duration timeout, OperationContext context) {
    ProgramRequest request = ProgramRequest.program(program, arguments).withTimeout(timeout);
    try {
      return runner.run(request, quiet(context));
    } catch (OperationCanceledException | NodeOperationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new NodeOperationException(node, "Node \"" + node + "\" could not run " + program + ": " + e.getMessage(), e);
    }
  }

  /** Runs a program and returns its standard output, or fails naming its exit code and error. */
  String output(String program, List<String> arguments, Duration timeout, OperationContext context) {
    ProgramResult result = run(program, arguments, timeout, context);
    if (!result.succeeded()) {
      throw failed(program, arguments, result);
    }
    return result.stdout();
  }

  NodeOperationException failed(String program, List<String> arguments, ProgramResult result) {
    String said = result.stderr().isBlank() ? result.stdout().strip() : result.stderr().strip();
    if (said.length() > 500) {
      said = said.substring(0, 500) + "...";
    }
    return new NodeOperationException(node, program + " " + String.join(" ", arguments) + " on node \"" + node
        + "\" ended with exit code " + result.exitCode() + (said.isEmpty() ? "" : ": " + said));
  }

  /**
   * The context of a call the backend makes on its own behalf, such as a snapshot: no run, never
   * canceled, the system clock.
   */
  static OperationContext ownContext(String node) {
    return new OperationContext() {
      @Override
      public RunId runId() {
        return NO_RUN;
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
        return SILENT;
      }

      @Override
      public Clock clock() {
        return RealTime.CLOCK;
      }
    };
  }

  /** The same call without the transport echoing every output line (crm_mon's XML) to the run log. */
  private static OperationContext quiet(OperationContext context) {
    return new OperationContext() {
      @Override
      public RunId runId() {
        return context.runId();
      }

      @Override
      public String nodeName() {
        return context.nodeName();
      }

      @Override
      public CancellationSignal cancellation() {
        return context.cancellation();
      }

      @Override
      public OperationLog log() {
        return SILENT;
      }

      @Override
      public Clock clock() {
        return context.clock();
      }
    };
  }

  private static final OperationLog SILENT = new OperationLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}
  };
}
