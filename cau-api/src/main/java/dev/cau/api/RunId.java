package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Identifies one updating run, like CAU's {@code RunId} GUID.
 *
 * @param value the identifier
 */
@API(status = STABLE, since = "0.1.0")
public record RunId(UUID value) {
  /**
   * Checks the value.
   *
   * @param value the identifier
   */
  public RunId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses the textual form of a run id.
   *
   * @param text a UUID such as {@code 0f8fad5b-d9cb-469f-a165-70867728950e}
   * @return the run id
   * @throws IllegalArgumentException if the text is not a UUID
   */
  public static RunId parse(String text) {
    return new RunId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
