package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server for one test class: {@code /usr/sbin/sshd -D} on a free loopback port,
 * with its own configuration, a generated host key and a generated user key. Tests log in as the
 * user running them, or, when that is root, as an unprivileged system account with {@code /bin/sh}
 * (created once). No system service is involved and nothing listens beyond 127.0.0.1.
 */
final class OpenSshServer implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");
  static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
  static final String REQUIRE_REAL_BACKENDS = "CAU_REQUIRE_REAL_BACKENDS";
  static final String TEST_ACCOUNT = "cau-ssh-test";

  final Path directory;
  final int port;
  final Path userKey;
  final Path knownHosts;
  final String user;
  private final Process process;

  private OpenSshServer(Path directory, int port, Path userKey, Path knownHosts, Process process, String user) {
    this.user = user;
    this.directory = directory;
    this.port = port;
    this.userKey = userKey;
    this.knownHosts = knownHosts;
    this.process = process;
  }

  /** Skips the calling test when sshd is missing, or fails it when real backends are required. */
  static void assumeInstalled() {
    if (Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN)) {
      return;
    }
    String message = SSHD + " or " + SSH_KEYGEN + " is missing: install Debian's openssh-server"
        + " (apt-get install openssh-server; no service needs to run) to run the SSH transport tests";
    if ("1".equals(System.getenv(REQUIRE_REAL_BACKENDS))) {
      fail(message + " (" + REQUIRE_REAL_BACKENDS + "=1, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  static OpenSshServer start(Path directory) throws IOException, InterruptedException {
    assumeInstalled();
    String user = isRoot() ? unprivilegedAccount() : System.getProperty("user.name");
    // The account reads authorized_keys and runs commands in this directory.
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path hostKey = generateKey(directory, "host_ed25519", "");
    Path userKey = generateKey(directory, "user_ed25519", "");
    Files.copy(directory.resolve("user_ed25519.pub"), directory.resolve("authorized_keys"));
    Files.setPosixFilePermissions(directory.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
    int port = freePort();
    Path knownHosts = directory.resolve("known_hosts");
    Files.writeString(knownHosts, knownHostsLine(port, directory.resolve("host_ed25519.pub")));
    Path config = directory.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "HostKey " + hostKey,
        "PidFile " + directory.resolve("sshd.pid"),
        "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PermitRootLogin no",
        "LogLevel INFO",
        // NodeFiles reads over SFTP; the built-in server needs no helper program.
        "Subsystem sftp internal-sftp",
        ""));
    if (isRoot()) {
      // sshd started by root separates privileges and needs this directory (a service would make it).
      Files.createDirectories(Path.of("/run/sshd"));
    }
    Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p",
        Integer.toString(port)).redirectErrorStream(true).start();
    BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.add(line);
      if (line.contains("Server listening on 127.0.0.1 port " + port)) {
        drain(log);
        return new OpenSshServer(directory, port, userKey, knownHosts, process, user);
      }
    }
    process.waitFor(5, TimeUnit.SECONDS);
    throw new IllegalStateException("sshd did not start: " + String.join("\n", seen));
  }

  /** Generates a key pair with ssh-keygen; returns the private key's path. */
  static Path generateKey(Path directory, String name, String passphrase) throws IOException, InterruptedException {
    Path key = directory.resolve(name);
    run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", key.toString());
    return key;
  }

  static String knownHostsLine(int port, Path publicKey) throws IOException {
    String[] fields = Files.readString(publicKey).trim().split(" ");
    return "[127.0.0.1]:" + port + " " + fields[0] + " " + fields[1] + "\n";
  }

  SshTarget target() {
    return new SshTarget("node1", "127.0.0.1", port, user, userKey, null, knownHosts, LoginShell.POSIX,
        SshTarget.DEFAULT_CONNECT_TIMEOUT);
  }

  /** Ends every connection the server is serving (its child processes), leaving it listening. */
  void dropConnections() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(child -> child.onExit().join());
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    process.waitFor();
  }

  /**
   * Returns the account tests log in as when they run as root: a system account with {@code /bin/sh}
   * as its shell and no home, created once. Logging in as root would run root's shell start-up
   * files, which on a shared build machine may be slow or wait for locks, and commands would run
   * with more rights than the tests need.
   */
  private static String unprivilegedAccount() throws IOException, InterruptedException {
    if (new ProcessBuilder("id", "-u", TEST_ACCOUNT).start().waitFor() != 0) {
      run("useradd", "--system", "--shell", "/bin/sh", "--home-dir", "/nonexistent", "--no-create-home",
          TEST_ACCOUNT);
    }
    // "*": no password can log in, but unlike useradd's "!" the account is not locked, which sshd
    // without PAM would refuse even for a key.
    run("usermod", "--password", "*", TEST_ACCOUNT);
    return TEST_ACCOUNT;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** Keeps reading the server's log so that it never blocks on a full pipe. */
  private static void drain(BufferedReader log) {
    Thread drainer = new Thread(() -> {
      try {
        while (log.readLine() != null) {
          // discarded: the log is only needed until the server listens
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "sshd-log");
    drainer.setDaemon(true);
    drainer.start();
  }
}
