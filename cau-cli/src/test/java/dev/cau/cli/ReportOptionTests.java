package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOptionTests {
  @TempDir Path dir;

  @Test
  void anHtmlReportShowsTheClusterAndEveryNodeInTheChosenZone() throws IOException {
    Path report = dir.resolve("run.html");

    Cau.Outcome outcome = Cau.execute("run", "--report", report.toString(), "--time-zone", "Europe/Berlin");

    assertThat(outcome.exitCode()).isZero();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("demo-cluster").contains("Europe/Berlin").contains("+01:00");
    for (String node : new String[] {"node-1", "node-2", "node-3", "node-4"}) {
      assertThat(html).contains(node);
    }
  }

  @Test
  void csvAndJsonAreChosenByTheExtension() throws IOException {
    Path csv = dir.resolve("run.csv");
    Path json = dir.resolve("run.json");

    assertThat(Cau.execute("run", "--report", csv.toString()).exitCode()).isZero();
    assertThat(Cau.execute("run", "--report", json.toString()).exitCode()).isZero();

    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("RunId,");
    assertThat(Files.readString(json, StandardCharsets.UTF_8)).startsWith("[");
  }

  @Test
  void anUnknownExtensionOrZoneIsAUsageErrorAndNothingRuns() {
    Cau.Outcome extension = Cau.execute("run", "--report", dir.resolve("run.pdf").toString());
    Cau.Outcome zone = Cau.execute("run", "--report", dir.resolve("run.html").toString(), "--time-zone", "Mars/Olympus");

    assertThat(extension.exitCode()).isEqualTo(2);
    assertThat(extension.err()).contains("\"--report\" must name a .html, .csv or .json file");
    assertThat(zone.exitCode()).isEqualTo(2);
    assertThat(zone.err()).contains("Mars/Olympus");
    assertThat(extension.out()).isEmpty();
    assertThat(zone.out()).isEmpty();
  }
}
