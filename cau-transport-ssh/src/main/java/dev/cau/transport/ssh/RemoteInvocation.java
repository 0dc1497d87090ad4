package dev.cau.transport.ssh;

import java.util.Objects;

/**
 * What is sent to the node for one request: the command text of the exec channel, the bytes
 * written to the command's standard input, and how to end it.
 *
 * @param command the exec channel's command, built only from fixed text and quoted values
 * @param stdin the bytes written to standard input, after which it is closed
 * @param loginShell the shell that reads {@code command}, which decides how the process is ended
 */
record RemoteInvocation(String command, byte[] stdin, LoginShell loginShell) {
  /** The first line the command writes to standard error: this marker and its process id. */
  static final String PID_MARKER = "cau-pid:";

  RemoteInvocation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(loginShell, "loginShell");
  }

  /**
   * Returns the command that ends the process a command of this kind reported, with everything it
   * started.
   *
   * @param pid the process id the command reported (digits only, checked by the caller)
   * @return the command text
   */
  String killCommand(long pid) {
    return switch (loginShell) {
      // The SSH server made the login shell a session and process group leader, and the command
      // exec'd the program in its place: the group is the program and everything it started.
      // "kill -s SIG -- -PID" is the form dash, bash and busybox all accept for a process group.
      case POSIX -> "kill -s TERM -- -" + pid + " 2>/dev/null || exit 0; sleep 1; kill -s KILL -- -" + pid
          + " 2>/dev/null; exit 0";
      case WINDOWS -> "taskkill /T /F /PID " + pid;
    };
  }
}
