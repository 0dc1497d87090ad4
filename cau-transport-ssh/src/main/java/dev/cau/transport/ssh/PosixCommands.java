package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command for a node whose login shell is POSIX: fixed text plus values quoted by
 * {@link PosixQuoting}.
 *
 * <p>A program runs as {@code exec 'program' 'arg'...} with the request's standard input; a
 * {@link Shell#POSIX_SH} script runs as {@code exec sh -s -- 'arg'...} with its body on standard
 * input. Before that, the login shell writes its process id to standard error, so that the
 * process group can be ended on timeout or cancel.
 */
final class PosixCommands {
  private PosixCommands() {}

  static RemoteInvocation invocation(ProgramRequest request) {
    StringBuilder command = new StringBuilder("echo \"").append(RemoteInvocation.PID_MARKER).append("$$\" >&2; ");
    String directory = request.workingDirectory();
    if (directory != null) {
      command.append("cd -- ").append(PosixQuoting.quote(directory)).append(" || exit 126; ");
    }
    List<String> words = new ArrayList<>();
    byte[] stdin;
    if (request.shell() == Shell.NONE) {
      words.add(request.program());
      String input = request.stdin();
      stdin = input == null ? new byte[0] : input.getBytes(UTF_8);
    } else {
      words.add("sh");
      words.add("-s");
      words.add("--");
      stdin = request.program().getBytes(UTF_8);
    }
    words.addAll(request.arguments());
    command.append("exec ").append(PosixQuoting.quoteAll(words));
    return new RemoteInvocation(command.toString(), stdin, LoginShell.POSIX);
  }
}
