package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file, directory or link as a node sees it.
 *
 * @param path the full path, as the node writes it
 * @param name the last element of the path, exactly as stored (case and Unicode form kept)
 * @param kind what it is; a link is reported as a link, never as its target
 * @param size the size in bytes of a file; 0 for anything else
 * @param lastModified when it was last changed, in UTC
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record FileEntry(String path, String name, FileKind kind, long size, Instant lastModified) {
  /**
   * Checks the components.
   *
   * @param path the full path
   * @param name the last element
   * @param kind what it is
   * @param size the size in bytes
   * @param lastModified when it was last changed
   */
  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lastModified, "lastModified");
    if (size < 0) {
      throw new IllegalArgumentException("size must be 0 or more bytes, not " + size);
    }
  }
}
