package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.CauException;
import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RolloutDescriptor;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunInput;
import dev.cau.core.quorum.QuorumPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class JournalCodecTests {
  private static final String TIMER =
      "{\"v\":2,\"type\":\"entry\",\"sequence\":7,"
          + "\"input\":{\"type\":\"timerFired\",\"token\":3,\"at\":\"2026-03-01T09:15:00Z\"}}";

  /** The same entry as format 1 wrote it. */
  private static final String TIMER_FORMAT_1 = TIMER.replace("\"v\":2", "\"v\":1");

  private static final String NODE =
      "{\"name\":\"NODE1\",\"state\":\"UP\",\"voteWeight\":1,"
          + "\"faultDomain\":{\"site\":null,\"rack\":null,\"chassis\":null}}";

  private static String started(String node) {
    return "{\"v\":1,\"type\":\"entry\",\"sequence\":1,\"input\":{\"type\":\"started\","
        + "\"snapshot\":{\"name\":\"C\",\"nodes\":["
        + node
        + "],\"witness\":{\"kind\":\"NONE\",\"state\":\"OFFLINE\"},\"roles\":[],"
        + "\"storage\":{\"status\":\"HEALTHY\",\"runningRepairJobs\":0}},"
        + "\"coordinator\":\"c\",\"at\":\"2026-03-01T09:15:00Z\"}}";
  }

  private static JournalFormatException decodingFails(ThrowingCallable decode) {
    JournalFormatException[] thrown = new JournalFormatException[1];
    assertThatThrownBy(decode)
        .isInstanceOf(JournalFormatException.class)
        .isInstanceOf(CauException.class)
        .satisfies(e -> thrown[0] = (JournalFormatException) e);
    return thrown[0];
  }

  @Test
  void everyRunInputAndCallResultVariantRoundTrips() {
    List<JournalEntry> entries = Samples.entries();
    assertThat(entries)
        .<Class<?>>extracting(e -> e.input().getClass())
        .contains(
            RunInput.Started.class,
            RunInput.CallCompleted.class,
            RunInput.TimerFired.class,
            RunInput.CancelRequested.class,
            RunInput.Resumed.class);
    assertThat(Samples.callResults())
        .<Class<?>>extracting(Object::getClass)
        .contains(
            CallResult.Scanned.class,
            CallResult.Installed.class,
            CallResult.ScriptEnded.class,
            CallResult.Ready.class,
            CallResult.Observed.class,
            CallResult.Done.class,
            CallResult.Restarted.class,
            CallResult.Failed.class);
    for (JournalEntry entry : entries) {
      String record = JournalCodec.encodeEntry(entry);
      assertThat(JournalCodec.decodeEntry(record)).as(record).isEqualTo(entry);
    }
  }

  @Test
  void headerRoundTripsForEveryKindAndPolicy() {
    RunHeader header = Samples.header();
    assertThat(JournalCodec.decodeHeader(JournalCodec.encodeHeader(header))).isEqualTo(header);
    RunHeader offline =
        new RunHeader(
            RunId.parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Samples.AWKWARD,
            RunHeader.RunKind.OFFLINE,
            "",
            List.of(),
            QuorumPolicy.ALLOW_DYNAMIC_QUORUM,
            new RolloutDescriptor("cau.offline-all-at-once", Map.of("a", Samples.AWKWARD)),
            Instant.MAX);
    assertThat(JournalCodec.decodeHeader(JournalCodec.encodeHeader(offline))).isEqualTo(offline);
  }

  @Test
  void updateFactsInstalledHashesAndScanReviewersRoundTripAndAreLeftOutWhenAbsent() {
    Update plain = Update.of("KB1", "Plain");
    Update rich = new Update("FU-23H2", "Feature update to 23H2", "", UpdateFacts.NONE
        .withKbArticles(List.of("KB5031455", "KB5031456")).withGuid("3e1f5c3a-7b8d-4f40-9a0e-5a3c2b1d0e9f")
        .withClassification("Upgrades").withSizeBytes(4_831_838_208L).withRestart(RestartBehavior.ALWAYS)
        .withInstallAlone(true).withTarget("23H2", "25398").withContentSha256("AB".repeat(32)));
    Instant at = Instant.parse("2026-03-01T09:15:00Z");
    for (CallResult result : List.of(new CallResult.Scanned("p", List.of(plain, rich)),
        new CallResult.Installed("p", List.of(InstallResult.succeeded(rich, true, at).withInstalledSha256("cd".repeat(32)),
            InstallResult.failed(plain, 5, at))))) {
      JournalEntry entry = new JournalEntry(7, new RunInput.CallCompleted(3, "n1", result, at));
      String record = JournalCodec.encodeEntry(entry);
      assertThat(JournalCodec.decodeEntry(record)).as(record).isEqualTo(entry);
      assertThat(record.split("\\{\"id\":\"KB1\"")[1]).as("a plain update has no facts").startsWith(",\"title\":\"Plain\",\"description\":\"\"}");
    }
    RunHeader reviewed = new RunHeader(Samples.header().runId(), "c", RunHeader.RunKind.ROLLING, "", List.of(),
        QuorumPolicy.STATIC_MAJORITY, Samples.header().rollout(), at, List.of("Microsoft.RollingUpgradePlugin"));
    assertThat(JournalCodec.decodeHeader(JournalCodec.encodeHeader(reviewed))).isEqualTo(reviewed);
    assertThat(JournalCodec.encodeHeader(Samples.header())).doesNotContain("scanReviewers");
  }

  @Test
  void aScanOfAPluginThatStagesNothingSaysSoAndAScanWrittenBeforeThatFieldStages() {
    Instant at = Instant.parse("2026-03-01T09:15:00Z");
    JournalEntry nothing = new JournalEntry(7, new RunInput.CallCompleted(3, "n1",
        new CallResult.Scanned("p", List.of(Update.of("KB1", "Plain")), false, false), at));
    String record = JournalCodec.encodeEntry(nothing);
    assertThat(record).contains("\"stages\":false");
    assertThat(JournalCodec.decodeEntry(record)).isEqualTo(nothing);

    JournalEntry staging = new JournalEntry(7, new RunInput.CallCompleted(3, "n1",
        new CallResult.Scanned("p", List.of(Update.of("KB1", "Plain"))), at));
    assertThat(JournalCodec.encodeEntry(staging)).as("left out when true, as before the field existed")
        .doesNotContain("stages");
    assertThat(JournalCodec.decodeEntry(JournalCodec.encodeEntry(staging))).isEqualTo(staging);
  }

  @Test
  void resultRoundTripsWithNullableFieldsSetAndNull() {
    RunResult result = Samples.result();
    assertThat(result.nodeResults()).extracting(r -> r.reason()).containsNull();
    assertThat(JournalCodec.decodeResult(JournalCodec.encodeResult(result))).isEqualTo(result);

    RunResult succeeded =
        new RunResult(
            Samples.RUN_ID,
            "CLUSTER1",
            SummaryStatus.SUCCEEDED,
            Samples.START,
            Samples.END,
            List.of(),
            null);
    assertThat(JournalCodec.decodeResult(JournalCodec.encodeResult(succeeded)))
        .isEqualTo(succeeded);
  }

  @Test
  void recordsAreSingleLinesOfCompactJsonWithVersionAndType() {
    JournalEntry timer = new JournalEntry(7, new RunInput.TimerFired(3, Samples.START));
    assertThat(JournalCodec.encodeEntry(timer)).isEqualTo(TIMER);
    assertThat(JournalCodec.decodeEntry(TIMER)).isEqualTo(timer);
    assertThat(JournalCodec.decodeEntry(TIMER_FORMAT_1)).isEqualTo(timer);
    assertThat(JournalCodec.encodeHeader(Samples.header()))
        .startsWith(
            "{\"v\":2,\"type\":\"header\",\"runId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"");
    assertThat(JournalCodec.encodeResult(Samples.result()))
        .startsWith("{\"v\":2,\"type\":\"result\"");
    for (JournalEntry entry : Samples.entries()) {
      assertThat(JournalCodec.encodeEntry(entry))
          .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0000");
    }
  }

  @Test
  void unpairedSurrogatesAreEscapedAndRoundTrip() {
    RunInput input =
        new RunInput.CancelRequested("high \uD800 low \uDC00 pair 😀 end\uDBFF", Samples.END);
    String record = JournalCodec.encodeEntry(new JournalEntry(1, input));
    assertThat(record).contains("\\ud800", "\\udc00", "\\udbff", "😀");
    assertThat(JournalCodec.decodeEntry(record).input()).isEqualTo(input);
  }

  @Test
  void decodingTakesWhiteSpaceAndMembersInAnyOrder() {
    String record =
        " {\"input\" : {\"at\":\"2026-03-01T09:15:00Z\", \"token\":3,\"type\":\"timerFired\"},\r\n"
            + "\t\"sequence\": 7, \"type\":\"entry\", \"v\":1} ";
    assertThat(JournalCodec.decodeEntry(record)).isEqualTo(JournalCodec.decodeEntry(TIMER));
  }

  @Test
  void aMissingFieldIsNamed() {
    JournalFormatException e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace(",\"at\":\"2026-03-01T09:15:00Z\"", "")));
    assertThat(e.field()).contains("input.at");
    assertThat(e).hasMessage("Field \"input.at\" is missing");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamed() {
    JournalFormatException e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("\"token\":3", "\"token\":\"3\"")));
    assertThat(e.field()).contains("input.token");
    assertThat(e)
        .hasMessageContaining("\"input.token\" must be an integer")
        .hasMessageContaining("but was the string \"3\"");

    e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("\"token\":3", "\"token\":3.0")));
    assertThat(e.field()).contains("input.token");

    e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("\"token\":3", "\"token\":null")));
    assertThat(e).hasMessageContaining("but was null");
  }

  @Test
  void anIntegerOutOfRangeIsNamed() {
    JournalFormatException e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("\"token\":3", "\"token\":2147483648")));
    assertThat(e.field()).contains("input.token");
    assertThat(e).hasMessageContaining("from -2147483648 to 2147483647, but was 2147483648");

    e =
        decodingFails(
            () ->
                JournalCodec.decodeEntry(
                    TIMER.replace("\"sequence\":7", "\"sequence\":99999999999999999999")));
    assertThat(e.field()).contains("sequence");
  }

  @Test
  void aSequenceBelowOneIsNamed() {
    JournalFormatException e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("\"sequence\":7", "\"sequence\":0")));
    assertThat(e.field()).contains("sequence");
    assertThat(e).hasMessageContaining("at least 1, but was 0");
  }

  @Test
  void anUnknownTypeIsNamedWithTheKnownOnes() {
    JournalFormatException e =
        decodingFails(() -> JournalCodec.decodeEntry(TIMER.replace("timerFired", "exploded")));
    assertThat(e.field()).contains("input.type");
    assertThat(e)
        .hasMessageContaining("unknown value \"exploded\"")
        .hasMessageContaining("\"timerFired\"")
        .hasMessageContaining("\"resumed\"");
  }

  @Test
  void anUnknownEnumConstantIsNamed() {
    JournalFormatException e =
        decodingFails(() -> JournalCodec.decodeEntry(started(NODE.replace("UP", "SLEEPING"))));
    assertThat(e.field()).contains("input.snapshot.nodes[0].state");
    assertThat(e)
        .hasMessageContaining("unknown value \"SLEEPING\"")
        .hasMessageContaining("\"PAUSED\"");
  }

  @Test
  void aValueTheTypeRefusesIsNamedWithTheTypesReason() {
    JournalFormatException e =
        decodingFails(
            () ->
                JournalCodec.decodeEntry(
                    started(NODE.replace("\"voteWeight\":1", "\"voteWeight\":3"))));
    assertThat(e.field()).contains("input.snapshot.nodes[0]");
    assertThat(e)
        .hasMessageContaining("Field \"input.snapshot.nodes[0]\" is not valid")
        .hasMessageContaining("must be 0 or 1, but was 3")
        .hasCauseInstanceOf(IllegalArgumentException.class);

    e = decodingFails(() -> JournalCodec.decodeEntry(started(NODE + "," + NODE)));
    assertThat(e.field()).contains("input.snapshot");
    assertThat(e).hasMessageContaining("lists node \"NODE1\" twice");
  }

  @Test
  void anInvalidInstantOrRunIdIsNamed() {
    JournalFormatException e =
        decodingFails(
            () -> JournalCodec.decodeEntry(TIMER.replace("2026-03-01T09:15:00Z", "yesterday")));
    assertThat(e.field()).contains("input.at");
    assertThat(e).hasMessageContaining("must be an instant").hasMessageContaining("\"yesterday\"");

    String header = JournalCodec.encodeHeader(Samples.header());
    e =
        decodingFails(
            () ->
                JournalCodec.decodeHeader(
                    header.replace("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "1-1-1-1-1")));
    assertThat(e.field()).contains("runId");
    assertThat(e).hasMessageContaining("must be a run id");
  }

  @Test
  void anUnknownFieldIsNamed() {
    JournalFormatException e =
        decodingFails(
            () ->
                JournalCodec.decodeEntry(TIMER.replace("\"token\":3", "\"token\":3,\"extra\":1")));
    assertThat(e.field()).contains("input.extra");
    assertThat(e).hasMessageContaining("is not a field of this record");
  }

  @Test
  void aNewerFormatVersionOrAnotherRecordTypeIsRefused() {
    JournalFormatException e =
        decodingFails(() -> JournalCodec.decodeEntry(TIMER.replace("\"v\":2", "\"v\":3")));
    assertThat(e.field()).contains("v");
    assertThat(e)
        .hasMessageContaining("format version 3")
        .hasMessageContaining("reads versions 1 to 2")
        .hasMessageContaining("written by a newer cau4j, read or resume it with that version");

    e = decodingFails(() -> JournalCodec.decodeEntry(TIMER.replace("\"v\":2", "\"v\":0")));
    assertThat(e).hasMessageContaining("format version 0");

    e = decodingFails(() -> JournalCodec.decodeHeader(TIMER));
    assertThat(e.field()).contains("type");
    assertThat(e).hasMessageContaining("unknown value \"entry\"; expected \"header\"");
  }

  @Test
  void textThatIsNotAJsonObjectIsRefusedWithItsOffset() {
    JournalFormatException e = decodingFails(() -> JournalCodec.decodeEntry("{\"v\":1,}"));
    assertThat(e.field()).isEmpty();
    assertThat(e).hasMessageStartingWith("The record is not valid JSON at offset 7:");

    e = decodingFails(() -> JournalCodec.decodeEntry("[1,2]"));
    assertThat(e).hasMessage("The record must be an object, but was an array");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(JournalCodec.MAX_DEPTH + 1) + "]".repeat(JournalCodec.MAX_DEPTH + 1);
    JournalFormatException e = decodingFails(() -> JournalCodec.decodeEntry(deep));
    assertThat(e)
        .hasMessageContaining("offset " + JournalCodec.MAX_DEPTH)
        .hasMessageContaining("nested deeper than the limit of 64 levels");

    String nested = TIMER.replace("\"token\":3", "\"token\":" + deep);
    assertThatThrownBy(() -> JournalCodec.decodeEntry(nested))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void oversizeInputIsRefusedBeforeItIsParsed() {
    String huge = "\"" + "x".repeat(JournalCodec.MAX_RECORD_LENGTH - 1) + "\"";
    JournalFormatException e = decodingFails(() -> JournalCodec.decodeEntry(huge));
    assertThat(e)
        .hasMessage(
            "The record is "
                + (JournalCodec.MAX_RECORD_LENGTH + 1)
                + " characters long; the limit is "
                + JournalCodec.MAX_RECORD_LENGTH);
  }
}
