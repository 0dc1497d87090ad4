package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown when update plug-ins cannot be registered as given: a blank name, or two providers
 * that claim the same name.
 *
 * <p>The message names the plug-in and every provider class involved.
 */
@API(status = STABLE, since = "0.1.0")
public class PluginRegistrationException extends CauException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the plug-in and its providers
   */
  public PluginRegistrationException(String message) {
    super(message);
  }
}
