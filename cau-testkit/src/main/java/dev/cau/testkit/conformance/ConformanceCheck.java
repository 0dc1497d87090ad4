package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import org.apiguardian.api.API;

/**
 * The checks of the conformance kit, in the order they run. Each states one rule of the update
 * plug-in contract.
 */
@API(status = MAINTAINED, since = "0.1.0")
public enum ConformanceCheck {
  /** {@code name()} returns the same non-blank name every time, without surrounding spaces. */
  STABLE_NAME("stable name"),
  /**
   * Argument names are unique regardless of letter case and have no surrounding spaces, every
   * default fits its argument's type, required arguments have no default, and the arguments
   * given to the kit bind to the descriptors.
   */
  ARGUMENT_DESCRIPTORS("argument descriptors"),
  /** Two scans of a fresh node report the same updates, each id once. */
  REPEATABLE_SCAN("repeatable scan"),
  /**
   * Install returns exactly one result for every update it is given, carrying that update and
   * stamped by the context's clock.
   */
  ONE_RESULT_PER_UPDATE("one result per update"),
  /**
   * A re-scan after install never reports an update that was installed again; updates that only
   * now apply may be reported, and the kit installs in passes until the scan offers nothing new,
   * within a bound.
   */
  RESCAN_AFTER_INSTALL("re-scan after install"),
  /**
   * With cancellation requested before install, the plug-in installs nothing: it throws
   * {@link dev.cau.api.OperationCanceledException} or reports the updates
   * {@link dev.cau.api.plugin.UpdateResultCode#CANCELED}, and a re-scan still reports them.
   */
  CANCELLATION("cancellation"),
  /**
   * On a node that offers no capability, the plug-in throws nothing but
   * {@link dev.cau.api.PluginFailureException} (or
   * {@link dev.cau.api.OperationCanceledException}).
   */
  MISSING_CAPABILITY("node without capabilities"),
  /**
   * On the failing node the author supplies, the plug-in throws
   * {@link dev.cau.api.PluginFailureException} (or
   * {@link dev.cau.api.OperationCanceledException}), never another exception type, and does not
   * hide the failure.
   */
  INFRASTRUCTURE_FAILURE("infrastructure failure"),
  /**
   * The value of no secret argument appears in a log message, an update, a result, an exception
   * or the plug-in's {@code toString()}, in any of the calls the other checks made.
   */
  SECRETS_NEVER_SHOWN("secrets never shown");

  private final String title;

  ConformanceCheck(String title) {
    this.title = title;
  }

  /**
   * Returns the check's short name as reports show it.
   *
   * @return the name, such as {@code re-scan after install}
   */
  public String title() {
    return title;
  }

  @Override
  public String toString() {
    return title;
  }
}
