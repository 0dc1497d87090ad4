package dev.cau.cli;

import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeScanned;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunFinished;
import dev.cau.api.event.RunListener;
import dev.cau.api.event.RunStarted;
import dev.cau.api.event.UpdatesInstalled;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.core.text.Counts;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Prints one line per run event as it arrives, like CAU's node status notifications:
 * {@code +00:14:00  node-2  installing}.
 *
 * <p>Each line starts with the time elapsed since the run started, from the run's own clock (in
 * a simulation, virtual time), then the node the event is about, or the cluster's name for the
 * whole run. Warnings and failed attempts are printed with their reason; plain information from
 * controllers and plug-ins only when asked for. Called on the engine's coordinating thread, one
 * event at a time, as {@link RunListener} promises; not meant to be shared between runs.
 */
final class ProgressPrinter implements RunListener {
  private final PrintWriter out;
  private final boolean verbose;
  private @Nullable Instant startedAt;
  private String cluster = "";
  private int subjectWidth;
  private @Nullable String preface;

  /**
   * Creates a printer.
   *
   * @param out where the lines go; flushed after each line
   * @param verbose whether to print informational messages of controllers and plug-ins too
   */
  ProgressPrinter(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  /**
   * Prepares the printer for a run that is carried on after its coordinator stopped: its events
   * start mid-run, without a {@link RunStarted}, so the run's start, its cluster and its nodes are
   * given here. Lines then show the time since the run first started, as they would have.
   *
   * @param startedAt when the run started
   * @param cluster the cluster's name
   * @param nodes the cluster's nodes, to align the lines
   */
  void carryOn(Instant startedAt, String cluster, List<String> nodes) {
    this.startedAt = startedAt;
    this.cluster = cluster;
    this.subjectWidth = Math.max(cluster.length(), nodes.stream().mapToInt(String::length).max().orElse(0));
  }

  /**
   * Gives a line to print before the first event's line, such as what cluster the run is on.
   *
   * @param line the line
   */
  void preface(String line) {
    this.preface = line;
  }

  @Override
  public void onEvent(RunEvent event) {
    if (startedAt == null) {
      startedAt = event.at();
    }
    if (event instanceof RunStarted started) {
      cluster = started.cluster();
      subjectWidth = Math.max(cluster.length(),
          started.nodeOrder().stream().mapToInt(String::length).max().orElse(0));
      print(event, cluster, "run started; update order: " + String.join(", ", started.nodeOrder()));
    } else if (event instanceof NodeScanned scanned) {
      print(event, scanned.node(), "scanned: " + Counts.of(scanned.updates().size(), "applicable update"));
    } else if (event instanceof NodeStepStarted step) {
      print(event, step.node(), describe(step.step())
          + (step.attempt() > 1 ? " (attempt " + step.attempt() + ")" : ""));
    } else if (event instanceof UpdatesInstalled installed) {
      print(event, installed.node(), describe(installed));
      installed.results().forEach(result -> detail(describe(result)));
    } else if (event instanceof NodeAttemptFailed failed) {
      print(event, failed.node(), "attempt " + failed.attempt() + " failed: " + failed.reason()
          + (failed.willRetry() ? " (will retry)" : " (no retry)"));
    } else if (event instanceof NodeFinished finished) {
      NodeResult result = finished.result();
      print(event, result.node(), result.status().displayName()
          + " (" + result.succeededUpdates() + " installed, " + result.failedUpdates() + " failed)"
          + (result.reason() == null ? "" : ": " + result.reason()));
    } else if (event instanceof OperationMessage message) {
      if (message.warning() || verbose) {
        print(event, message.node().isEmpty() ? cluster : message.node(),
            (message.warning() ? "WARNING: " : "") + message.message());
      }
    } else if (event instanceof RunFinished finished) {
      print(event, cluster, "run " + finished.result().status().displayName()
          + (finished.result().reason() == null ? "" : ": " + finished.result().reason()));
    }
  }

  /**
   * Formats a duration as {@code hh:mm:ss}; hours grow past two digits when needed.
   *
   * @param duration a duration that is not negative
   * @return the text
   */
  static String hms(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }

  private void print(RunEvent event, String subject, String text) {
    Instant start = startedAt == null ? event.at() : startedAt;
    String elapsed = "+" + hms(Duration.between(start, event.at()));
    if (preface != null) {
      out.println(preface);
      preface = null;
    }
    out.println(elapsed + "  " + pad(subject, subjectWidth) + "  " + text);
    out.flush();
  }

  /**
   * Names an update as administrators know it: by its KB articles, or by its id when it has none
   * (a Windows Update id is a GUID).
   *
   * @param update the update
   * @return such as {@code KB5051987}
   */
  static String name(Update update) {
    List<String> kb = update.facts().kbArticles();
    return kb.isEmpty() ? update.id() : String.join(",", kb);
  }

  /** Prints a line under the last one, starting where its text starts. */
  private void detail(String text) {
    out.println(" ".repeat("+00:00:00".length() + 2 + subjectWidth + 2) + text);
    out.flush();
  }

  /**
   * Describes one update's result the way Windows Update names updates: its result (with the
   * error code in hexadecimal when it failed), its KB article, or its id when it has none, and its
   * title.
   */
  private static String describe(InstallResult result) {
    return TestSetupCommand.pascal(result.code().name())
        + (result.code().isFailure() ? " " + String.format(Locale.ROOT, "0x%08X", result.errorCode()) : "")
        + "  " + name(result.update()) + "  " + result.update().title()
        + (result.rebootRequired() ? " (restart required)" : "");
  }

  private static String describe(NodeStep step) {
    return switch (step) {
      case STAGING -> "staging";
      case PRE_UPDATE_SCRIPT -> "running pre-update script";
      case SUSPENDING -> "suspending and draining";
      case INSTALLING -> "installing";
      case RESTARTING -> "restarting";
      case WAITING_FOR_NODE -> "waiting for the node to come back";
      case RESCANNING -> "scanning again";
      case RESUMING -> "resuming";
      case POST_UPDATE_SCRIPT -> "running post-update script";
    };
  }

  private static String describe(UpdatesInstalled installed) {
    long succeeded = installed.results().stream().filter(r -> r.code() == UpdateResultCode.SUCCEEDED).count();
    long failed = installed.results().stream().filter(r -> r.code().isFailure()).count();
    boolean restart = installed.results().stream().anyMatch(InstallResult::rebootRequired);
    return "installed " + Counts.ofTotal(succeeded, installed.results().size(), "update")
        + (failed > 0 ? ", " + failed + " failed" : "")
        + (restart ? "; a restart is required" : "");
  }

  private static String pad(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < width) {
      padded.append(' ');
    }
    return padded.toString();
  }
}
