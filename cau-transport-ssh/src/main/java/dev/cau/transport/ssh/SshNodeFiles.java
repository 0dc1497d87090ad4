package dev.cau.transport.ssh;

import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_PERMISSION_DENIED;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ShareSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Reads files on a Linux node over SFTP, on the connection of its {@link SshProgramRunner}.
 *
 * <p>Paths travel as SFTP protocol data, never through a shell. Entries are described with
 * {@code lstat}, so a symbolic link is a {@link FileKind#LINK}; reading or hashing one is refused.
 * Content is read in chunks, never holding more than the bound and one byte. Each call opens its
 * own SFTP channel and closes it.
 */
final class SshNodeFiles implements NodeFiles {
  /** The largest chunk one SFTP read asks for. */
  static final int CHUNK = 32 * 1024;

  /** The largest content {@link #read} can return: the largest Java array. */
  static final long MAX_READ = Integer.MAX_VALUE - 8;

  private final SshTarget target;
  private final SshConnection connection;

  SshNodeFiles(SshTarget target, SshConnection connection) {
    this.target = target;
    this.connection = connection;
  }

  @Override
  public Optional<FileEntry> stat(String path, OperationContext context) {
    return withSftp("describe", path, context, sftp -> lstat(sftp, path).map(attributes -> entry(path, attributes)));
  }

  @Override
  public List<FileEntry> list(String directory, OperationContext context) {
    return withSftp("list", directory, context, sftp -> {
      List<FileEntry> entries = new ArrayList<>();
      try (CloseableHandle handle = sftp.openDir(directory)) {
        for (List<DirEntry> batch = sftp.readDir(handle); batch != null; batch = sftp.readDir(handle)) {
          context.cancellation().throwIfCancellationRequested();
          for (DirEntry child : batch) {
            String name = child.getFilename();
            if (!name.equals(".") && !name.equals("..")) {
              entries.add(entry(childPath(directory, name), child.getAttributes()));
            }
          }
        }
      }
      return entries;
    });
  }

  @Override
  public byte[] read(String path, long maxBytes, OperationContext context) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be 0 or more, not " + maxBytes);
    }
    long bound = Math.min(maxBytes, MAX_READ);
    return withSftp("read", path, context, sftp -> {
      ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(bound + 1, CHUNK));
      boolean fits = readFile(sftp, path, bound, context, (chunk, length) -> content.write(chunk, 0, length));
      if (!fits) {
        throw new NodeOperationException(target.nodeName(), "the file \"" + path + "\" on node \""
            + target.nodeName() + "\" is larger than " + bound + " bytes, the most this read accepts");
      }
      return content.toByteArray();
    });
  }

  @Override
  public String sha256(String path, OperationContext context) {
    return withSftp("hash", path, context, sftp -> {
      MessageDigest digest = sha256();
      readFile(sftp, path, Long.MAX_VALUE - 1, context, (chunk, length) -> digest.update(chunk, 0, length));
      return HexFormat.of().formatHex(digest.digest());
    });
  }

  /**
   * Maps the POSIX mode to three entries in the order Linux checks them: the owner, the group,
   * {@code other}. The owner may also change the permissions. Deleting depends on the parent
   * directory, ACLs and root are not visible over SFTP: see docs/ssh.md.
   */
  @Override
  public List<AccessEntry> accessEntries(String path, OperationContext context) {
    Attributes attributes = withSftp("read the permissions of", path, context, sftp -> lstat(sftp, path))
        .orElseThrow(() -> missing(path));
    if (attributes.isSymbolicLink()) {
      throw new NodeOperationException(target.nodeName(), "\"" + path + "\" on node \"" + target.nodeName()
          + "\" is a symbolic link; links are not followed and their own permissions mean nothing");
    }
    int mode = attributes.getPermissions();
    Set<AccessRight> owner = rights(mode >> 6);
    owner.add(AccessRight.CHANGE_PERMISSIONS);
    return List.of(
        AccessEntry.allow("uid:" + attributes.getUserId(), owner),
        AccessEntry.allow("gid:" + attributes.getGroupId(), rights(mode >> 3)),
        AccessEntry.allow("other", rights(mode)));
  }

  /** SFTP cannot tell whether a Linux path is on a network share, so this is refused. */
  @Override
  public Optional<ShareSecurity> shareSecurity(String path, OperationContext context) {
    throw new NodeOperationException(target.nodeName(), "the SSH transport cannot tell whether \"" + path
        + "\" on node \"" + target.nodeName() + "\" is on a share or what the share requires: SFTP does not report"
        + " file systems or SMB settings");
  }

  private interface ChunkSink {
    void accept(byte[] chunk, int length) throws IOException;
  }

  /**
   * Streams a regular file to a sink, never asking for more than {@code bound + 1} bytes in all.
   * Returns whether the file fitted within the bound.
   */
  private boolean readFile(SftpClient sftp, String path, long bound, OperationContext context, ChunkSink sink)
      throws IOException {
    Attributes attributes = lstat(sftp, path).orElseThrow(() -> missing(path));
    if (!attributes.isRegularFile()) {
      throw new NodeOperationException(target.nodeName(), "\"" + path + "\" on node \"" + target.nodeName()
          + "\" is " + switch (kind(attributes)) {
            case LINK -> "a symbolic link";
            case DIRECTORY -> "a directory";
            case FILE, OTHER -> "a device, socket or pipe";
          } + ", not a regular file; links are not followed");
    }
    if (attributes.getSize() > bound) {
      return false;
    }
    byte[] chunk = new byte[(int) Math.min(CHUNK, bound + 1)];
    long total = 0;
    try (CloseableHandle handle = sftp.open(path, SftpClient.OpenMode.Read)) {
      while (total <= bound) {
        context.cancellation().throwIfCancellationRequested();
        int length = sftp.read(handle, total, chunk, 0, (int) Math.min(chunk.length, bound + 1 - total));
        if (length < 0) {
          return true;
        }
        total += length;
        if (total > bound) {
          return false;
        }
        sink.accept(chunk, length);
      }
    }
    return false;
  }

  private Optional<Attributes> lstat(SftpClient sftp, String path) throws IOException {
    try {
      return Optional.of(sftp.lstat(path));
    } catch (SftpException e) {
      if (e.getStatus() == SSH_FX_NO_SUCH_FILE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private FileEntry entry(String path, Attributes attributes) {
    FileKind kind = kind(attributes);
    long size = kind == FileKind.FILE ? attributes.getSize() : 0;
    Instant modified = attributes.getModifyTime() == null ? Instant.EPOCH : attributes.getModifyTime().toInstant();
    return new FileEntry(path, name(path), kind, size, modified);
  }

  private static FileKind kind(Attributes attributes) {
    if (attributes.isSymbolicLink()) {
      return FileKind.LINK;
    }
    if (attributes.isDirectory()) {
      return FileKind.DIRECTORY;
    }
    if (attributes.isRegularFile()) {
      return FileKind.FILE;
    }
    return FileKind.OTHER;
  }

  private static Set<AccessRight> rights(int bits) {
    Set<AccessRight> rights = EnumSet.noneOf(AccessRight.class);
    if ((bits & 4) != 0) {
      rights.add(AccessRight.READ);
    }
    if ((bits & 2) != 0) {
      rights.add(AccessRight.WRITE);
    }
    if ((bits & 1) != 0) {
      rights.add(AccessRight.EXECUTE);
    }
    return rights;
  }

  static String name(String path) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = trimmed.lastIndexOf('/');
    return slash < 0 || trimmed.length() == 1 ? trimmed : trimmed.substring(slash + 1);
  }

  static String childPath(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  private NodeOperationException missing(String path) {
    return new NodeOperationException(target.nodeName(), "nothing exists at \"" + path + "\" on node \""
        + target.nodeName() + "\"");
  }

  private interface SftpCall<T> {
    T call(SftpClient sftp) throws IOException;
  }

  /**
   * Runs a call on a new SFTP channel of the shared connection. Opening the channel is tried once
   * more on a new connection when it fails (nothing had been read); failures of the call itself
   * become a {@link NodeOperationException} that names the path.
   */
  private <T> T withSftp(String action, String path, OperationContext context, SftpCall<T> call) {
    if (target.loginShell() != LoginShell.POSIX) {
      throw new NodeOperationException(target.nodeName(), "cannot " + action + " \"" + path + "\" on node \""
          + target.nodeName() + "\": the SSH transport reads files on POSIX nodes only");
    }
    context.cancellation().throwIfCancellationRequested();
    try (SftpClient sftp = open(action, path)) {
      return call.call(sftp);
    } catch (IOException e) {
      throw new NodeOperationException(target.nodeName(), "cannot " + action + " \"" + path + "\" on node \""
          + target.nodeName() + "\": " + describe(e), e);
    }
  }

  private SftpClient open(String action, String path) {
    try {
      return SftpClientFactory.instance().createSftpClient(connection.session());
    } catch (IOException | IllegalStateException firstFailure) {
      // IllegalStateException: the session was closing when the channel was registered.
      connection.drop();
      try {
        return SftpClientFactory.instance().createSftpClient(connection.session());
      } catch (IOException | IllegalStateException e) {
        throw new NodeOperationException(target.nodeName(), "cannot " + action + " \"" + path + "\" on node \""
            + target.nodeName() + "\": no SFTP session (is the sftp subsystem enabled?): " + e.getMessage(), e);
      }
    }
  }

  private static String describe(IOException e) {
    if (e instanceof SftpException sftp) {
      return switch (sftp.getStatus()) {
        case SSH_FX_NO_SUCH_FILE -> "no such file or directory";
        case SSH_FX_PERMISSION_DENIED -> "permission denied";
        default -> "SFTP status " + sftp.getStatus() + " (" + e.getMessage() + ")";
      };
    }
    return String.valueOf(e.getMessage());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
