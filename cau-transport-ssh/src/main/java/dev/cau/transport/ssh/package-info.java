/**
 * Runs programs and scripts on cluster nodes over SSH, and reads files on Linux nodes over SFTP
 * ({@link dev.cau.transport.ssh.SshProgramRunner#files()}).
 *
 * <p>{@link dev.cau.transport.ssh.SshTarget} says how to reach a node (address, user, key file,
 * known-hosts file, login shell); {@link dev.cau.transport.ssh.SshProgramRunner} keeps one
 * connection to it and runs {@link dev.cau.api.capability.ProgramRequest}s. No value of a
 * request becomes command text: {@link dev.cau.transport.ssh.PosixQuoting} quotes arguments for
 * a POSIX shell, and {@link dev.cau.transport.ssh.PowerShellPrologue} sends them to PowerShell as
 * a document on standard input.
 */
@NullMarked
package dev.cau.transport.ssh;

import org.jspecify.annotations.NullMarked;
