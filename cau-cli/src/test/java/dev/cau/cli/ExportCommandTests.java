package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.core.store.FileRunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTests {
  private static final String UNKNOWN_RUN = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @TempDir Path dir;

  @Test
  void byDefaultTheRunThatStartedLastIsWritten() throws IOException {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);
    Path html = dir.resolve("last.html");

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--format", "html", "--path", html.toString());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.outLines()).containsExactly("Exported run " + second
        + " of demo-cluster (Succeeded, started 2026-01-21 03:01:00 +00:00) as html to " + html);
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains(second, "demo-cluster", "node-1", "node-4").doesNotContain(first);
  }

  @Test
  void aRunChosenByItsIdIsWrittenInTheChosenZone() throws IOException {
    Path store = dir.resolve("store");
    String first = RunStores.run(store);
    String second = RunStores.run(store);
    Path csv = dir.resolve("first.csv");

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--format", "CSV",
        "--path", csv.toString(), "--run", first, "--time-zone", "Europe/Berlin");

    assertThat(outcome.exitCode()).isZero();
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("RunId,").contains(first + ",demo-cluster,Succeeded,2026-01-20 04:01:00 +01:00")
        .doesNotContain(second);
  }

  @Test
  void theFormatFollowsThePathsExtensionWhenNotGiven() throws IOException {
    Path store = dir.resolve("store");
    String run = RunStores.run(store);
    Path json = dir.resolve("run.json");

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--path", json.toString(), "--last");

    assertThat(outcome.exitCode()).isZero();
    assertThat(Files.readString(json, StandardCharsets.UTF_8)).startsWith("[").contains(run, "2026-01-20T03:01:00Z");
  }

  @Test
  void anUnknownRunIsRefusedNamingItAndTheStoresRuns() throws IOException {
    Path store = dir.resolve("store");
    String run = RunStores.run(store);

    Refusal refusal = export("--store", store.toString(), "--run", UNKNOWN_RUN);

    refusal.assertNothingWritten().assertSays(
        "\"--run\" must name a finished run of run store \"" + store + "\", but was \"" + UNKNOWN_RUN
            + "\"; its runs are " + run, "Nothing was written.");
  }

  @Test
  void aRunThatHasNotFinishedIsRefused() throws IOException {
    Path store = dir.resolve("store");
    RunId interrupted = RunStores.interruptedRun(store);

    export("--store", store.toString(), "--run", interrupted.toString())
        .assertNothingWritten()
        .assertSays("run \"" + interrupted + "\"", "has not finished, so it has no report yet");
  }

  @Test
  void aStoreWithoutFinishedRunsIsRefused() throws IOException {
    Path store = new FileRunStore(dir.resolve("empty")).directory();

    export("--store", store.toString())
        .assertNothingWritten()
        .assertSays("run store \"" + store + "\" holds no finished run to export");
  }

  @Test
  void aMissingStoreIsRefusedAndNotCreated() throws IOException {
    Path missing = dir.resolve("missing");

    export("--store", missing.toString())
        .assertNothingWritten()
        .assertSays("\"--store\" must name an existing run store directory, but \"" + missing + "\" does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anUnknownFormatIsRefused() throws IOException {
    export("--store", dir.toString(), "--format", "pdf")
        .assertNothingWritten()
        .assertSays("--format", "must be html, csv or json, but was 'pdf'");
  }

  @Test
  void aPathWithoutAKnownExtensionNeedsAFormat() throws IOException {
    Path store = dir.resolve("store");
    RunStores.run(store);
    Path text = dir.resolve("report.txt");

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--path", text.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"--format\" is needed", "html, csv or json", "\"" + text + "\"");
    assertThat(text).doesNotExist();
  }

  @Test
  void anUnknownTimeZoneIsRefused() throws IOException {
    export("--store", dir.toString(), "--time-zone", "Mars/Olympus")
        .assertNothingWritten()
        .assertSays("--time-zone", "UTC, Europe/Berlin or +01:00", "'Mars/Olympus'");
  }

  @Test
  void aMalformedRunIdIsRefused() throws IOException {
    export("--store", dir.toString(), "--run", "last-tuesday")
        .assertNothingWritten()
        .assertSays("--run", "a UUID such as", "'last-tuesday'");
  }

  @Test
  void runAndLastTogetherAreRefused() throws IOException {
    export("--store", dir.toString(), "--run", UNKNOWN_RUN, "--last")
        .assertNothingWritten()
        .assertSays("\"--run\" and \"--last\" cannot be combined");
  }

  @Test
  void aPathInAMissingDirectoryIsRefused() {
    Path store = dir.resolve("store");
    RunStores.run(store);
    Path nowhere = dir.resolve("no-such-dir").resolve("run.html");

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--path", nowhere.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"--path\" must name a file in an existing directory", "no-such-dir");
    assertThat(nowhere.getParent()).doesNotExist();
  }

  /** Runs {@code cau export} to a file that already holds something, which a refusal must leave alone. */
  private Refusal export(String... options) throws IOException {
    Path target = Files.writeString(dir.resolve("existing.html"), "earlier report", StandardCharsets.UTF_8);
    String[] args = new String[options.length + 3];
    args[0] = "export";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 2] = "--path";
    args[args.length - 1] = target.toString();
    return new Refusal(Cau.execute(args), target);
  }

  private record Refusal(Cau.Outcome outcome, Path target) {
    Refusal assertNothingWritten() {
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
      assertThat(outcome.out()).isEmpty();
      assertThat(target).hasContent("earlier report");
      return this;
    }

    Refusal assertSays(String... fragments) {
      assertThat(outcome.err()).startsWith("cau export: ").contains(fragments);
      return this;
    }
  }
}
