package dev.cau.plugin.hotfix;

import dev.cau.api.plugin.UpdateResultCode;

/**
 * The exit-condition classes of a hotfix rule: what an installer's exit code means. A code no
 * class of the rule lists is a failure with no restart.
 */
enum ExitClass {
  /** Installed. With {@code alwaysReboot}, the node restarts as for {@link #SUCCESS_REBOOT_REQUIRED}. */
  SUCCESS("Success", UpdateResultCode.SUCCEEDED, false),
  /** Installed; the node must restart. */
  SUCCESS_REBOOT_REQUIRED("Success_RebootRequired", UpdateResultCode.SUCCEEDED, true),
  /** Not installed; the node must restart (to roll back). */
  FAIL_REBOOT_REQUIRED("Fail_RebootRequired", UpdateResultCode.FAILED, true),
  /** Not applied: already installed. */
  ALREADY_INSTALLED("AlreadyInstalled", UpdateResultCode.ALREADY_INSTALLED, false),
  /** Not applied: it does not apply to the node. */
  NOT_APPLICABLE("NotApplicable", UpdateResultCode.NOT_APPLICABLE, false);

  private final String element;
  private final UpdateResultCode result;
  private final boolean restart;

  ExitClass(String element, UpdateResultCode result, boolean restart) {
    this.element = element;
    this.result = result;
    this.restart = restart;
  }

  /** The element of the configuration file that lists the class's codes. */
  String element() {
    return element;
  }

  /** The result an update whose installer exits with a code of this class gets. */
  UpdateResultCode result() {
    return result;
  }

  /** Whether the node must restart after a code of this class. */
  boolean restart() {
    return restart;
  }

  static java.util.Optional<ExitClass> byElement(String name) {
    for (ExitClass c : values()) {
      if (c.element.equals(name)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
