package dev.cau.transport.ssh;

/** What the node's SSH server runs a command with: the user's login shell. */
public enum LoginShell {
  /**
   * A POSIX shell ({@code sh}, {@code dash}, {@code bash}): Linux and other Unix nodes. Programs
   * and {@link dev.cau.api.capability.Shell#POSIX_SH} scripts can run.
   */
  POSIX,
  /**
   * Windows PowerShell or {@code cmd.exe} on a Windows node running OpenSSH: the command starts
   * {@code powershell.exe} with a fixed prologue. Programs and
   * {@link dev.cau.api.capability.Shell#POWERSHELL} scripts can run.
   */
  WINDOWS
}
