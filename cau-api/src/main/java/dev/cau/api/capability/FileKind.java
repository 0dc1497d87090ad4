package dev.cau.api.capability;

/** What a path on a node is. */
public enum FileKind {
  /** A regular file. */
  FILE,
  /** A directory. */
  DIRECTORY,
  /**
   * A symbolic link, junction or reparse point. {@link NodeFiles} never follows one: plug-ins
   * that read a share ignore links, so that a link cannot lead them outside it.
   */
  LINK,
  /** Anything else: a device, a socket, a pipe. */
  OTHER
}
