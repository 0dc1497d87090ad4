package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One setting of a cluster description, as a cluster file gives it.
 *
 * @param key the setting's name, such as {@code weight}
 * @param value its value as text
 * @param where where it was written, for messages, such as {@code "lab.json" line 12}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record BackendSetting(String key, String value, String where) {
  /**
   * Checks the components.
   *
   * @param key the name
   * @param value the value
   * @param where the source and line
   */
  public BackendSetting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(where, "where");
  }

  /**
   * Creates the exception that refuses this setting, naming its key, its value, where it was
   * written and what is allowed: {@code "weight" must be 0 or 1, but was "5" at "lab.json" line 7}.
   *
   * @param allowed what would have been accepted, such as {@code "0 or 1"}
   * @return the exception, for the caller to throw
   */
  public InvalidOptionsException refused(String allowed) {
    return new InvalidOptionsException(key, '"' + value + "\" at " + where, allowed);
  }
}
