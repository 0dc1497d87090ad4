package dev.cau.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A plug-in needs a capability its node does not offer. The engine reports it as the plug-in's
 * failure on that node, and a readiness check reports it as a failed rule before any run.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = STABLE, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public class MissingCapabilityException extends PluginFailureException {
  private static final long serialVersionUID = 1L;

  /** The error id the exception carries. */
  public static final String ERROR_ID = "MissingCapability";

  /** The node that lacks the capability. */
  private final String node;
  /** The name of the missing capability. */
  private final String capability;

  /**
   * Creates the exception.
   *
   * @param node the node that lacks the capability
   * @param capability the capability's interface
   */
  public MissingCapabilityException(String node, Class<?> capability) {
    super(ERROR_ID, "Node \"" + node + "\" does not offer the " + capability.getSimpleName() + " capability ("
        + capability.getName() + ") that the plug-in needs; its node controller must offer it through"
        + " NodeController.capability");
    this.node = node;
    this.capability = capability.getName();
  }

  /**
   * Returns the node that lacks the capability.
   *
   * @return the node's name
   */
  public String node() {
    return node;
  }

  /**
   * Returns the capability's interface name.
   *
   * @return the fully qualified name
   */
  public String capability() {
    return capability;
  }
}
