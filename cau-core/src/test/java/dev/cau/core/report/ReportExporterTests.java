package dev.cau.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportExporterTests {
  private static final RunId RUN_ID = RunId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  private static final Instant START = Instant.parse("2026-03-01T09:15:00Z");
  private static final Instant END = Instant.parse("2026-03-01T10:17:03Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final int E_INSTALL_FAILED = 0x80070643;
  private static final String CRLF = "\r\n";

  private static InstallResult installed(String id, String title, Instant at) {
    return InstallResult.succeeded(Update.of(id, title), true, at);
  }

  private static NodeResult node(
      String name, SummaryStatus status, List<InstallResult> results, @Nullable String reason) {
    boolean restarted = !results.isEmpty();
    return new NodeResult(
        name,
        status,
        results,
        1,
        restarted ? 1 : 0,
        restarted ? RebootMode.FULL : null,
        false,
        reason);
  }

  private static RunResult run(SummaryStatus status, @Nullable String reason, NodeResult... nodes) {
    return new RunResult(RUN_ID, "CLUSTER1", status, START, END, List.of(nodes), reason, List.of("cau-n1", "cau-n2"));
  }

  /** A run with two updates on NODE1 (one failed) and nothing to install on NODE2. */
  private static RunResult partlyFailedRun() {
    return run(
        SummaryStatus.PARTIALLY_FAILED,
        "1 node did not succeed",
        node(
            "NODE1",
            SummaryStatus.PARTIALLY_FAILED,
            List.of(
                installed("KB5034441", "Security update", Instant.parse("2026-03-01T09:20:00Z")),
                InstallResult.failed(
                    Update.of("KB5034122", "Cumulative update"),
                    E_INSTALL_FAILED,
                    Instant.parse("2026-03-01T09:25:30Z"))),
            "KB5034122 failed"),
        node("NODE2", SummaryStatus.SUCCEEDED, List.of(), null));
  }

  private static List<String> csvLines(String csv) {
    assertThat(csv).endsWith(CRLF);
    return List.of(csv.substring(0, csv.length() - CRLF.length()).split(CRLF, -1));
  }

  private static Document parseXml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setExpandEntityReferences(false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList list = document.getElementsByTagNameNS("*", tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      elements.add((Element) list.item(i));
    }
    return elements;
  }

  private static Element table(Document document, String cssClass) {
    return elements(document, "table").stream()
        .filter(t -> t.getAttribute("class").equals(cssClass))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> bodyRowTexts(Element table) {
    List<String> rows = new ArrayList<>();
    NodeList bodies = table.getElementsByTagNameNS("*", "tbody");
    NodeList trs = ((Element) bodies.item(0)).getElementsByTagNameNS("*", "tr");
    for (int i = 0; i < trs.getLength(); i++) {
      NodeList cells = ((Element) trs.item(i)).getChildNodes();
      List<String> texts = new ArrayList<>();
      for (int j = 0; j < cells.getLength(); j++) {
        texts.add(cells.item(j).getTextContent());
      }
      rows.add(String.join("|", texts));
    }
    return rows;
  }

  // CSV

  @Test
  void csvHasAHeaderAndOneRowPerInstallResultWithTheRunAndNodeRepeated() {
    List<String> lines = csvLines(ReportExporter.toCsv(List.of(partlyFailedRun()), ZoneOffset.UTC));

    assertThat(lines)
        .containsExactly(
            "RunId,Cluster,RunStatus,RunStart,Node,NodeStatus,UpdateId,UpdateTitle,Result,"
                + "ErrorCode,ErrorCodeDecimal,RebootRequired,Timestamp,NodeOs,MixedOsSince",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301,CLUSTER1,PartiallyFailed,"
                + "2026-03-01 09:15:00 +00:00,NODE1,PartiallyFailed,KB5034441,Security update,"
                + "Succeeded,0x00000000,0,True,2026-03-01 09:20:00 +00:00,,",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301,CLUSTER1,PartiallyFailed,"
                + "2026-03-01 09:15:00 +00:00,NODE1,PartiallyFailed,KB5034122,Cumulative update,"
                + "Failed,0x80070643,-2147023293,False,2026-03-01 09:25:30 +00:00,,",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301,CLUSTER1,PartiallyFailed,"
                + "2026-03-01 09:15:00 +00:00,NODE2,Succeeded,,,,,,,,,");
  }

  @Test
  void csvQuotesAFieldWithACommaAQuoteOrALineBreakAndDoublesItsQuotes() {
    String title = "Update \"A\", part 1\r\nsecond line";
    RunResult run =
        run(
            SummaryStatus.SUCCEEDED,
            null,
            node("N1", SummaryStatus.SUCCEEDED, List.of(installed("KB1", title, END)), null));

    String csv = ReportExporter.toCsv(List.of(run), ZoneOffset.UTC);

    assertThat(csv).contains(",KB1,\"Update \"\"A\"\", part 1\r\nsecond line\",Succeeded,");
    assertThat(csv).contains(",CLUSTER1,").doesNotContain("\"CLUSTER1\"");
  }

  @Test
  void csvListsANodeWithoutInstallResultsWithEmptyUpdateColumns() {
    List<String> lines = csvLines(ReportExporter.toCsv(List.of(partlyFailedRun()), ZoneOffset.UTC));

    assertThat(lines).filteredOn(line -> line.contains(",NODE2,")).hasSize(1);
    assertThat(lines)
        .filteredOn(line -> line.contains(",NODE2,"))
        .first()
        .asString()
        .endsWith(",NODE2,Succeeded,,,,,,,,,")
        .satisfies(line -> assertThat(line.split(",", -1)).hasSize(CsvReport.COLUMNS.size()));
  }

  @Test
  void csvShowsTimesInTheChosenZoneWithTheirOffset() {
    String utc = ReportExporter.toCsv(List.of(partlyFailedRun()), ZoneOffset.UTC);
    String berlin = ReportExporter.toCsv(List.of(partlyFailedRun()), BERLIN);

    assertThat(utc).contains("2026-03-01 09:15:00 +00:00").contains("2026-03-01 09:25:30 +00:00");
    assertThat(berlin)
        .contains("2026-03-01 10:15:00 +01:00")
        .contains("2026-03-01 10:25:30 +01:00")
        .doesNotContain("+00:00");
  }

  @Test
  void csvOfNoRunsIsTheHeaderAlone() {
    assertThat(csvLines(ReportExporter.toCsv(List.of(), ZoneOffset.UTC))).hasSize(1);
  }

  // HTML

  @Test
  void htmlIsAWellFormedStandaloneXhtmlPage() throws Exception {
    String html = ReportExporter.toHtml(List.of(partlyFailedRun()), BERLIN);

    Document document = parseXml(html);

    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"UTF-8\"/>");
    assertThat(html).doesNotContain("<script", "src=", "href=", "<link", "url(", "@import");
  }

  @Test
  void htmlHasTheClusterSummaryInTheChosenZoneWithTheZoneName() throws Exception {
    Document document = parseXml(ReportExporter.toHtml(List.of(partlyFailedRun()), BERLIN));

    assertThat(bodyRowTexts(table(document, "summary")))
        .containsExactly(
            "Cluster|CLUSTER1",
            "Run id|3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "Status|PartiallyFailed",
            "Started|2026-03-01 10:15:00 +01:00 (Europe/Berlin)",
            "Finished|2026-03-01 11:17:03 +01:00 (Europe/Berlin)",
            "Duration|1:02:03",
            "Reason|1 node did not succeed",
            "Coordinators|cau-n1, cau-n2");
    assertThat(document.getDocumentElement().getTextContent()).contains("Europe/Berlin");
  }

  @Test
  void htmlHasEveryNodeResultAndEachNodesUpdates() throws Exception {
    Document document = parseXml(ReportExporter.toHtml(List.of(partlyFailedRun()), ZoneOffset.UTC));

    assertThat(bodyRowTexts(table(document, "nodes")))
        .containsExactly(
            "NODE1|PartiallyFailed|1|1|1|Full|No|KB5034122 failed",
            "NODE2|Succeeded|0|0|0||No|");
    assertThat(bodyRowTexts(table(document, "updates")))
        .containsExactly(
            "KB5034441|Security update|Succeeded|0x00000000 (0)|Yes|2026-03-01 09:20:00 +00:00",
            "KB5034122|Cumulative update|Failed|0x80070643 (-2147023293)|No|"
                + "2026-03-01 09:25:30 +00:00");
    assertThat(document.getDocumentElement().getTextContent())
        .contains("No updates were installed on this node.");
  }

  @Test
  void htmlGivesStatusCellsAClassPerStatus() {
    String html = ReportExporter.toHtml(List.of(partlyFailedRun()), ZoneOffset.UTC);

    assertThat(html)
        .contains("<td class=\"status-partially-failed\">PartiallyFailed</td>")
        .contains("<td class=\"status-succeeded\">Succeeded</td>")
        .contains("<td class=\"result-failed\">Failed</td>");
  }

  @Test
  void htmlEscapesEveryTextSoThatMarkupInNamesAndReasonsStaysText() throws Exception {
    String name = "<script>alert('x')</script>";
    String reason = "\"quoted\" & <b>bold</b>";
    RunResult run =
        new RunResult(
            RUN_ID,
            "A&B <cluster>",
            SummaryStatus.FAILED,
            START,
            END,
            List.of(node(name, SummaryStatus.FAILED, List.of(), reason)),
            reason);

    String html = ReportExporter.toHtml(List.of(run), ZoneOffset.UTC);

    assertThat(html)
        .doesNotContain("<script", "<b>", "A&B")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    Document document = parseXml(html);
    assertThat(bodyRowTexts(table(document, "nodes")))
        .containsExactly(name + "|Failed|0|0|0||No|" + reason);
    assertThat(elements(document, "script")).isEmpty();
  }

  @Test
  void htmlReplacesCharactersXmlForbidsSoThePageStaysWellFormed() throws Exception {
    RunResult run =
        run(
            SummaryStatus.FAILED,
            "bell \u0007 and lone surrogate \uD800 end",
            node("N1", SummaryStatus.FAILED, List.of(), null));

    Document document = parseXml(ReportExporter.toHtml(List.of(run), ZoneOffset.UTC));

    assertThat(bodyRowTexts(table(document, "summary")))
        .contains("Reason|bell \uFFFD and lone surrogate \uFFFD end");
  }

  // JSON

  @Test
  void jsonHasEveryFieldWithInstantsInUtc() {
    RunResult run =
        run(
            SummaryStatus.PARTIALLY_FAILED,
            "1 node did not succeed",
            node(
                "NODE1",
                SummaryStatus.PARTIALLY_FAILED,
                List.of(
                    InstallResult.failed(
                        Update.of("KB5034122", "Cumulative update"),
                        E_INSTALL_FAILED,
                        Instant.parse("2026-03-01T09:25:30Z"))),
                "KB5034122 failed"),
            node("NODE2", SummaryStatus.SUCCEEDED, List.of(), null));

    assertThat(ReportExporter.toJson(List.of(run)))
        .isEqualTo(
            """
            [
              {
                "runId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "cluster": "CLUSTER1",
                "status": "PartiallyFailed",
                "startedAt": "2026-03-01T09:15:00Z",
                "finishedAt": "2026-03-01T10:17:03Z",
                "duration": "PT1H2M3S",
                "reason": "1 node did not succeed",
                "coordinators": [
                  "cau-n1",
                  "cau-n2"
                ],
                "nodeResults": [
                  {
                    "node": "NODE1",
                    "status": "PartiallyFailed",
                    "succeededUpdates": 0,
                    "failedUpdates": 1,
                    "attempts": 1,
                    "restarts": 1,
                    "bootType": "Full",
                    "restartPending": false,
                    "reason": "KB5034122 failed",
                    "installResults": [
                      {
                        "updateId": "KB5034122",
                        "updateTitle": "Cumulative update",
                        "updateDescription": "",
                        "result": "Failed",
                        "errorCode": -2147023293,
                        "errorCodeHex": "0x80070643",
                        "rebootRequired": false,
                        "timestamp": "2026-03-01T09:25:30Z"
                      }
                    ]
                  },
                  {
                    "node": "NODE2",
                    "status": "Succeeded",
                    "succeededUpdates": 0,
                    "failedUpdates": 0,
                    "attempts": 1,
                    "restarts": 0,
                    "bootType": null,
                    "restartPending": false,
                    "reason": null,
                    "installResults": []
                  }
                ]
              }
            ]
            """);
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() {
    RunResult run =
        run(
            SummaryStatus.FAILED,
            "say \"hi\" \\ tab\tnewline\ncr\rnul\u0000 unit\u001f del\u007f é",
            node("N1", SummaryStatus.FAILED, List.of(), null));

    assertThat(ReportExporter.toJson(List.of(run)))
        .contains(
            "\"reason\": \"say \\\"hi\\\" \\\\ tab\\u0009newline\\u000Acr\\u000Dnul\\u0000"
                + " unit\\u001F del\\u007F é\"");
  }

  @Test
  void jsonOfNoRunsIsAnEmptyArrayAndIgnoresTheZone() {
    assertThat(ReportExporter.toJson(List.of())).isEqualTo("[]\n");
  }

  @Test
  void writeToAWriterGivesTheSameTextAsTheStringMethods() throws Exception {
    List<RunResult> runs = List.of(partlyFailedRun());
    StringWriter csv = new StringWriter();
    StringWriter html = new StringWriter();
    StringWriter json = new StringWriter();

    ReportExporter.write(ReportFormat.CSV, runs, BERLIN, csv);
    ReportExporter.write(ReportFormat.HTML, runs, BERLIN, html);
    ReportExporter.write(ReportFormat.JSON, runs, BERLIN, json);

    assertThat(csv.toString()).isEqualTo(ReportExporter.toCsv(runs, BERLIN));
    assertThat(html.toString()).isEqualTo(ReportExporter.toHtml(runs, BERLIN));
    assertThat(json.toString()).isEqualTo(ReportExporter.toJson(runs));
  }

  @Test
  void csvWordsOtherResultCodesInPascalCase() {
    NodeResult node =
        node(
            "N1",
            SummaryStatus.FAILED,
            List.of(
                new InstallResult(
                    Update.of("KB9", "Nine"), UpdateResultCode.CANCELED, 0, false, END)),
            null);

    assertThat(ReportExporter.toCsv(List.of(run(SummaryStatus.FAILED, null, node)), BERLIN))
        .contains(",KB9,Nine,Canceled,0x00000000,0,False,2026-03-01 11:17:03 +01:00,,\r\n");
  }
}
