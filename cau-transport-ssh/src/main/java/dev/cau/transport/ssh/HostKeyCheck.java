package dev.cau.transport.ssh;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.jspecify.annotations.Nullable;

/**
 * Accepts a node's host key only when the known-hosts file holds it for the address and port
 * connected to. An unknown, changed or revoked key is refused, never added to the file; the reason
 * is kept so that the caller can say what happened: on the session, and in this check, because a
 * session that closed after the refusal may already have dropped its attributes.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
  /** Why the host key was refused, for the error message. */
  static final AttributeKey<String> REFUSAL = new AttributeKey<>();

  private final Path file;
  private volatile @Nullable String lastRefusal;

  HostKeyCheck(Path knownHostsFile) {
    super(RejectAllServerKeyVerifier.INSTANCE, knownHostsFile);
    this.file = knownHostsFile;
  }

  @Override
  protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    refuse(session, "the host key of " + remoteAddress + " (" + describe(serverKey)
        + ") is not in the known-hosts file \"" + file + "\"; check the key on the node and add it (see docs/ssh.md)");
    return false;
  }

  @Override
  public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remoteAddress, KnownHostEntry entry,
      PublicKey expected, PublicKey actual) {
    refuse(session, "the host key of " + remoteAddress + " CHANGED: the known-hosts file \"" + file
        + "\" holds " + describe(expected) + " but the node presented " + describe(actual)
        + "; the node may have been reinstalled, or someone may be intercepting the connection");
    return false;
  }

  @Override
  protected void handleRevokedKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    refuse(session, "the host key of " + remoteAddress + " (" + describe(serverKey)
        + ") is marked @revoked in the known-hosts file \"" + file + "\"");
  }

  /** Returns the reason of the last refusal and forgets it; {@code null} if there was none. */
  @Nullable String takeRefusal() {
    String refusal = lastRefusal;
    lastRefusal = null;
    return refusal;
  }

  private void refuse(ClientSession session, String reason) {
    lastRefusal = reason;
    session.setAttribute(REFUSAL, reason);
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
  }
}
