package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * MINA's SSH server in the test JVM, standing in for a Windows node (no Windows can run here): it
 * records each command and the standard input it received, reports a process id as the PowerShell
 * prologue does, and either exits at once or, for a command marked to hang, waits until a
 * {@code taskkill} command arrives.
 */
final class InProcessSshServer implements AutoCloseable {
  /** The process id every recorded command reports. */
  static final long PID = 4242;

  record Received(String command, byte[] stdin) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final Path userKey;
  final Path knownHosts;
  final int port;
  private final SshServer server;
  private final CountDownLatch killed = new CountDownLatch(1);
  private volatile boolean hang;

  InProcessSshServer(Path directory) throws Exception {
    KeyPair user = KeyUtils.generateKeyPair(KeyPairProviderNames.EC, 256);
    userKey = directory.resolve("user_ec");
    try (OutputStream out = Files.newOutputStream(userKey)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "test", null, out);
    }
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    server.setPublickeyAuthenticator((name, key, session) -> KeyUtils.compareKeys(key, user.getPublic()));
    server.setCommandFactory((channel, command) -> new Recording(command));
    server.start();
    port = server.getPort();
    PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    knownHosts = Files.writeString(directory.resolve("known_hosts"),
        "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n");
  }

  SshTarget windowsTarget() {
    return new SshTarget("win1", "127.0.0.1", port, "Administrator", userKey, null, knownHosts, LoginShell.WINDOWS,
        SshTarget.DEFAULT_CONNECT_TIMEOUT);
  }

  /** Makes the next commands wait until a taskkill command arrives. */
  void hangUntilKilled() {
    hang = true;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** Names of key types for {@link KeyUtils#generateKeyPair}. */
  private static final class KeyPairProviderNames {
    static final String EC = "ecdsa-sha2-nistp256";
  }

  private final class Recording implements Command {
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    Recording(String command) {
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream input) {
      in = input;
    }

    @Override
    public void setOutputStream(OutputStream output) {
      out = output;
    }

    @Override
    public void setErrorStream(OutputStream error) {
      err = error;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread worker = new Thread(this::serve, "recording-command");
      worker.setDaemon(true);
      worker.start();
    }

    private void serve() {
      try {
        if (command.startsWith("taskkill ")) {
          received.add(new Received(command, new byte[0]));
          killed.countDown();
          exit.onExit(0);
          return;
        }
        err.write((RemoteInvocation.PID_MARKER + PID + "\r\n").getBytes(UTF_8));
        err.flush();
        byte[] stdin = in.readAllBytes();
        received.add(new Received(command, stdin));
        if (hang) {
          killed.await();
          exit.onExit(1);
          return;
        }
        out.write("ran\r\n".getBytes(UTF_8));
        out.flush();
        exit.onExit(0);
      } catch (IOException | InterruptedException e) {
        exit.onExit(255, e.toString());
      }
    }

    @Override
    public void destroy(ChannelSession channel) {
      // the worker ends with its exit callback
    }
  }
}
