package dev.cau.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feature-update run that upgraded two nodes of three: every report says the cluster is mixed, and since when. */
class MixedOsReportTests {
  private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
  private static final Instant FIRST_UPGRADE = Instant.parse("2026-11-02T09:10:00Z");
  private static final Update FEATURE_UPDATE = Update.of("feature-23H2", "Azure Stack HCI, version 23H2")
      .withFacts(UpdateFacts.NONE.withTarget("23H2", "25398.469"));

  private static NodeResult node(String name, SummaryStatus status, InstallResult result) {
    return new NodeResult(name, status, List.of(result), 1, 0, null, false, null);
  }

  private static RunResult partlyUpgradedRun() {
    return new RunResult(RunId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "HCI1", SummaryStatus.PARTIALLY_FAILED,
        START, START.plusSeconds(3 * 3600), List.of(
            node("N1", SummaryStatus.SUCCEEDED, InstallResult.succeeded(FEATURE_UPDATE, true, FIRST_UPGRADE)),
            node("N2", SummaryStatus.SUCCEEDED,
                InstallResult.succeeded(FEATURE_UPDATE, true, FIRST_UPGRADE.plusSeconds(3600))),
            node("N3", SummaryStatus.FAILED,
                InstallResult.failed(FEATURE_UPDATE, 0xC1900208, FIRST_UPGRADE.plusSeconds(7200)))),
        "1 node did not succeed", List.of("cau-c1"));
  }

  @Test
  void jsonSaysTheClusterIsMixedSinceTheFirstUpgradeNamingEachSide() {
    String json = ReportExporter.toJson(List.of(partlyUpgradedRun())).replaceAll("\n\\s*", "").replace("\": ", "\":");

    assertThat(json).contains("\"mixedOs\":{\"mixed\":true,\"since\":\"2026-11-02T09:10:00Z\","
        + "\"target\":\"23H2 (build 25398.469)\",\"upgraded\":[\"N1\",\"N2\"],\"notUpgraded\":[\"N3\"]");
    assertThat(json).contains("Mixed-OS mode since 2026-11-02T09:10:00Z");
  }

  @Test
  void htmlShowsTheDateTheClusterEnteredMixedMode() {
    String html = ReportExporter.toHtml(List.of(partlyUpgradedRun()), ZoneOffset.UTC);

    assertThat(html).contains("Mixed OS since").contains("2026-11-02 09:10:00")
        .contains("N3 still runs the old version");
  }

  @Test
  void csvMarksEachNodeAndTheDateOnEveryRowOfTheRun() {
    String csv = ReportExporter.toCsv(List.of(partlyUpgradedRun()), ZoneOffset.UTC);

    assertThat(csv.split("\r\n")).hasSize(4);
    assertThat(csv).contains(",N1,Succeeded,").contains(",Upgraded,2026-11-02 09:10:00 +00:00\r\n")
        .contains(",N3,Failed,").contains(",NotUpgraded,2026-11-02 09:10:00 +00:00\r\n");
  }

  @Test
  void aRunWithoutAFeatureUpdateKeepsItsShape() {
    RunResult run = new RunResult(RunId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "C", SummaryStatus.SUCCEEDED,
        START, START, List.of(node("N1", SummaryStatus.SUCCEEDED,
            InstallResult.succeeded(Update.of("KB1", "One"), false, START))), null, List.of());

    assertThat(ReportExporter.toJson(List.of(run))).doesNotContain("mixedOs");
    assertThat(ReportExporter.toHtml(List.of(run), ZoneOffset.UTC)).doesNotContain("Mixed OS");
  }
}
