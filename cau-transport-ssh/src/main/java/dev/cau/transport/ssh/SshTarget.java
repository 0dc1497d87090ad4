package dev.cau.transport.ssh;

import dev.cau.api.InvalidOptionsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one node over SSH.
 *
 * @param nodeName the node's name in the cluster, used in messages
 * @param host the address or DNS name to connect to
 * @param port the SSH port, 1 to 65535
 * @param user the account to log in as
 * @param identityFile the private key (OpenSSH or PEM format) that authenticates the user
 * @param passphrase the key's passphrase, or {@code null} for a key without one; never logged
 * @param knownHostsFile the known-hosts file that holds the node's host key; a key that is not
 *     in it, or differs from the one in it, is refused
 * @param loginShell what the node's SSH server runs commands with
 * @param connectTimeout the longest wait for connecting, authenticating and opening a channel
 */
public record SshTarget(
    String nodeName,
    String host,
    int port,
    String user,
    Path identityFile,
    @Nullable String passphrase,
    Path knownHostsFile,
    LoginShell loginShell,
    Duration connectTimeout) {
  /** The SSH port of a target that names none. */
  public static final int DEFAULT_PORT = 22;

  /** The connect timeout of a target that sets none: 30 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Checks the components; the files are checked when a runner is created for the target.
   *
   * @param nodeName the node's name
   * @param host the address
   * @param port the port
   * @param user the account
   * @param identityFile the private key
   * @param passphrase the key's passphrase, or {@code null}
   * @param knownHostsFile the known-hosts file
   * @param loginShell the node's login shell
   * @param connectTimeout the connect timeout
   */
  public SshTarget {
    Objects.requireNonNull(identityFile, "identityFile");
    Objects.requireNonNull(knownHostsFile, "knownHostsFile");
    Objects.requireNonNull(loginShell, "loginShell");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    requireWord("nodeName", nodeName);
    requireWord("host", host);
    requireWord("user", user);
    if (port < 1 || port > 65535) {
      throw new InvalidOptionsException("port", Integer.toString(port), "between 1 and 65535");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new InvalidOptionsException("connectTimeout", connectTimeout.toString(), "a positive duration");
    }
  }

  /**
   * Creates a target on port 22 with a POSIX login shell, no passphrase and the default connect
   * timeout.
   *
   * @param nodeName the node's name
   * @param host the address
   * @param user the account
   * @param identityFile the private key
   * @param knownHostsFile the known-hosts file
   * @return the target
   */
  public static SshTarget of(String nodeName, String host, String user, Path identityFile, Path knownHostsFile) {
    return new SshTarget(nodeName, host, DEFAULT_PORT, user, identityFile, null, knownHostsFile, LoginShell.POSIX,
        DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Returns this target on another port.
   *
   * @param sshPort the port
   * @return the new target
   */
  public SshTarget withPort(int sshPort) {
    return new SshTarget(nodeName, host, sshPort, user, identityFile, passphrase, knownHostsFile, loginShell,
        connectTimeout);
  }

  /**
   * Returns this target with a key passphrase.
   *
   * @param keyPassphrase the passphrase
   * @return the new target
   */
  public SshTarget withPassphrase(String keyPassphrase) {
    return new SshTarget(nodeName, host, port, user, identityFile, keyPassphrase, knownHostsFile, loginShell,
        connectTimeout);
  }

  /**
   * Returns this target with another login shell.
   *
   * @param shell the node's login shell
   * @return the new target
   */
  public SshTarget withLoginShell(LoginShell shell) {
    return new SshTarget(nodeName, host, port, user, identityFile, passphrase, knownHostsFile, shell,
        connectTimeout);
  }

  /**
   * Returns this target with another connect timeout.
   *
   * @param timeout the connect timeout
   * @return the new target
   */
  public SshTarget withConnectTimeout(Duration timeout) {
    return new SshTarget(nodeName, host, port, user, identityFile, passphrase, knownHostsFile, loginShell, timeout);
  }

  /**
   * Describes the target without its passphrase.
   *
   * @return for example {@code SshTarget[node1: root@10.0.0.1:22, key /etc/cau/id_ed25519]}
   */
  @Override
  public String toString() {
    return "SshTarget[" + nodeName + ": " + user + "@" + host + ":" + port + ", key " + identityFile
        + (passphrase == null ? "" : " (with passphrase)") + ", known hosts " + knownHostsFile + ", " + loginShell
        + "]";
  }

  private static void requireWord(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new InvalidOptionsException(field, '"' + value + '"', "non-blank text without spaces or control characters");
    }
  }
}
