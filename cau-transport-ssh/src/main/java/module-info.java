/**
 * Node capabilities over SSH: {@link dev.cau.api.capability.ProgramRunner} for Linux nodes (a
 * POSIX login shell) and Windows nodes (OpenSSH with PowerShell), with host keys pinned in a
 * known-hosts file and public-key authentication, and {@link dev.cau.api.capability.NodeFiles} for
 * Linux nodes over SFTP on the same connection. Start at
 * {@link dev.cau.transport.ssh.SshProgramRunner}.
 */
module dev.cau.transport.ssh {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;
  requires org.slf4j;
  requires org.apache.sshd.osgi;
  requires org.apache.sshd.sftp;
  requires com.fasterxml.jackson.core;

  exports dev.cau.transport.ssh;
}
