package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown when a run names an update plug-in that no registry knows.
 *
 * <p>The message lists the names that are available, so that a typo is easy to spot.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class PluginNotFoundException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The plug-in name that was asked for. */
  private final String name;
  /** The names of the plug-ins that were found. */
  private final String[] available;

  /**
   * Creates the exception.
   *
   * @param name the name that was asked for
   * @param available the names that are registered, in a stable order
   */
  public PluginNotFoundException(String name, List<String> available) {
    super("No update plug-in is named \"" + name + "\"; available: "
        + (available.isEmpty() ? "none" : "\"" + String.join("\", \"", available) + "\""));
    this.name = name;
    this.available = available.toArray(String[]::new);
  }

  /**
   * Returns the name that was asked for.
   *
   * @return the missing name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the names that were available.
   *
   * @return the registered names
   */
  public List<String> available() {
    return List.of(available);
  }
}
