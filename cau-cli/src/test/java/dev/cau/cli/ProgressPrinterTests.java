package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.event.NodeAttemptFailed;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunStarted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressPrinterTests {
  private static final RunId RUN = new RunId(new UUID(0L, 7L));
  private static final Instant START = Instant.parse("2026-01-20T03:00:00Z");

  @Test
  void linesShowTimeSinceTheRunStartedAndTheNode() {
    List<String> lines = print(false,
        new RunStarted(RUN, START, "lab", List.of("n1", "node-22")),
        new NodeStepStarted(RUN, START.plusSeconds(14 * 60), "n1", NodeStep.INSTALLING, 1),
        new NodeStepStarted(RUN, START.plus(Duration.ofHours(26).plusSeconds(5)), "node-22", NodeStep.RESTARTING, 2));

    assertThat(lines).containsExactly(
        "+00:00:00  lab      run started; update order: n1, node-22",
        "+00:14:00  n1       installing",
        "+26:00:05  node-22  restarting (attempt 2)");
  }

  @Test
  void aRunCarriedOnShowsTimeSinceItFirstStartedAndTheCluster() {
    StringWriter text = new StringWriter();
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false);
    printer.carryOn(START, "lab", List.of("n1", "node-22"));
    printer.onEvent(new OperationMessage(RUN, START.plusSeconds(35 * 60), "", true, "Taken over"));
    printer.onEvent(new NodeStepStarted(RUN, START.plusSeconds(36 * 60), "n1", NodeStep.STAGING, 1));

    assertThat(text.toString().lines()).containsExactly(
        "+00:35:00  lab      WARNING: Taken over",
        "+00:36:00  n1       staging");
  }

  @Test
  void warningsAndFailedAttemptsAreShownWithTheirReason() {
    List<String> lines = print(false,
        new RunStarted(RUN, START, "lab", List.of("n1")),
        new OperationMessage(RUN, START.plusSeconds(60), "n1", true, "Quorum relies on dynamic quorum"),
        new OperationMessage(RUN, START.plusSeconds(61), "", true, "Run is slow"),
        new NodeAttemptFailed(RUN, START.plusSeconds(90), "n1", 1, "Drain failed: role \"r\" cannot move", true),
        new NodeAttemptFailed(RUN, START.plusSeconds(95), "n1", 3, "Node did not come back", false));

    assertThat(lines).containsExactly(
        "+00:00:00  lab  run started; update order: n1",
        "+00:01:00  n1   WARNING: Quorum relies on dynamic quorum",
        "+00:01:01  lab  WARNING: Run is slow",
        "+00:01:30  n1   attempt 1 failed: Drain failed: role \"r\" cannot move (will retry)",
        "+00:01:35  n1   attempt 3 failed: Node did not come back (no retry)");
  }

  @Test
  void informationalMessagesOnlyWhenVerbose() {
    OperationMessage info = new OperationMessage(RUN, START.plusSeconds(5), "n1", false, "Downloading 3 updates");
    RunStarted started = new RunStarted(RUN, START, "lab", List.of("n1"));

    assertThat(print(false, started, info)).hasSize(1);
    assertThat(print(true, started, info)).last().isEqualTo("+00:00:05  n1   Downloading 3 updates");
  }

  private static List<String> print(boolean verbose, dev.cau.api.event.RunEvent... events) {
    StringWriter text = new StringWriter();
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), verbose);
    for (dev.cau.api.event.RunEvent event : events) {
      printer.onEvent(event);
    }
    return text.toString().lines().toList();
  }
}
