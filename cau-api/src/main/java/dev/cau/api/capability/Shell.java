package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What interprets a {@link ProgramRequest}: the node's program loader, or a named shell. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Shell {
  /** No shell: the request names an executable, started with its arguments as they are. */
  NONE,
  /**
   * A POSIX shell ({@code sh}): the request is a script body; its arguments are the script's
   * positional parameters {@code $1}, {@code $2}, and so on.
   */
  POSIX_SH,
  /**
   * Windows PowerShell or PowerShell 7: the request is a script body; its arguments are the
   * script's {@code $args}, each passed as one string.
   */
  POWERSHELL
}
