package dev.cau.transport.ssh;

import dev.cau.api.NodeOperationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's SSH connection: connected on first use, kept alive with keep-alive requests, and
 * connected again when it was lost.
 *
 * <p>The client uses only what the target names: its key file (no agent, no {@code ~/.ssh} keys,
 * no {@code ~/.ssh/config}) and its known-hosts file. Thread-safe.
 */
final class SshConnection implements AutoCloseable {
  /** How often an idle connection sends a keep-alive request. */
  static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  /** How many keep-alive requests may go unanswered before the connection counts as lost. */
  static final int KEEP_ALIVE_MISSES = 4;

  private static final Logger log = LoggerFactory.getLogger(SshConnection.class);

  private final SshTarget target;
  private final HostKeyCheck hostKeyCheck;
  private @Nullable SshClient client;
  private @Nullable ClientSession session;
  private boolean closed;

  SshConnection(SshTarget target) {
    this.target = Objects.requireNonNull(target, "target");
    this.hostKeyCheck = new HostKeyCheck(target.knownHostsFile());
  }

  /** Returns the open session, connecting (again) if there is none. */
  synchronized ClientSession session() {
    if (closed) {
      throw new NodeOperationException(target.nodeName(), "the SSH connection to " + where() + " was closed");
    }
    ClientSession current = session;
    if (current != null && current.isOpen() && !current.isClosing()) {
      return current;
    }
    if (current != null) {
      log.debug("SSH connection to {} was lost; connecting again", where());
      current.close(true);
    }
    session = connect();
    return session;
  }

  /** Drops the current session, so that the next call connects again. */
  synchronized void drop() {
    ClientSession current = session;
    session = null;
    if (current != null) {
      current.close(true);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    drop();
    SshClient started = client;
    client = null;
    if (started != null) {
      started.stop();
    }
  }

  private ClientSession connect() {
    List<KeyPair> keys = loadKeys();
    SshClient sshClient = client();
    Duration timeout = target.connectTimeout();
    ClientSession connected;
    hostKeyCheck.takeRefusal(); // forget one from an earlier attempt
    try {
      connected = sshClient.connect(target.user(), target.host(), target.port()).verify(timeout).getSession();
    } catch (IOException e) {
      throw new NodeOperationException(target.nodeName(), "cannot connect to " + where() + ": " + e.getMessage(), e);
    }
    keys.forEach(connected::addPublicKeyIdentity);
    try {
      connected.auth().verify(timeout);
      log.debug("SSH connection to {} as {} authenticated", where(), target.user());
      return connected;
    } catch (IOException e) {
      String refusal = hostKeyCheck.takeRefusal();
      connected.close(true);
      if (refusal != null) {
        throw new NodeOperationException(target.nodeName(), "refused to connect to node \"" + target.nodeName() + "\": "
            + refusal, e);
      }
      throw new NodeOperationException(target.nodeName(), "SSH authentication of user \"" + target.user() + "\" at "
          + where() + " with the key file \"" + target.identityFile() + "\" failed: " + e.getMessage(), e);
    }
  }

  private SshClient client() {
    SshClient started = client;
    if (started == null) {
      started = SshClient.setUpDefaultClient();
      started.setServerKeyVerifier(hostKeyCheck);
      started.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
      started.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
      started.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
      CoreModuleProperties.HEARTBEAT_INTERVAL.set(started, KEEP_ALIVE_INTERVAL);
      CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(started, KEEP_ALIVE_MISSES);
      started.start();
      client = started;
    }
    return started;
  }

  /** Reads the key file; the passphrase never appears in a message. */
  private List<KeyPair> loadKeys() {
    String passphrase = target.passphrase();
    FilePasswordProvider passwords = passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = Files.newInputStream(target.identityFile())) {
      Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null,
          () -> target.identityFile().toString(), in, passwords);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new NodeOperationException(target.nodeName(), "cannot read the private key file \""
          + target.identityFile() + "\" for node \"" + target.nodeName() + "\""
          + (passphrase == null ? " (no passphrase was given; an encrypted key needs one)"
              : " (the passphrase may be wrong)") + ": " + e.getClass().getSimpleName(), e);
    }
    if (keys.isEmpty()) {
      throw new NodeOperationException(target.nodeName(), "the file \"" + target.identityFile()
          + "\" holds no private key");
    }
    return keys;
  }

  private String where() {
    return target.user() + "@" + target.host() + ":" + target.port();
  }
}
