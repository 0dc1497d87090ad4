package dev.cau.testkit.conformance;

import org.jspecify.annotations.Nullable;

/**
 * Ends a check: a call into the plug-in threw, or returned something it must not, so there is
 * nothing more to look at. The message says what the plug-in did, in its author's terms.
 */
final class Violation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final transient @Nullable RuntimeException thrownByPlugin;

  private Violation(String problem, @Nullable RuntimeException thrownByPlugin) {
    super(problem, thrownByPlugin, false, false);
    this.problem = problem;
    this.thrownByPlugin = thrownByPlugin;
  }

  /**
   * Creates a violation the plug-in caused by returning something it must not.
   *
   * @param call the call, such as {@code the re-scan after install pass 1}
   * @param problem what it returned, such as {@code returned null}
   * @return the violation
   */
  static Violation returned(String call, String problem) {
    return new Violation(call + " " + problem, null);
  }

  /**
   * Creates a violation the plug-in caused by throwing.
   *
   * @param call the call, such as {@code scan}
   * @param thrownByPlugin what the plug-in threw
   * @return the violation
   */
  static Violation threw(String call, RuntimeException thrownByPlugin) {
    return new Violation(
        call + " threw " + ConformanceRun.describe(thrownByPlugin), thrownByPlugin);
  }

  /**
   * Returns what is wrong, beginning with the call.
   *
   * @return the problem, such as {@code scan threw IllegalStateException ("No agent")}
   */
  String problem() {
    return problem;
  }

  /**
   * Returns what the plug-in threw.
   *
   * @return the exception, or {@code null} if the plug-in returned something it must not
   */
  @Nullable RuntimeException thrownByPlugin() {
    return thrownByPlugin;
  }
}
