package dev.cau.api.capability;

/**
 * A right an access entry grants or denies, in the terms both Windows ACLs and POSIX modes can
 * express. Full control is every right.
 */
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
