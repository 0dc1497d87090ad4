package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.PluginFailureException;
import dev.cau.plugin.windowsupdate.ScriptProtocol.Operation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The script's output is read strictly: every refusal is a PluginFailureException naming the field. */
class ScriptProtocolTests {
  private static final String STATUS = Fixtures.read("status-wsus.json").strip();
  private static final String INSTALL = Fixtures.read("install-mixed.json").strip();

  @Test
  void theDocumentedScanFixtureIsReadWithEveryProperty() {
    ScriptOutput.Scan scan = (ScriptOutput.Scan) ScriptProtocol.parse("n1", Operation.SCAN,
        Fixtures.read("scan-typical.json"));

    assertThat(scan.rebootPending()).isFalse();
    assertThat(scan.updates()).hasSize(8);
    AgentUpdate ssu = scan.updates().get(0);
    assertThat(ssu.updateId()).isEqualTo("8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01");
    assertThat(ssu.kbArticleIds()).containsExactly("5034439");
    assertThat(ssu.impact()).isEqualTo(AgentUpdate.IMPACT_EXCLUSIVE);
    assertThat(ssu.maxDownloadSize()).isEqualTo(15335424L);
    assertThat(scan.updates().get(5).classification()).isNull();
    assertThat(scan.updates().get(6).hidden()).isTrue();
  }

  @Test
  void theDocumentedInstallFixtureKeepsHresultsExactly() {
    ScriptOutput.Operation install = (ScriptOutput.Operation) ScriptProtocol.parse("n1", Operation.INSTALL, INSTALL);

    assertThat(install.resultCode()).isEqualTo(3);
    assertThat(install.rebootPending()).isTrue();
    assertThat(install.results()).extracting(r -> Hresults.hex(r.hresult()))
        .containsExactly("0x00000000", "0x00240006", "0x8024200B", "0x80240017", "0x8024402F", "0x8024000B");
  }

  @Test
  void theStatusFixtureIsRead() {
    ScriptOutput.Status status = (ScriptOutput.Status) ScriptProtocol.parse("n1", Operation.STATUS, STATUS);

    assertThat(status.updateSource()).isEqualTo("WSUS");
    assertThat(status.notificationLevel()).isEqualTo(3);
    assertThat(status.agentVersion()).isEqualTo("10.0.20348.2227");
  }

  @Test
  void anErrorDocumentBecomesAnAgentErrorWithTheNamedHresult() {
    assertThatThrownBy(() -> ScriptProtocol.parse("n1", Operation.SCAN, Fixtures.read("error-invalid-criteria.json")))
        .isInstanceOfSatisfying(PluginFailureException.class,
            e -> assertThat(e.errorId()).isEqualTo(ScriptProtocol.AGENT_ERROR))
        .hasMessageContaining("node \"n1\" failed to scan: 0x80240032 WU_E_INVALID_CRITERIA");
  }

  static Stream<Arguments> malformed() {
    String scanUpdate = Fixtures.read("scan-typical.json").strip();
    String deep = "{\"schema\":1,\"operation\":\"status\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}";
    return Stream.of(
        Arguments.of("truncated in a result", Operation.INSTALL, INSTALL.substring(0, INSTALL.indexOf("\"hResult\":-2145116149") + 12),
            "results[2].hResult"),
        Arguments.of("truncated after a field name", Operation.STATUS, STATUS.substring(0, STATUS.indexOf("\"agentVersion\"") + 15),
            "field \"rebootPending\" is the last field read"),
        Arguments.of("truncated at the end", Operation.STATUS, STATUS.substring(0, STATUS.length() - 1), "notificationLevel"),
        Arguments.of("empty", Operation.STATUS, "", "(document)"),
        Arguments.of("not an object", Operation.STATUS, "[1,2]", "(document)"),
        Arguments.of("two documents", Operation.STATUS, STATUS + STATUS, "(document)"),
        Arguments.of("duplicated field", Operation.STATUS, STATUS.replace("\"notificationLevel\":3",
            "\"notificationLevel\":3,\"notificationLevel\":4"), "notificationLevel"),
        Arguments.of("string for a number", Operation.STATUS, STATUS.replace("\"notificationLevel\":3",
            "\"notificationLevel\":\"3\""), "notificationLevel"),
        Arguments.of("number for a boolean", Operation.STATUS, STATUS.replace("\"rebootPending\":false",
            "\"rebootPending\":0"), "rebootPending"),
        Arguments.of("fraction for an HRESULT", Operation.INSTALL, INSTALL.replace("\"hResult\":2359302", "\"hResult\":2359302.5"),
            "results[1].hResult"),
        Arguments.of("HRESULT beyond 32 bits", Operation.INSTALL, INSTALL.replace("\"hResult\":2359302", "\"hResult\":4294967296"),
            "results[1].hResult"),
        Arguments.of("result code out of range", Operation.INSTALL, INSTALL.replace("\"resultCode\":5", "\"resultCode\":6"),
            "results[5].resultCode"),
        Arguments.of("missing field", Operation.STATUS, STATUS.replace("\"agentVersion\":\"10.0.20348.2227\",", ""),
            "agentVersion"),
        Arguments.of("null where a string is required", Operation.SCAN, scanUpdate.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":null"),
            "updates[0].title"),
        Arguments.of("unknown field", Operation.STATUS, STATUS.replace("}", ",\"extra\":true}"), "extra"),
        Arguments.of("unknown field in an update", Operation.SCAN, scanUpdate.replaceFirst("\"isDownloaded\":false",
            "\"isDownloaded\":false,\"isBeta\":false"), "updates[0].isBeta"),
        Arguments.of("KB with its prefix", Operation.SCAN, scanUpdate.replaceFirst("\"5034439\"", "\"KB5034439\""),
            "updates[0].kbArticleIds[0]"),
        Arguments.of("update id that is no GUID", Operation.SCAN, scanUpdate.replace("8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01",
            "$(Remove-Item C:)"), "updates[0].updateId"),
        Arguments.of("another operation's answer", Operation.SCAN, STATUS, "operation"),
        Arguments.of("another schema", Operation.STATUS, STATUS.replace("\"schema\":1", "\"schema\":2"), "schema"),
        Arguments.of("unknown update source", Operation.STATUS, STATUS.replace("\"WSUS\"", "\"Contoso\""), "updateSource"),
        Arguments.of("deeply nested", Operation.STATUS, deep, "x"),
        Arguments.of("over-long string", Operation.STATUS, STATUS.replace("10.0.20348.2227", "9".repeat(70_000)),
            "agentVersion"),
        Arguments.of("oversized", Operation.STATUS, STATUS.replace("}", ",\"pad\":\"" + " ".repeat(10) + "\"}")
            + " ".repeat(BoundedJson.MAX_DOCUMENT_CHARACTERS), "(document)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("malformed")
  void malformedOutputIsRefusedNamingTheField(String problem, Operation operation, String document, String field) {
    assertThatThrownBy(() -> ScriptProtocol.parse("n1", operation, document))
        .as(problem)
        .isInstanceOfSatisfying(PluginFailureException.class,
            e -> assertThat(e.errorId()).isEqualTo(ScriptProtocol.MALFORMED_OUTPUT))
        .hasMessageContaining("node \"n1\"")
        .hasMessageContaining(field);
  }

  @Test
  void tooManyUpdatesAreRefused() {
    String update = "{\"updateId\":\"8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01\"}";
    String document = "{\"schema\":1,\"operation\":\"scan\",\"rebootPending\":false,\"updates\":["
        + String.join(",", java.util.Collections.nCopies(BoundedJson.MAX_ARRAY_ELEMENTS + 1, update)) + "]}";

    assertThatThrownBy(() -> ScriptProtocol.parse("n1", Operation.SCAN, document))
        .hasMessageContaining("field \"updates\" holds more than 10000 elements");
  }

  @Test
  void parametersCarryEveryValueAsJsonData() {
    String parameters = ScriptProtocol.parameters(Operation.INSTALL, "Type='Software'", List.of("a", "b"));

    assertThat(parameters).isEqualTo("{\"schema\":1,\"operation\":\"install\",\"clientApplicationId\":"
        + "\"cau4j Microsoft.WindowsUpdatePlugin\",\"criteria\":\"Type='Software'\",\"updateIds\":[\"a\",\"b\"]}");
  }
}
