package dev.cau.core.store;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the store creates files: readable and writable by their owner only where the file system
 * knows POSIX permissions (journals hold the run's options and the cluster's state), and never
 * through a symbolic link.
 */
final class OwnerOnly {
  private OwnerOnly() {}

  /**
   * Returns the attributes a new file of the store is created with.
   *
   * @param file the file
   * @return owner read and write on POSIX file systems; none elsewhere
   */
  static FileAttribute<?>[] attributes(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
    return new FileAttribute<?>[0];
  }

  /**
   * Returns open options that never follow a symbolic link.
   *
   * @param options the options
   * @return the options and {@link LinkOption#NOFOLLOW_LINKS}
   */
  static Set<OpenOption> openOptions(OpenOption... options) {
    Set<OpenOption> set = new HashSet<>(List.of(options));
    set.add(LinkOption.NOFOLLOW_LINKS);
    return set;
  }
}
