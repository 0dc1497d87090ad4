package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.OperationContext;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads files a node can see: its local disks and the shares it reaches. Read-only: nothing here
 * changes a file.
 *
 * <p>Paths are given as the node writes them ({@code C:\Scripts\pre.ps1},
 * {@code \\fs1\Hotfixes}, {@code /etc/cau/pre.sh}). Links are never followed: a link is reported
 * as {@link FileKind#LINK}, and reading through one is refused. Every method throws
 * {@link dev.cau.api.NodeOperationException} if the node cannot be reached or refuses access;
 * a path that does not exist is an empty answer where the method can give one.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface NodeFiles {
  /**
   * Describes one path without following a link.
   *
   * @param path the path
   * @param context the run, cancellation signal, log and clock of the call
   * @return the entry, or empty if nothing exists at the path
   */
  Optional<FileEntry> stat(String path, OperationContext context);

  /**
   * Lists a directory's entries, without descending and without following links.
   *
   * @param directory the directory's path
   * @param context the run, cancellation signal, log and clock of the call
   * @return the entries, in the order the node lists them
   * @throws dev.cau.api.NodeOperationException if the path is not a readable directory
   */
  List<FileEntry> list(String directory, OperationContext context);

  /**
   * Reads a whole file, refusing one larger than a bound.
   *
   * @param path the file's path
   * @param maxBytes the largest size accepted
   * @param context the run, cancellation signal, log and clock of the call
   * @return the content
   * @throws dev.cau.api.NodeOperationException if the file does not exist, is not a regular
   *     file, or is larger than {@code maxBytes}
   */
  byte[] read(String path, long maxBytes, OperationContext context);

  /**
   * Computes a file's SHA-256 on the node, so that large files are not copied to compare them.
   *
   * @param path the file's path
   * @param context the run, cancellation signal, log and clock of the call
   * @return 64 lower-case hexadecimal digits
   * @throws dev.cau.api.NodeOperationException if the file does not exist or is not a regular
   *     file
   */
  String sha256(String path, OperationContext context);

  /**
   * Reads a path's access list: who may do what.
   *
   * @param path the path
   * @param context the run, cancellation signal, log and clock of the call
   * @return its entries, deny entries included, in the order the node evaluates them
   * @throws dev.cau.api.NodeOperationException if the path does not exist
   */
  List<AccessEntry> accessEntries(String path, OperationContext context);

  /**
   * Tells what the share holding a path requires of clients.
   *
   * @param path a path on a share
   * @param context the run, cancellation signal, log and clock of the call
   * @return the share's requirements, or empty if the path is not on a share
   */
  Optional<ShareSecurity> shareSecurity(String path, OperationContext context);
}
