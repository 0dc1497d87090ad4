package dev.cau.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.quorum.QuorumPolicy;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleConfigurationTextTests {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Stream<Arguments> schedules() {
    return Stream.of(
        Arguments.of("monthly, default", UpdateSchedule.defaults(ZoneId.of("Europe/Paris"),
            LocalDate.of(2026, 1, 1))),
        Arguments.of("monthly, weeks 1 and 5 (last)",
            UpdateSchedule.monthly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(5, 1))
                .startDate(LocalDateTime.of(2026, 1, 5, 23, 30), NEW_YORK).build()),
        Arguments.of("weekly, every other Saturday",
            UpdateSchedule.weekly(EnumSet.of(DayOfWeek.SATURDAY), 2)
                .startDate(LocalDateTime.of(2026, 2, 7, 2, 15), ZoneId.of("Asia/Kolkata")).build()),
        Arguments.of("weekly, every day", UpdateSchedule.weekly(UpdateSchedule.ALL_DAYS_FLAGS, 1)
            .startDate(LocalDateTime.of(2026, 2, 7, 4, 0), ZoneId.of("Australia/Lord_Howe")).build()),
        Arguments.of("once, UTC region", UpdateSchedule.once()
            .startDate(LocalDateTime.of(2026, 4, 1, 0, 0), ZoneId.of("UTC")).build()),
        Arguments.of("once, fixed offset", UpdateSchedule.once()
            .startDate(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))).build()),
        Arguments.of("once, seconds and nanoseconds", UpdateSchedule.once()
            .startDate(ZonedDateTime.of(2026, 4, 1, 3, 4, 5, 6_000, NEW_YORK)).build()),
        Arguments.of("monthly, trigger time skipped on the start day",
            UpdateSchedule.monthly(EnumSet.of(DayOfWeek.SUNDAY), Set.of(2))
                .startDate(LocalDateTime.of(2026, 3, 8, 2, 30), NEW_YORK).build()),
        Arguments.of("weekly, start at the later of two offsets",
            UpdateSchedule.weekly(EnumSet.of(DayOfWeek.SUNDAY), 1)
                .startDate(ZonedDateTime.ofStrict(LocalDateTime.of(2026, 11, 1, 1, 30),
                    ZoneOffset.ofHours(-5), NEW_YORK)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void schedulesRoundTrip(String label, UpdateSchedule schedule) {
    RoleConfiguration configuration = RoleConfiguration.builder("CAU-Role").schedule(schedule).build();

    RoleConfiguration read = roundTrip(configuration);

    assertThat(read.schedule()).isEqualTo(schedule);
    assertThat(read.schedule().triggerTime()).isEqualTo(schedule.triggerTime());
    assertThat(read.nextRun(Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo(configuration.nextRun(Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void everyOptionAndStateRoundTrips() {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put("Retries", "4");
    arguments.put("Repository", "\\\\fs\\a, b;c%20 ");
    RunOptions options = RunOptions.builder()
        .maxFailedNodes(1)
        .maxRetriesPerNode(5)
        .requireAllNodesOnline(true)
        .rebootTimeoutMinutes(20)
        .warnAfter(Duration.ofHours(2))
        .stopAfter(Duration.ofMinutes(270))
        .preUpdateScript("\\\\fs\\cau;share\\100% pre.ps1")
        .postUpdateScript("G:\\café\\post\u2028.ps1")
        .configurationName("Cau.Session=1")
        .plugin(new PluginSelection(TestPlugins.FIRMWARE, arguments))
        .plugin(RunOptions.DEFAULT_PLUGIN)
        .failbackMode(FailbackMode.NO_FAILBACK)
        .nodeOrder(List.of("n,2", "n%1", "n;3"))
        .quorumPolicy(QuorumPolicy.ALLOW_DYNAMIC_QUORUM)
        .runPluginsSerially(true)
        .stopOnPluginFailure(true)
        .separateReboots(true)
        .siteAwareUpdatingOrder(List.of("Paris", "Lyon"))
        .pauseMode(PauseMode.FORCE_PAUSE_AND_DRAIN)
        .rebootMode(RebootMode.SOFT)
        .suspendRetriesPerNode(4)
        .maxUpdatePasses(2)
        .build();
    RoleConfiguration configuration = RoleConfiguration.builder("CAU;Role%1 ∞")
        .status(RoleStatus.DISABLED)
        .options(options)
        .defaultSchedule(NEW_YORK, LocalDate.of(2026, 1, 1))
        .updateNowRequested(true)
        .lastRunStarted(Instant.parse("2026-01-20T08:00:00.123Z"))
        .build();

    RoleConfiguration read = roundTrip(configuration);

    assertThat(read.groupName()).isEqualTo("CAU;Role%1 ∞");
    assertThat(read.status()).isEqualTo(RoleStatus.DISABLED);
    assertThat(read.updateNowRequested()).isTrue();
    assertThat(read.lastRunStarted()).contains(Instant.parse("2026-01-20T08:00:00.123Z"));
    assertThat(read.options().nodeOrder()).containsExactly("n,2", "n%1", "n;3");
    assertThat(read.options().quorumPolicy()).isEqualTo(QuorumPolicy.ALLOW_DYNAMIC_QUORUM);
    assertThat(read.options().preUpdateScript()).contains("\\\\fs\\cau;share\\100% pre.ps1");
    assertThat(read.options().postUpdateScript()).contains("G:\\café\\post\u2028.ps1");
    assertThat(read.options().plugins()).isEqualTo(options.plugins());
    assertThat(read.options()).hasToString(options.toString());
  }

  @Test
  void theStoredTextIsOneVersionedLine() {
    RoleConfiguration configuration = RoleConfiguration.builder("CAU-Role")
        .options(RunOptions.builder().preUpdateScript("a\u2028b\u2029c").build())
        .defaultSchedule(NEW_YORK, LocalDate.of(2026, 1, 1))
        .build();

    String text = RoleConfigurationText.write(configuration, TestPlugins.REGISTRY);

    assertThat(text).startsWith("Version=1;GroupName=CAU-Role;Status=Enabled;Schedule=Monthly;"
        + "StartDate=2026-01-01T03:00:00-05:00[America/New_York];TriggerTime=03:00:00;DaysOfWeek=4;"
        + "WeeksOfMonth=3;UpdateNow=false;LastRunStarted=;NodeOrder=;QuorumPolicy=StaticMajority;"
        + "Options=MaxRetriesPerNode = 3%0A");
    assertThat(text).doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029", "#");
    assertThat(text).contains("PreUpdateScript = a%E2%80%A8b%E2%80%A9c");
  }

  private static RoleConfiguration roundTrip(RoleConfiguration configuration) {
    String text = RoleConfigurationText.write(configuration, TestPlugins.REGISTRY);
    RoleConfiguration read = RoleConfigurationText.read(text);
    assertThat(RoleConfigurationText.write(read, TestPlugins.REGISTRY)).as("written again").isEqualTo(text);
    return read;
  }

  private static final String VALID = RoleConfigurationText.write(
      RoleConfiguration.builder("CAU-Role").defaultSchedule(NEW_YORK, LocalDate.of(2026, 1, 1)).build(),
      TestPlugins.REGISTRY);

  private static String with(String field, String value) {
    String replaced = VALID.replaceFirst("(^|;)" + field + "=[^;]*", "$1" + field + "=" + value);
    assertThat(replaced).as("field " + field + " replaced").isNotEqualTo(VALID);
    return replaced;
  }

  private static String without(String field) {
    return VALID.replaceFirst(";" + field + "=[^;]*", "");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "Version", "it must start with field \"Version=1\""),
        Arguments.of("GroupName=CAU-Role", "Version", "it must start with field \"Version=1\""),
        Arguments.of(with("Version", "2"), "Version", "field \"Version\" must be 1 (the version this cau4j reads)"),
        Arguments.of(without("GroupName"), "GroupName", "field \"GroupName\" is missing"),
        Arguments.of(with("GroupName", "%41%"), "GroupName", "percent-encoded UTF-8 text"),
        Arguments.of(with("GroupName", "%FF"), "GroupName", "percent-encoded UTF-8 text"),
        Arguments.of(with("GroupName", "%0A"), "GroupName", "not blank, without line breaks"),
        Arguments.of(with("GroupName", ""), "GroupName", "not blank"),
        Arguments.of(with("Status", "Online"), "Status", "must be one of Enabled, Disabled, but was \"Online\""),
        Arguments.of(with("Schedule", "Daily"), "Schedule", "must be one of Monthly, Weekly, Once"),
        Arguments.of(with("StartDate", "2026-01-01"), "StartDate", "an ISO-8601 date-time with its offset and zone"),
        Arguments.of(with("StartDate", "2026-01-01T03:00:00+09:00[America/New_York]"), "StartDate",
            "whose offset is the zone's at that time"),
        Arguments.of(with("TriggerTime", "3am"), "TriggerTime", "a time of day"),
        Arguments.of(with("TriggerTime", "04:00:00"), "TriggerTime", "the time of day of StartDate"),
        Arguments.of(with("DaysOfWeek", "0"), "DaysOfWeek", "a flags value from 1 to 127"),
        Arguments.of(with("DaysOfWeek", "128"), "DaysOfWeek", "a flags value from 1 to 127"),
        Arguments.of(with("DaysOfWeek", "Tuesday"), "DaysOfWeek", "a whole number"),
        Arguments.of(with("WeeksOfMonth", "6"), "WeeksOfMonth", "weeks from 1 to 5"),
        Arguments.of(with("WeeksOfMonth", "3,3"), "WeeksOfMonth", "each once"),
        Arguments.of(with("WeeksOfMonth", ""), "WeeksOfMonth", "weeks from 1 to 5"),
        Arguments.of(without("WeeksOfMonth"), "WeeksOfMonth", "field \"WeeksOfMonth\" is missing"),
        Arguments.of(VALID + ";IntervalWeeks=2", "IntervalWeeks", "does not belong to a Monthly schedule"),
        Arguments.of(with("Schedule", "Weekly"), "IntervalWeeks", "field \"IntervalWeeks\" is missing"),
        Arguments.of(with("UpdateNow", "yes"), "UpdateNow", "must be true or false"),
        Arguments.of(with("LastRunStarted", "yesterday"), "LastRunStarted", "an instant"),
        Arguments.of(with("NodeOrder", "n1,n1"), "NodeOrder", "appear once"),
        Arguments.of(with("QuorumPolicy", "Dynamic"), "QuorumPolicy", "StaticMajority, AllowDynamicQuorum"),
        Arguments.of(with("Options", "MaxRetriesPerNode = 99"), "Options", "\"MaxRetriesPerNode\" must be between 1 and 64"),
        Arguments.of(with("Options", "NodeOrder = n1"), "Options", "is not a valid run profile"),
        Arguments.of(with("Options", "Credential = x"), "Options", "never holds credentials"),
        Arguments.of(VALID + ";Colour=blue", "Colour", "field \"Colour\" is unknown"),
        Arguments.of(VALID + ";Status=Enabled", "Status", "field \"Status\" is given twice"),
        Arguments.of(VALID + ";", "", "is not Name=Value"),
        Arguments.of(VALID.replace("UpdateNow=false", "UpdateNow=false\n"), "UpdateNow", "must be true or false"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("malformed")
  void aMalformedConfigurationIsRefusedNamingTheField(String text, String field, String message) {
    assertThatThrownBy(() -> RoleConfigurationText.read(text))
        .isInstanceOfSatisfying(InvalidRoleConfigurationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith("The stored configuration of the self-updating role is malformed: ")
        .hasMessageContaining(message);
  }

  @Test
  void theValidTextThatTheMalformedCasesChangeReads() {
    assertThat(RoleConfigurationText.read(VALID).groupName()).isEqualTo("CAU-Role");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "%", "%%41", ";;", "a,b", "line\nbreak\r\n", "\u0000\u007F\u0085\u2028\u2029",
      "é∞😀", "%0A literally"})
  void percentCodingRoundTrips(String text) {
    for (boolean listItem : new boolean[] {false, true}) {
      String encoded = PercentCoding.encode(text, listItem);
      assertThat(encoded).doesNotContain(";", "\n", "\r", "\u0085", "\u2028", "\u2029");
      if (listItem) {
        assertThat(encoded).doesNotContain(",");
      }
      assertThat(PercentCoding.decode(encoded)).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%G1", "%C3", "%C3%28", "a;b", "a\nb"})
  void percentDecodingRefusesWhatEncodingNeverWrites(String text) {
    assertThat(PercentCoding.decode(text)).isNull();
  }
}
