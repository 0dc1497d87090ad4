package dev.cau.api.plugin;

import java.util.Objects;

/**
 * An update a plug-in found applicable to a node.
 *
 * @param id a stable identifier, unique within the plug-in, such as a KB number or a GUID
 * @param title a short human-readable title
 * @param description a longer description; may be empty
 */
public record Update(String id, String title, String description) {
  /**
   * Checks the components.
   *
   * @param id a stable identifier
   * @param title a short human-readable title
   * @param description a longer description; may be empty
   */
  public Update {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (id.isBlank()) {
      throw new IllegalArgumentException("An update id must not be blank");
    }
  }

  /**
   * Creates an update with no description.
   *
   * @param id a stable identifier
   * @param title a short human-readable title
   * @return the update
   */
  public static Update of(String id, String title) {
    return new Update(id, title, "");
  }
}
