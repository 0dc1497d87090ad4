package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An update a plug-in found applicable to a node.
 *
 * @param id a stable identifier, unique within the plug-in, such as a KB number or a GUID
 * @param title a short human-readable title
 * @param description a longer description; may be empty
 * @param facts what else the plug-in knows about it; {@link UpdateFacts#NONE} when nothing
 */
@API(status = STABLE, since = "0.1.0")
public record Update(String id, String title, String description, UpdateFacts facts) {
  /**
   * Checks the components.
   *
   * @param id a stable identifier
   * @param title a short human-readable title
   * @param description a longer description; may be empty
   * @param facts what else the plug-in knows
   */
  public Update {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(facts, "facts");
    if (id.isBlank()) {
      throw new IllegalArgumentException("An update id must not be blank");
    }
  }

  /**
   * Creates an update with no facts.
   *
   * @param id a stable identifier
   * @param title a short human-readable title
   * @param description a longer description; may be empty
   */
  public Update(String id, String title, String description) {
    this(id, title, description, UpdateFacts.NONE);
  }

  /**
   * Returns this update with facts.
   *
   * @param known what the plug-in knows about it
   * @return the new update
   */
  public Update withFacts(UpdateFacts known) {
    return new Update(id, title, description, known);
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
