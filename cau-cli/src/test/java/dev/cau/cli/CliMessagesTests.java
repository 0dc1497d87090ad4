package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages and exit codes a first-day user meets when a file is wrong: each says what is
 * wrong in words, names no Java class, refuses before a run starts (exit 2) where it can, and
 * states counts in the right number.
 */
class CliMessagesTests {
  /** A count of exactly one followed by a plural noun, as MessageWordingTests in the testkit looks for. */
  private static final Pattern ONE_WITH_A_PLURAL = Pattern.compile(
      "(?<![\\d.,:+-])\\b1 (nodes|updates|applicable updates|minutes|attempts|times|restarts|runs|plug-ins|reports"
          + "|errors)\\b");

  @TempDir Path dir;

  @Test
  void aMissingProfileSaysNoSuchFile() {
    Path missing = dir.resolve("absent.profile");

    Cau.Outcome outcome = Cau.execute("run", "--profile", missing.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).containsExactly(
        "cau run: cannot read profile \"" + missing + "\": no such file",
        "No node was touched. See 'cau run --help'.");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aProfileThatIsADirectorySaysSo() {
    Cau.Outcome outcome = Cau.execute("run", "--profile", dir.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau run: cannot read profile \"" + dir + "\": it is a directory, not a file");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aProfileThatIsNotARegularFileSaysSo() {
    Path device = Path.of("/dev/null");
    assumeThat(Files.exists(device)).as("a device file to name as a profile").isTrue();

    Cau.Outcome outcome = Cau.execute("run", "--profile", device.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau run: cannot read profile \"/dev/null\": it is not a regular file");
  }

  @Test
  void anUnreadableProfileSaysPermissionDenied() throws IOException {
    Path profile = Files.writeString(dir.resolve("secret.profile"), "MaxRetriesPerNode = 2\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(profile))
        .as("a file without read permission is still readable by root, so this case cannot be made here")
        .isFalse();

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith(
        "cau run: cannot read profile \"" + profile + "\": it is not readable (permission denied)");
  }

  @Test
  void aReportIntoAMissingDirectoryIsRefusedBeforeTheRunStarts() {
    Path store = dir.resolve("store");
    Path report = dir.resolve("no-such-dir").resolve("run.html");

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString(), "--report", report.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).containsExactly(
        "cau run: \"--report\" must name a file in an existing directory, but \"" + report.getParent()
            + "\" does not exist",
        "No node was touched. See 'cau run --help'.");
    assertThat(outcome.out()).as("no progress: the run did not start").isEmpty();
    assertThat(store).as("the store is not created by a refused run").doesNotExist();
  }

  @Test
  void aReportThatIsADirectoryIsRefusedBeforeTheRunStarts() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("reports.html"));

    Cau.Outcome outcome = Cau.execute("run", "--report", directory.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).first().isEqualTo(
        "cau run: \"--report\" must name a file, but \"" + directory + "\" is a directory");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aPathBelowAFileSaysThatFileIsNotADirectory() throws IOException {
    Path store = dir.resolve("store");
    RunStores.run(store);
    Path file = Files.writeString(dir.resolve("afile"), "a file", StandardCharsets.UTF_8);
    Path below = file.resolve("run.html");

    Cau.Outcome export = Cau.execute("export", "--store", store.toString(), "--path", below.toString());
    Cau.Outcome run = Cau.execute("run", "--report", below.toString());

    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.errLines()).first().isEqualTo(
        "cau export: \"--path\" must name a file in an existing directory, but \"" + file
            + "\" is a file, not a directory");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).first().isEqualTo(
        "cau run: \"--report\" must name a file in an existing directory, but \"" + file
            + "\" is a file, not a directory");
    assertThat(file).hasContent("a file");
  }

  @Test
  void aReportThatCannotBeWrittenIsWordedWithoutAJavaClassName() {
    // /proc is a directory in which no file can be created; root passes the permission check
    // before the run, so the write itself fails after it.
    Path proc = Path.of("/proc");
    assumeThat(Files.isDirectory(proc)).as("a Linux /proc").isTrue();

    Cau.Outcome outcome = Cau.execute("run", "--report", "/proc/x.html");

    assertThat(outcome.err()).startsWith("cau run: ").doesNotContain("java.", "Exception");
    if (Files.isWritable(proc)) {
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(outcome.err()).isEqualTo(
          "cau run: cannot write the report to \"/proc/x.html\": no such file or directory" + System.lineSeparator());
    } else {
      assertThat(outcome.exitCode()).isEqualTo(2);
      assertThat(outcome.err()).contains("directory \"/proc\" cannot be written (permission denied)");
    }
  }

  @Test
  void exportToADashWritesTheReportToStandardOutputAndNoFile() throws IOException {
    Path store = dir.resolve("store");
    String runId = RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--path", "-", "--format", "json");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.out()).startsWith("[").contains("\"" + runId + "\"").doesNotContain("Exported run");
    assertThat(Path.of("-")).doesNotExist();
  }

  @Test
  void exportToADashNeedsAFormat() throws IOException {
    Path store = dir.resolve("store");
    RunStores.run(store);

    Cau.Outcome outcome = Cau.execute("export", "--store", store.toString(), "--path", "-");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).first().isEqualTo(
        "cau export: \"--format\" is needed with \"--path -\" (standard output): it must be html, csv or json");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aRunReportToADashWritesOnlyTheReportToStandardOutput() {
    Cau.Outcome outcome = Cau.execute("run", "--report", "-", "--report-format", "csv");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).doesNotContain("Status:", "scanned").contains("node-1", "node-4");
    assertThat(outcome.err()).contains("Status:   Succeeded").contains("scanned");
    assertThat(Path.of("-")).doesNotExist();
  }

  @Test
  void aRunReportToADashNeedsAFormat() {
    Cau.Outcome outcome = Cau.execute("run", "--report", "-");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).containsExactly(
        "cau run: \"--report-format\" is needed with \"--report -\" (standard output): it must be html, csv or json",
        "No node was touched. See 'cau run --help'.");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aReportFormatChoosesTheFormatOfAFileWhateverItsExtension() throws IOException {
    Path report = dir.resolve("report.txt");

    Cau.Outcome outcome = Cau.execute("run", "--report", report.toString(), "--report-format", "json");

    assertThat(outcome.exitCode()).isZero();
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("[");
  }

  @Test
  void aReportFormatWithoutAReportIsRefused() {
    Cau.Outcome outcome = Cau.execute("run", "--report-format", "json");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errLines()).first().asString().startsWith("cau run: \"--report-format\" requires \"--report\"");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aStoreThatCannotBeOpenedIsWordedWithoutAJavaClassName() throws IOException {
    // "runs" is a file, so the store cannot make its runs directory.
    Path store = Files.createDirectory(dir.resolve("store"));
    Files.writeString(store.resolve("runs"), "not a directory", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("cau run: \"--store\" must name a directory that can hold a run store, but \""
        + store + "\" cannot be opened: ").doesNotContain("java.", "Exception");
  }

  @Test
  void countsOfOneAreWordedInTheSingularInTheProgressAndTheReport() {
    // One update per node; on n2 it fails, so the run ends PartiallyFailed with one node of three.
    Cau.Outcome outcome = Cau.execute(start -> SimulatedCluster.builder("one").startingAt(start)
            .node("n1", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update")))
            .node("n2", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update").failingWith(0x80240022)))
            .node("n3", n -> n.updates(SimulatedUpdate.of("KB1", "Cumulative update")))
            .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
            .build(),
        "run", "--profile", Cau.IN_MEMORY, "--max-retries-per-node", "1");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.out()).contains("scanned: 1 applicable update", "installed 1 of 1 update",
        "1 of 3 nodes did not succeed");
    assertThat(ONE_WITH_A_PLURAL.matcher(outcome.out() + outcome.err()).find()).as(outcome.out()).isFalse();
  }
}
