package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a path on a node is. */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
