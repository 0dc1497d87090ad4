package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A right an access entry grants or denies, in the terms both Windows ACLs and POSIX modes can
 * express. Full control is every right.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum AccessRight {
  /** Read the content or list the directory. */
  READ,
  /** Write or append the content, or create entries in the directory. */
  WRITE,
  /** Run the file or traverse the directory. */
  EXECUTE,
  /** Delete the file or the directory. */
  DELETE,
  /** Change the access entries. */
  CHANGE_PERMISSIONS,
  /** Take ownership. */
  TAKE_OWNERSHIP
}
