package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Whether the self-updating role may start runs, as {@code Enable-CauClusterRole} and
 * {@code Disable-CauClusterRole} set it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum RoleStatus {
  /** The role starts runs on its schedule; CAU shows {@code Online}. */
  ENABLED("Online"),
  /** The role starts no runs; CAU shows {@code Offline}. */
  DISABLED("Offline");

  private final String cauName;

  RoleStatus(String cauName) {
    this.cauName = cauName;
  }

  /**
   * Returns the status as {@code Get-CauClusterRole} shows it.
   *
   * @return {@code Online} or {@code Offline}
   */
  public String cauName() {
    return cauName;
  }
}
