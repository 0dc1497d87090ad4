package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One entry of a path's access list: a principal and the rights it is allowed or denied.
 *
 * @param principal the account or group as the node names it, such as
 *     {@code BUILTIN\Administrators}, {@code NT AUTHORITY\SYSTEM}, {@code Everyone}, or a POSIX
 *     owner, group or {@code other}
 * @param allow {@code true} for an allow entry, {@code false} for a deny entry
 * @param rights the rights the entry covers
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record AccessEntry(String principal, boolean allow, Set<AccessRight> rights) {
  /**
   * Checks the components and copies the rights.
   *
   * @param principal the account or group
   * @param allow whether the entry allows
   * @param rights the rights covered
   */
  public AccessEntry {
    Objects.requireNonNull(principal, "principal");
    rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
  }

  /**
   * Creates an allow entry.
   *
   * @param principal the account or group
   * @param rights the rights allowed
   * @return the entry
   */
  public static AccessEntry allow(String principal, Set<AccessRight> rights) {
    return new AccessEntry(principal, true, rights);
  }

  /**
   * Tells whether this entry allows a principal to change the path: write, delete, change
   * permissions or take ownership.
   *
   * @return whether it is an allow entry with any of those rights
   */
  public boolean allowsChange() {
    return allow && (rights.contains(AccessRight.WRITE) || rights.contains(AccessRight.DELETE)
        || rights.contains(AccessRight.CHANGE_PERMISSIONS) || rights.contains(AccessRight.TAKE_OWNERSHIP));
  }
}
