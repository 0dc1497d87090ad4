package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A program or a script to run on a node, with its arguments as a list.
 *
 * <p>There is no way to give a command line: the caller never concatenates values into command
 * text, and {@link ProgramRunner} implementations keep every value data (see its rule). A value
 * that holds a NUL character is refused here, because neither Windows nor POSIX can pass it.
 *
 * <pre>{@code
 * ProgramRequest.program("/usr/bin/apt-get", List.of("install", "-y", "--", packageName))
 *     .withTimeout(Duration.ofMinutes(30));
 * ProgramRequest.script(Shell.POWERSHELL, "param($Id) Get-HotFix -Id $Id", List.of(kb))
 *     .withRunAs(RunAs.SYSTEM);
 * }</pre>
 *
 * @param shell {@link Shell#NONE} to start an executable, or the shell that interprets a script
 * @param program the executable's path or name when {@code shell} is {@code NONE}; otherwise
 *     the script body, which travels on standard input or as a file, never on a command line
 * @param arguments the arguments, each passed as one value
 * @param stdin text written to the program's standard input, or {@code null} for none; a script
 *     request cannot have one, as its body uses standard input
 * @param workingDirectory the directory to start in, or {@code null} for the identity's default
 * @param runAs the identity to run as
 * @param timeout the longest time the program may run; the process is ended when it elapses
 * @param outputLimit how many characters of standard output and of standard error the result
 *     keeps; lines beyond it still reach the call's log
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ProgramRequest(
    Shell shell,
    String program,
    List<String> arguments,
    @Nullable String stdin,
    @Nullable String workingDirectory,
    RunAs runAs,
    Duration timeout,
    int outputLimit) {
  /** The timeout of a request that sets none: 30 minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  /** The output limit of a request that sets none: 1 MiB of characters per stream. */
  public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;

  /**
   * Checks the components.
   *
   * @param shell what interprets the request
   * @param program the executable or the script body
   * @param arguments the arguments
   * @param stdin standard input, or {@code null}
   * @param workingDirectory the directory to start in, or {@code null}
   * @param runAs the identity
   * @param timeout the longest run time
   * @param outputLimit characters kept per stream
   */
  public ProgramRequest {
    Objects.requireNonNull(shell, "shell");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(runAs, "runAs");
    Objects.requireNonNull(timeout, "timeout");
    arguments = List.copyOf(arguments);
    if (program.isBlank()) {
      throw new IllegalArgumentException(shell == Shell.NONE ? "program must name an executable, not be blank"
          : "program must be a script body, not blank");
    }
    refuseNul(shell == Shell.NONE ? "program" : "script body", program);
    for (int i = 0; i < arguments.size(); i++) {
      refuseNul("argument " + i, arguments.get(i));
    }
    if (stdin != null) {
      if (shell != Shell.NONE) {
        throw new IllegalArgumentException("stdin cannot be given to a script request: the script body travels on"
            + " standard input; pass data as arguments or run the interpreter as a program");
      }
      refuseNul("stdin", stdin);
    }
    if (workingDirectory != null) {
      if (workingDirectory.isBlank()) {
        throw new IllegalArgumentException("workingDirectory must name a directory or be absent, not blank");
      }
      refuseNul("workingDirectory", workingDirectory);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
    if (outputLimit < 0) {
      throw new IllegalArgumentException("outputLimit must be 0 or more characters, not " + outputLimit);
    }
  }

  /**
   * Creates a request to start an executable.
   *
   * @param program the executable's path, or a name the node looks up
   * @param arguments its arguments, each passed as one value
   * @return the request, as the connected user, with the default timeout and output limit
   */
  public static ProgramRequest program(String program, List<String> arguments) {
    return new ProgramRequest(Shell.NONE, program, arguments, null, null, RunAs.CONNECTED_USER, DEFAULT_TIMEOUT,
        DEFAULT_OUTPUT_LIMIT);
  }

  /**
   * Creates a request to run a script.
   *
   * @param shell the shell that interprets it; not {@link Shell#NONE}
   * @param body the script's text
   * @param arguments the script's arguments, each passed as one value
   * @return the request, as the connected user, with the default timeout and output limit
   */
  public static ProgramRequest script(Shell shell, String body, List<String> arguments) {
    if (shell == Shell.NONE) {
      throw new IllegalArgumentException("A script request needs a shell (POSIX_SH or POWERSHELL), not NONE");
    }
    return new ProgramRequest(shell, body, arguments, null, null, RunAs.CONNECTED_USER, DEFAULT_TIMEOUT,
        DEFAULT_OUTPUT_LIMIT);
  }

  /**
   * Returns this request with text on standard input.
   *
   * @param input the text
   * @return the new request
   */
  public ProgramRequest withStdin(String input) {
    return new ProgramRequest(shell, program, arguments, input, workingDirectory, runAs, timeout, outputLimit);
  }

  /**
   * Returns this request starting in a directory.
   *
   * @param directory the directory
   * @return the new request
   */
  public ProgramRequest withWorkingDirectory(String directory) {
    return new ProgramRequest(shell, program, arguments, stdin, directory, runAs, timeout, outputLimit);
  }

  /**
   * Returns this request running as another identity.
   *
   * @param identity the identity
   * @return the new request
   */
  public ProgramRequest withRunAs(RunAs identity) {
    return new ProgramRequest(shell, program, arguments, stdin, workingDirectory, identity, timeout, outputLimit);
  }

  /**
   * Returns this request with another timeout.
   *
   * @param limit the longest run time
   * @return the new request
   */
  public ProgramRequest withTimeout(Duration limit) {
    return new ProgramRequest(shell, program, arguments, stdin, workingDirectory, runAs, limit, outputLimit);
  }

  /**
   * Returns this request keeping another amount of output.
   *
   * @param characters characters kept per stream
   * @return the new request
   */
  public ProgramRequest withOutputLimit(int characters) {
    return new ProgramRequest(shell, program, arguments, stdin, workingDirectory, runAs, timeout, characters);
  }

  /**
   * Describes the request for logs: the program (or the shell and the script's length) and the
   * number of arguments. Argument values are left out, as they may hold secrets.
   *
   * @return the description
   */
  @Override
  public String toString() {
    String what = shell == Shell.NONE ? "program " + program : shell + " script of " + program.length() + " characters";
    return "ProgramRequest[" + what + ", " + arguments.size() + (arguments.size() == 1 ? " argument" : " arguments")
        + ", runAs=" + runAs + ", timeout=" + timeout + "]";
  }

  private static void refuseNul(String field, String value) {
    int at = value.indexOf('\0');
    if (at >= 0) {
      throw new IllegalArgumentException(field + " holds a NUL character at index " + at
          + "; no node can pass it to a program, so the request is refused");
    }
  }
}
