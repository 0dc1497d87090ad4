package dev.cau.testkit.conformance;

import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything a plug-in showed during the checks of one run of the kit: what it logged, the
 * updates and results it returned, the exceptions it threw and its own {@code toString()}. The
 * secrets check searches all of it.
 */
final class Observations {
  private static final int MAX_CAUSES = 8;

  private final List<ConformanceContext> contexts = new ArrayList<>();
  private final List<Shown> shown = new ArrayList<>();
  private int updates;
  private int results;
  private int exceptions;

  /** Keeps a context, whose log is read at the end. */
  void context(ConformanceContext context) {
    contexts.add(context);
  }

  void plugin(UpdatePlugin plugin) {
    shown.add(new Shown("the plug-in's toString()", String.valueOf(plugin)));
  }

  void updates(List<Update> found) {
    for (Update update : found) {
      updates++;
      shown.add(new Shown("update \"" + update.id() + "\"", update.toString()));
    }
  }

  void results(List<InstallResult> returned) {
    for (InstallResult result : returned) {
      results++;
      shown.add(new Shown(
          "the result for update \"" + result.update().id() + "\"", result.toString()));
    }
  }

  void thrown(String call, Throwable thrown) {
    exceptions++;
    String where = "the exception " + call + " threw";
    Throwable t = thrown;
    // A cause chain may loop; a few levels are all a message can carry anyway.
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      shown.add(new Shown(where, t.toString()));
      if (t instanceof PluginFailureException failure) {
        shown.add(new Shown(where + " (its error id)", String.valueOf(failure.errorId())));
      }
      where = "the cause of " + where;
    }
  }

  /** Returns everything shown, log messages first. */
  List<Shown> all() {
    List<Shown> all = new ArrayList<>();
    for (ConformanceContext context : contexts) {
      for (ConformanceContext.LogEntry entry : context.messages()) {
        all.add(new Shown(
            "a log message (" + entry.level().name().toLowerCase(Locale.ROOT) + ")",
            entry.message()));
      }
    }
    all.addAll(shown);
    return all;
  }

  /** Says how much was searched, for the message of a passed check. */
  String extent() {
    int messages = contexts.stream().mapToInt(c -> c.messages().size()).sum();
    return count(messages, "log message") + ", " + count(updates, "update") + ", "
        + count(results, "result") + " and " + count(exceptions, "exception");
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
  }

  /**
   * One piece of text the plug-in showed.
   *
   * @param where where it was shown, such as {@code a log message (info)}
   * @param text the text
   */
  record Shown(String where, String text) {}
}
