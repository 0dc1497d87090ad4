package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.OperationContext;
import org.apiguardian.api.API;

/**
 * Runs a program or a script on the node and waits for it to end.
 *
 * <p><b>The rule every implementation follows:</b> no value in a request can change which
 * command runs. The program, the script body and every argument reach the node as data: an
 * implementation either passes the argument vector to the node's process API unchanged, or, where
 * the transport only carries a command line, quotes each argument with one documented function
 * that makes the shell see exactly the original string (for a POSIX shell, single quotes around
 * the value with every {@code '} written as {@code '\''}; for PowerShell, the arguments travel
 * encoded, never spliced into script text). Script bodies and large inputs travel on standard
 * input or as a file, never on a command line, whose length is limited. A value holding a NUL
 * character cannot be represented on either system and is refused by {@link ProgramRequest}.
 *
 * <p>Output lines are written to the call's {@link OperationContext#log()} as they arrive, and
 * kept in the result up to {@link ProgramRequest#outputLimit()} characters. When the request's
 * timeout elapses or the context's cancellation is requested, the implementation ends the remote
 * process (and what it started) before it returns, and says how in its documentation.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ProgramRunner {
  /**
   * Runs the request and waits for it to end.
   *
   * @param request what to run, with its arguments, input, directory, identity and timeout
   * @param context the run, cancellation signal, log and clock of the call
   * @return the exit code and output
   * @throws dev.cau.api.NodeOperationException if the program could not be started, the timeout
   *     elapsed (the process was ended), or the node could not be reached
   * @throws dev.cau.api.OperationCanceledException if the call was canceled (the process was
   *     ended)
   */
  ProgramResult run(ProgramRequest request, OperationContext context);
}
