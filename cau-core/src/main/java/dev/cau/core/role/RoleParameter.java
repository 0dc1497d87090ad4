package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One row of {@link CauClusterRole#parameters()}: a name and its value as text, as
 * {@code Get-CauClusterRole} shows its {@code CauParameter} objects.
 *
 * @param name the parameter's name, such as {@code DaysOfWeek}
 * @param value its value as text, such as {@code 4}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RoleParameter(String name, String value) {
  /**
   * Checks the components.
   *
   * @param name the parameter's name
   * @param value its value as text
   */
  public RoleParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
