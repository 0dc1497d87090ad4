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

/**
 * Accepts a node's host key only when the known-hosts file holds it for the address and port
 * connected to. An unknown, changed or revoked key is refused, never added to the file; the reason
 * is kept on the session so that the caller can say what happened.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
  /** Why the host key was refused, for the error message. */
  static final AttributeKey<String> REFUSAL = new AttributeKey<>();

  private final Path file;

  HostKeyCheck(Path knownHostsFile) {
    super(RejectAllServerKeyVerifier.INSTANCE, knownHostsFile);
    this.file = knownHostsFile;
  }

  @Override
  protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    session.setAttribute(REFUSAL, "the host key of " + remoteAddress + " (" + describe(serverKey)
        + ") is not in the known-hosts file \"" + file + "\"; check the key on the node and add it (see docs/ssh-transport.md)");
    return false;
  }

  @Override
  public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remoteAddress, KnownHostEntry entry,
      PublicKey expected, PublicKey actual) {
    session.setAttribute(REFUSAL, "the host key of " + remoteAddress + " CHANGED: the known-hosts file \"" + file
        + "\" holds " + describe(expected) + " but the node presented " + describe(actual)
        + "; the node may have been reinstalled, or someone may be intercepting the connection");
    return false;
  }

  @Override
  protected void handleRevokedKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    session.setAttribute(REFUSAL, "the host key of " + remoteAddress + " (" + describe(serverKey)
        + ") is marked @revoked in the known-hosts file \"" + file + "\"");
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
  }
}
