package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code cau status} says when a feature-update run has left the cluster in mixed-OS mode, and since when. */
class MixedOsStatusLineTests {
  private static String printed(MixedOsStatus mixedOs) {
    RunStatus status = new RunStatus("hci", RunState.RUN_IN_PROGRESS, new RunId(new UUID(1, 2)),
        Instant.parse("2026-12-06T08:00:00Z"), "cau-c1", List.of(), List.of(), "holds the lock", mixedOs);
    StringWriter out = new StringWriter();
    StatusPrinter.print(status, ZoneOffset.UTC, new PrintWriter(out, true));
    return out.toString();
  }

  @Test
  void aMixedClusterGetsAMixedOsLineWithTheDateItEnteredMixedMode() {
    String out = printed(new MixedOsStatus(List.of("n1"), List.of("n2"), "23H2 (build 25398.469)",
        Instant.parse("2026-12-06T09:00:00Z")));

    assertThat(out).contains("Mixed OS:     Mixed-OS mode since 2026-12-06T09:00:00Z: n1 runs 23H2 (build"
        + " 25398.469), n2 still runs the old version");
  }

  @Test
  void aRunWithoutAFeatureUpdateHasNoMixedOsLine() {
    assertThat(printed(MixedOsStatus.NONE)).doesNotContain("Mixed OS");
  }
}
