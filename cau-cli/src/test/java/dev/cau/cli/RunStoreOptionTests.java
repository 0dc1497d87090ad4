package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreOptionTests {
  @TempDir Path dir;

  @Test
  void aRunWithAStoreKeepsItsJournalAndReportThere() {
    Path store = dir.resolve("store");

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    String runId = RunStores.runId(outcome);
    assertThat(outcome.outLines()).contains("Status:   Succeeded", "Store:    " + store);
    assertThat(store.resolve("runs").resolve(runId + ".journal")).isNotEmptyFile();
    assertThat(store.resolve("runs").resolve(runId + ".report")).isNotEmptyFile();
  }

  @Test
  void withoutAStoreNoRunIdOrStoreIsPrinted() {
    Cau.Outcome outcome = Cau.execute("run");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).doesNotContain("Run id:").doesNotContain("Store:");
  }

  @Test
  void eachStoredRunStartsTheNightAfterTheStoresLatestRunWithAnIdOfItsOwn() {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);

    List<String> rows = Cau.execute("report", "--store", store.toString()).outLines();

    assertThat(second).isNotEqualTo(first);
    assertThat(rows).anyMatch(l -> l.startsWith(first + "  2026-01-20 03:01:00 +00:00  2026-01-20 05:47:00 +00:00"));
    assertThat(rows).anyMatch(l -> l.startsWith(second + "  2026-01-21 03:01:00 +00:00  2026-01-21 05:47:00 +00:00"));
  }

  @Test
  void aStoreHoldingAnInterruptedRunIsRefusedAndNoNodeIsTouched() throws IOException {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err())
        .contains("interrupted run " + interrupted)
        .contains("No node was touched")
        .contains("cau status --store " + store)
        .contains("'cau run --store " + store + " --resume'", "'cau run --store " + store + " --force-recovery'");
    try (Stream<Path> files = Files.list(store.resolve("runs"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(interrupted + ".journal");
    }
  }

  @Test
  void aStorePathThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-store"), "text", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--store", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err())
        .contains("\"--store\" must name a directory for the run store, but \"" + file + "\" is a file")
        .contains("No node was touched");
    assertThat(file).hasContent("text");
  }
}
