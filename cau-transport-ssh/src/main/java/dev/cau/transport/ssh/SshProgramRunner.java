package dev.cau.transport.ssh;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs and scripts on one node over SSH.
 *
 * <p><b>Arguments are data.</b> On a {@link LoginShell#POSIX} node the command is fixed text plus
 * values quoted by {@link PosixQuoting}; a script's body travels on standard input to
 * {@code sh -s}. On a {@link LoginShell#WINDOWS} node the command is always
 * {@link PowerShellPrologue#COMMAND} and the request travels on standard input as a document.
 *
 * <p><b>Ending the remote process.</b> Without a terminal, an SSH server leaves a command running
 * when the client goes away, so closing the channel is not enough. Every command first writes its
 * process id to standard error (taken out of the output). When the request's timeout elapses, or
 * the call's cancellation is requested or its thread interrupted, the runner opens a second channel
 * that ends the process and everything it started: on POSIX nodes {@code SIGTERM}, then one second
 * later {@code SIGKILL}, to the process group the SSH server created for the command; on Windows
 * {@code taskkill /T /F} on the process tree. Then the call throws.
 *
 * <p><b>Identities.</b> Requests run as the connected user. {@link RunAs#SYSTEM} is accepted only
 * on a POSIX node reached as {@code root}; otherwise it is refused before anything runs.
 *
 * <p>One connection is kept per runner and connected again when it was lost; a call whose channel
 * could not be opened on a lost connection is tried once more on a new one (nothing had started).
 * Output is streamed: each line goes to the call's log as it arrives, and the result keeps up to
 * the request's output limit. Thread-safe: calls may run at the same time, each on its own channel.
 */
public final class SshProgramRunner implements ProgramRunner, AutoCloseable {
  /** How often a waiting call looks at its deadline and cancellation. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** The longest wait for the command that ends a timed-out or canceled process. */
  static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(SshProgramRunner.class);

  private final SshTarget target;
  private final SshConnection connection;
  private final NodeFiles files;

  private SshProgramRunner(SshTarget target) {
    this.target = target;
    this.connection = new SshConnection(target);
    this.files = new SshNodeFiles(target, connection);
  }

  /**
   * Creates a runner for a node, checking its files; it connects on the first call.
   *
   * @param target how to reach the node
   * @return the runner; close it to close the connection
   * @throws InvalidOptionsException if the key file or the known-hosts file is not a readable file
   */
  public static SshProgramRunner create(SshTarget target) {
    requireReadableFile("identityFile", target.identityFile());
    requireReadableFile("knownHostsFile", target.knownHostsFile());
    return new SshProgramRunner(target);
  }

  /**
   * Returns the node this runner reaches.
   *
   * @return the target
   */
  public SshTarget target() {
    return target;
  }

  /**
   * Returns the node's files, read over SFTP on this runner's connection; closing the runner
   * closes them too.
   *
   * <p>Linux nodes only ({@link LoginShell#POSIX}); on others every call throws
   * {@link NodeOperationException}. Paths travel as SFTP data, never through a shell. Links are
   * reported as links and never followed. {@link NodeFiles#sha256} streams the file through the
   * connection (SFTP has no hash on the server side) in constant memory. Access entries are the
   * POSIX owner ({@code uid:N}), group ({@code gid:N}) and {@code other}, mapped from the mode
   * bits; {@link NodeFiles#shareSecurity} is refused, as SFTP cannot tell it. See
   * {@code docs/ssh.md}.
   *
   * @return the node's files
   */
  public NodeFiles files() {
    return files;
  }

  @Override
  public ProgramResult run(ProgramRequest request, OperationContext context) {
    RemoteInvocation invocation = invocation(request);
    context.cancellation().throwIfCancellationRequested();
    OutputCapture stdout = new OutputCapture(request.outputLimit(), line -> context.log().info(line), false);
    OutputCapture stderr = new OutputCapture(request.outputLimit(), line -> context.log().info("stderr: " + line),
        true);
    Instant deadline = context.clock().instant().plus(request.timeout());
    ChannelExec channel = open(invocation, stdout, stderr);
    try {
      awaitEnd(channel, invocation, stderr, request, context, deadline);
      stdout.finish();
      stderr.finish();
      return new ProgramResult(exitCode(channel), stdout.text(), stderr.text(),
          stdout.truncated() || stderr.truncated());
    } finally {
      channel.close(true);
    }
  }

  @Override
  public void close() {
    connection.close();
  }

  private RemoteInvocation invocation(ProgramRequest request) {
    if (request.runAs() == RunAs.SYSTEM && !(target.loginShell() == LoginShell.POSIX && target.user().equals("root"))) {
      throw new NodeOperationException(target.nodeName(), "cannot run " + request + " as SYSTEM on node \""
          + target.nodeName() + "\": the SSH transport runs programs as the connected user \"" + target.user()
          + "\"; connect as root (Linux) or use a transport that provides SYSTEM");
    }
    return switch (target.loginShell()) {
      case POSIX -> {
        if (request.shell() == Shell.POWERSHELL) {
          throw new NodeOperationException(target.nodeName(), "cannot run a POWERSHELL script on node \""
              + target.nodeName() + "\": its login shell is POSIX; run pwsh as a program instead");
        }
        yield PosixCommands.invocation(request);
      }
      case WINDOWS -> {
        if (request.shell() == Shell.POSIX_SH) {
          throw new NodeOperationException(target.nodeName(), "cannot run a POSIX_SH script on node \""
              + target.nodeName() + "\": its login shell is WINDOWS");
        }
        yield PowerShellPrologue.invocation(request);
      }
    };
  }

  private ChannelExec open(RemoteInvocation invocation, OutputCapture stdout, OutputCapture stderr) {
    try {
      return openOnce(invocation, stdout, stderr);
    } catch (IOException | IllegalStateException firstFailure) {
      // IllegalStateException: the session was closing when the channel was registered.
      log.debug("Opening a channel to node {} failed ({}); connecting again", target.nodeName(), firstFailure.toString());
      connection.drop();
      try {
        return openOnce(invocation, stdout, stderr);
      } catch (IOException | IllegalStateException e) {
        throw new NodeOperationException(target.nodeName(), "cannot start a command on node \"" + target.nodeName()
            + "\": " + e.getMessage(), e);
      }
    }
  }

  private ChannelExec openOnce(RemoteInvocation invocation, OutputCapture stdout, OutputCapture stderr)
      throws IOException {
    ClientSession session = connection.session();
    ChannelExec channel = session.createExecChannel(invocation.command());
    channel.setIn(new ByteArrayInputStream(invocation.stdin()));
    channel.setOut(stdout);
    channel.setErr(stderr);
    try {
      channel.open().verify(target.connectTimeout());
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close(true);
      throw e;
    }
  }

  private void awaitEnd(ChannelExec channel, RemoteInvocation invocation, OutputCapture stderr, ProgramRequest request,
      OperationContext context, Instant deadline) {
    Set<ClientChannelEvent> closed = EnumSet.of(ClientChannelEvent.CLOSED);
    while (!channel.waitFor(closed, POLL_INTERVAL).contains(ClientChannelEvent.CLOSED)) {
      if (context.cancellation().isCancellationRequested() || Thread.currentThread().isInterrupted()) {
        String ended = endRemote(invocation, reportedPid(channel, stderr, context));
        throw new OperationCanceledException("The run was canceled while " + request + " ran on node \""
            + target.nodeName() + "\"; " + ended);
      }
      if (!context.clock().instant().isBefore(deadline)) {
        String ended = endRemote(invocation, reportedPid(channel, stderr, context));
        throw new NodeOperationException(target.nodeName(), request + " did not end within " + request.timeout()
            + " on node \"" + target.nodeName() + "\"; " + ended);
      }
    }
  }

  /**
   * Returns the process id the command reported, waiting up to {@link #KILL_TIMEOUT} for it when
   * the command is still starting (a slow login shell).
   */
  private static OptionalLong reportedPid(ChannelExec channel, OutputCapture stderr, OperationContext context) {
    Instant giveUp = context.clock().instant().plus(KILL_TIMEOUT);
    Set<ClientChannelEvent> closed = EnumSet.of(ClientChannelEvent.CLOSED);
    while (stderr.pid().isEmpty() && context.clock().instant().isBefore(giveUp)
        && !channel.waitFor(closed, POLL_INTERVAL).contains(ClientChannelEvent.CLOSED)) {
      // waiting for the first line of standard error
    }
    return stderr.pid();
  }

  /** Ends the remote process and what it started; returns what was done, for the message. */
  private String endRemote(RemoteInvocation invocation, OptionalLong pid) {
    if (pid.isEmpty()) {
      return "its process id was not reported, so the remote process may still be running";
    }
    try {
      ChannelExec kill = connection.session().createExecChannel(invocation.killCommand(pid.getAsLong()));
      kill.setIn(new ByteArrayInputStream(new byte[0]));
      kill.open().verify(target.connectTimeout());
      kill.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), KILL_TIMEOUT);
      kill.close(true);
      return "its remote process " + pid.getAsLong() + " and everything it started were ended";
    } catch (IOException | RuntimeException e) {
      log.warn("Could not end remote process {} on node {}", pid.getAsLong(), target.nodeName(), e);
      return "ending its remote process " + pid.getAsLong() + " failed (" + e.getMessage() + "); it may still be running";
    }
  }

  private long exitCode(ChannelExec channel) {
    Integer status = channel.getExitStatus();
    if (status != null) {
      return Integer.toUnsignedLong(status);
    }
    String signal = channel.getExitSignal();
    throw new NodeOperationException(target.nodeName(), signal != null
        ? "the command on node \"" + target.nodeName() + "\" was ended by signal " + signal
        : "the connection to node \"" + target.nodeName() + "\" was lost before the command reported its exit code");
  }

  private static void requireReadableFile(String field, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidOptionsException(field, '"' + file.toString() + '"', "a readable file");
    }
  }
}
