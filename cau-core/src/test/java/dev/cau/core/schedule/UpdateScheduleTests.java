package dev.cau.core.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cau.api.InvalidOptionsException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateScheduleTests {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  private static final UpdateSchedule DEFAULT_BERLIN =
      UpdateSchedule.defaults(BERLIN, LocalDate.of(2026, 1, 1));
  private static final UpdateSchedule LAST_TUESDAY =
      UpdateSchedule.monthly(EnumSet.of(TUESDAY), Set.of(5)).startDate(at("2026-01-01T03:00"), BERLIN).build();
  private static final UpdateSchedule FOURTH_AND_LAST_TUESDAY =
      UpdateSchedule.monthly(EnumSet.of(TUESDAY), Set.of(4, 5)).startDate(at("2026-01-01T03:00"), BERLIN).build();
  private static final UpdateSchedule FIRST_AND_THIRD_MONDAY =
      UpdateSchedule.monthly(EnumSet.of(MONDAY), Set.of(1, 3)).startDate(at("2026-01-01T22:00"), UTC).build();
  private static final UpdateSchedule MON_WED_FRI_SECOND_WEEK =
      UpdateSchedule.monthly(0x2A, Set.of(2)).startDate(at("2026-01-01T03:00"), UTC).build();
  private static final UpdateSchedule EVERY_DAY_UTC =
      UpdateSchedule.weekly(UpdateSchedule.ALL_DAYS_FLAGS, 1).startDate(at("2026-01-01T03:00"), UTC).build();
  /** Starts on Wednesday 2026-01-07, in the week of Sunday 2026-01-04. */
  private static final UpdateSchedule TUE_THU_EVERY_OTHER_WEEK =
      UpdateSchedule.weekly(EnumSet.of(TUESDAY, THURSDAY), 2).startDate(at("2026-01-07T03:00"), UTC).build();
  private static final UpdateSchedule TUE_THU_EVERY_WEEK =
      UpdateSchedule.weekly(EnumSet.of(TUESDAY, THURSDAY), 1).startDate(at("2026-01-07T03:00"), UTC).build();
  private static final UpdateSchedule ONCE_BERLIN =
      UpdateSchedule.once().startDate(ZonedDateTime.of(at("2026-05-01T03:00"), BERLIN)).build();
  private static final UpdateSchedule DAILY_0230_NEW_YORK =
      UpdateSchedule.weekly(0x7F, 1).startDate(at("2026-03-01T02:30"), NEW_YORK).build();
  private static final UpdateSchedule DAILY_0130_NEW_YORK =
      UpdateSchedule.weekly(0x7F, 1).startDate(at("2026-10-01T01:30"), NEW_YORK).build();
  private static final UpdateSchedule DAILY_0230_BERLIN =
      UpdateSchedule.weekly(0x7F, 1).startDate(at("2026-03-01T02:30"), BERLIN).build();
  private static final UpdateSchedule SUNDAY_0300_BERLIN =
      UpdateSchedule.weekly(EnumSet.of(SUNDAY), 1).startDate(at("2026-03-01T03:00"), BERLIN).build();
  private static final UpdateSchedule DEFAULT_AUCKLAND =
      UpdateSchedule.defaults(AUCKLAND, LocalDate.of(2026, 1, 1));

  static Stream<Arguments> nextRuns() {
    return Stream.of(
        // Default: third Tuesday at 03:00 (CET +01:00 until 2026-03-29, then CEST +02:00).
        row("default, January", DEFAULT_BERLIN, "2026-01-01T00:00:00Z", "2026-01-20T03:00+01:00"),
        row("default, a second before", DEFAULT_BERLIN, "2026-01-20T01:59:59Z", "2026-01-20T03:00+01:00"),
        row("default, strictly after", DEFAULT_BERLIN, "2026-01-20T02:00:00Z", "2026-02-17T03:00+01:00"),
        row("default, March", DEFAULT_BERLIN, "2026-02-17T02:00:00Z", "2026-03-17T03:00+01:00"),
        row("default, April in summer time", DEFAULT_BERLIN, "2026-03-18T00:00:00Z", "2026-04-21T03:00+02:00"),
        row("default, December", DEFAULT_BERLIN, "2026-11-30T00:00:00Z", "2026-12-15T03:00+01:00"),
        row("default, across the year", DEFAULT_BERLIN, "2026-12-16T00:00:00Z", "2027-01-19T03:00+01:00"),
        row("default, never before start", DEFAULT_BERLIN, "2020-01-01T00:00:00Z", "2026-01-20T03:00+01:00"),
        // Week 5 = the last week: February 2026 has 4 Tuesdays, March 2026 has 5.
        row("week 5, 4 Tuesdays", LAST_TUESDAY, "2026-02-01T00:00:00Z", "2026-02-24T03:00+01:00"),
        row("week 5, 5 Tuesdays", LAST_TUESDAY, "2026-03-01T00:00:00Z", "2026-03-31T03:00+02:00"),
        row("weeks 4 and 5, 4 Tuesdays fire once", FOURTH_AND_LAST_TUESDAY,
            "2026-02-24T02:00:00Z", "2026-03-24T03:00+01:00"),
        row("weeks 4 and 5, 5 Tuesdays fire twice", FOURTH_AND_LAST_TUESDAY,
            "2026-03-24T02:00:00Z", "2026-03-31T03:00+02:00"),
        // WeeksOfMonth {1, 3}: January 2026 Mondays are 5, 12, 19, 26.
        row("weeks 1 and 3, first", FIRST_AND_THIRD_MONDAY, "2026-01-01T00:00:00Z", "2026-01-05T22:00Z"),
        row("weeks 1 and 3, third", FIRST_AND_THIRD_MONDAY, "2026-01-05T22:00:00Z", "2026-01-19T22:00Z"),
        row("weeks 1 and 3, next month", FIRST_AND_THIRD_MONDAY, "2026-01-19T22:00:01Z", "2026-02-02T22:00Z"),
        // Monday, Wednesday and Friday (0x2A) of week 2 (days 8 to 14).
        row("several days, Friday", MON_WED_FRI_SECOND_WEEK, "2026-01-01T00:00:00Z", "2026-01-09T03:00Z"),
        row("several days, Monday", MON_WED_FRI_SECOND_WEEK, "2026-01-09T03:00:00Z", "2026-01-12T03:00Z"),
        row("several days, Wednesday", MON_WED_FRI_SECOND_WEEK, "2026-01-12T03:00:00Z", "2026-01-14T03:00Z"),
        row("several days, next month", MON_WED_FRI_SECOND_WEEK, "2026-01-14T03:00:00Z", "2026-02-09T03:00Z"),
        row("every day", EVERY_DAY_UTC, "2026-06-10T03:00:00Z", "2026-06-11T03:00Z"),
        row("every day, same day", EVERY_DAY_UTC, "2026-06-10T02:59:59Z", "2026-06-10T03:00Z"),
        // IntervalWeeks 2 from the week of 2026-01-04: weeks of Jan 4, Jan 18, Feb 1 fire.
        row("interval 2, Tuesday before start skipped", TUE_THU_EVERY_OTHER_WEEK,
            "2026-01-01T00:00:00Z", "2026-01-08T03:00Z"),
        row("interval 2, odd week skipped", TUE_THU_EVERY_OTHER_WEEK, "2026-01-08T03:00:00Z", "2026-01-20T03:00Z"),
        row("interval 2, Thursday", TUE_THU_EVERY_OTHER_WEEK, "2026-01-20T03:00:00Z", "2026-01-22T03:00Z"),
        row("interval 2, next even week", TUE_THU_EVERY_OTHER_WEEK, "2026-01-22T03:00:00Z", "2026-02-03T03:00Z"),
        row("interval 2, asked in an odd week", TUE_THU_EVERY_OTHER_WEEK,
            "2026-01-27T00:00:00Z", "2026-02-03T03:00Z"),
        row("interval 1, every week", TUE_THU_EVERY_WEEK, "2026-01-08T03:00:00Z", "2026-01-13T03:00Z"),
        // RunOnce.
        row("once, before start", ONCE_BERLIN, "2026-04-30T00:00:00Z", "2026-05-01T03:00+02:00"),
        row("once, at start", ONCE_BERLIN, "2026-05-01T01:00:00Z", null),
        row("once, after start", ONCE_BERLIN, "2026-06-01T00:00:00Z", null),
        // New York spring forward, 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 does not exist.
        row("gap moves later by its length", DAILY_0230_NEW_YORK, "2026-03-07T08:00:00Z", "2026-03-08T03:30-04:00"),
        row("day after the gap", DAILY_0230_NEW_YORK, "2026-03-08T07:30:00Z", "2026-03-09T02:30-04:00"),
        // New York fall back, 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 occurs twice.
        row("overlap fires at the earlier offset", DAILY_0130_NEW_YORK,
            "2026-10-31T06:00:00Z", "2026-11-01T01:30-04:00"),
        row("overlap fires once", DAILY_0130_NEW_YORK, "2026-11-01T05:30:00Z", "2026-11-02T01:30-05:00"),
        row("overlap, between the two", DAILY_0130_NEW_YORK, "2026-11-01T06:00:00Z", "2026-11-02T01:30-05:00"),
        // Berlin: spring forward 2026-03-29 02:00 -> 03:00, fall back 2026-10-25 03:00 -> 02:00.
        row("Berlin gap", DAILY_0230_BERLIN, "2026-03-28T12:00:00Z", "2026-03-29T03:30+02:00"),
        row("Berlin overlap", DAILY_0230_BERLIN, "2026-10-24T12:00:00Z", "2026-10-25T02:30+02:00"),
        row("Berlin overlap fires once", DAILY_0230_BERLIN, "2026-10-25T00:30:00Z", "2026-10-26T02:30+01:00"),
        row("03:00 on spring-forward day", SUNDAY_0300_BERLIN, "2026-03-28T00:00:00Z", "2026-03-29T03:00+02:00"),
        row("03:00 on fall-back day", SUNDAY_0300_BERLIN, "2026-10-24T00:00:00Z", "2026-10-25T03:00+01:00"),
        // Auckland (+13:00 in January): the trigger's UTC date is the day before.
        row("Auckland, UTC date differs", DEFAULT_AUCKLAND, "2026-01-19T13:59:59Z", "2026-01-20T03:00+13:00"),
        row("Auckland, strictly after", DEFAULT_AUCKLAND, "2026-01-19T14:00:00Z", "2026-02-17T03:00+13:00"),
        row("Auckland, winter", DEFAULT_AUCKLAND, "2026-06-01T00:00:00Z", "2026-06-16T03:00+12:00"));
  }

  private static Arguments row(String name, UpdateSchedule schedule, String after, @Nullable String expected) {
    return arguments(name, schedule, Instant.parse(after), expected);
  }

  private static LocalDateTime at(String local) {
    return LocalDateTime.parse(local);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextRuns")
  void nextRunIsTheFirstTriggerStrictlyAfter(
      String name, UpdateSchedule schedule, Instant after, @Nullable String expected) {
    Optional<ZonedDateTime> next = schedule.nextRun(after);

    if (expected == null) {
      assertThat(next).isEmpty();
    } else {
      assertThat(next).isPresent();
      ZonedDateTime run = next.orElseThrow();
      assertThat(run.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse(expected));
      assertThat(run.getZone()).isEqualTo(schedule.zone());
      assertThat(run.toInstant()).isAfter(after).isAfterOrEqualTo(schedule.startDate().toInstant());
    }
  }

  @Test
  void defaultsAreTheThirdTuesdayAtThree() {
    UpdateSchedule schedule = UpdateSchedule.defaults(BERLIN, LocalDate.of(2026, 1, 1));

    assertThat(schedule.kind()).isEqualTo(UpdateSchedule.Kind.MONTHLY);
    assertThat(schedule.daysOfWeek()).containsExactly(TUESDAY);
    assertThat(schedule.daysOfWeekFlags()).isEqualTo(4);
    assertThat(schedule.weeksOfMonth()).containsExactly(3);
    assertThat(schedule.triggerTime()).isEqualTo(LocalTime.of(3, 0));
    assertThat(schedule.zone()).isEqualTo(BERLIN);
    assertThat(schedule).isEqualTo(DEFAULT_BERLIN).hasSameHashCodeAs(DEFAULT_BERLIN);
  }

  @Test
  void startInAGapKeepsTheRequestedTriggerTime() {
    UpdateSchedule schedule =
        UpdateSchedule.weekly(0x7F, 1).startDate(at("2026-03-08T02:30"), NEW_YORK).build();

    assertThat(schedule.triggerTime()).isEqualTo(LocalTime.of(2, 30));
    assertThat(schedule.startDate().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-08T03:30-04:00"));
    assertThat(schedule.nextRun(Instant.parse("2026-03-01T00:00:00Z")))
        .contains(ZonedDateTime.of(at("2026-03-08T03:30"), NEW_YORK));
  }

  @Test
  void everyTriggerOfAYearIsOnTheThirdTuesday() {
    Instant after = Instant.parse("2026-01-01T00:00:00Z");
    for (int month = 1; month <= 12; month++) {
      ZonedDateTime run = DEFAULT_BERLIN.nextRun(after).orElseThrow();

      assertThat(run.getMonthValue()).isEqualTo(month);
      assertThat(run.getDayOfWeek()).isEqualTo(TUESDAY);
      assertThat(run.getDayOfMonth()).isBetween(15, 21);
      assertThat(run.toLocalTime()).isEqualTo(LocalTime.of(3, 0));
      after = run.toInstant();
    }
  }

  @ParameterizedTest(name = "0x{0} = {1}")
  @CsvSource({
    "01, SUNDAY",
    "04, TUESDAY",
    "40, SATURDAY",
    "2A, MONDAY WEDNESDAY FRIDAY",
    "7F, MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
  })
  void cauFlagsConvertToDays(String hex, String days) {
    int flags = Integer.parseInt(hex, 16);
    Set<DayOfWeek> expected = EnumSet.noneOf(DayOfWeek.class);
    for (String day : days.split(" ", -1)) {
      expected.add(DayOfWeek.valueOf(day));
    }

    assertThat(UpdateSchedule.daysFromCauFlags(flags)).isEqualTo(expected);
    assertThat(UpdateSchedule.cauFlags(expected)).isEqualTo(flags);
  }

  @Test
  void everyFlagsValueRoundTrips() {
    for (int flags = 1; flags <= UpdateSchedule.ALL_DAYS_FLAGS; flags++) {
      assertThat(UpdateSchedule.cauFlags(UpdateSchedule.daysFromCauFlags(flags))).isEqualTo(flags);
    }
    assertThat(UpdateSchedule.cauFlags(EnumSet.of(SUNDAY, SATURDAY, FRIDAY, WEDNESDAY))).isEqualTo(0x01 | 0x40 | 0x20 | 0x08);
  }

  static Stream<Arguments> invalidSchedules() {
    return Stream.of(
        invalid("empty DaysOfWeek", () -> UpdateSchedule.monthly(Set.of(), Set.of(3)),
            "DaysOfWeek", "\"DaysOfWeek\" must be at least one day of the week, but was []"),
        invalid("empty weekly DaysOfWeek", () -> UpdateSchedule.weekly(Set.of(), 1),
            "DaysOfWeek", "\"DaysOfWeek\" must be at least one day of the week, but was []"),
        invalid("flags 0", () -> UpdateSchedule.daysFromCauFlags(0), "DaysOfWeek",
            "\"DaysOfWeek\" must be a flags value from 1 to 127 (Sunday 0x01 to Saturday 0x40), but was 0 (0x0)"),
        invalid("flags 0x80", () -> UpdateSchedule.weekly(0x80, 1), "DaysOfWeek",
            "\"DaysOfWeek\" must be a flags value from 1 to 127 (Sunday 0x01 to Saturday 0x40), but was 128 (0x80)"),
        invalid("flags 0xFF", () -> UpdateSchedule.monthly(0xFF, Set.of(3)), "DaysOfWeek",
            "\"DaysOfWeek\" must be a flags value from 1 to 127 (Sunday 0x01 to Saturday 0x40), but was 255 (0xFF)"),
        invalid("negative flags", () -> UpdateSchedule.daysFromCauFlags(-1), "DaysOfWeek",
            "\"DaysOfWeek\" must be a flags value from 1 to 127 (Sunday 0x01 to Saturday 0x40),"
                + " but was -1 (0xFFFFFFFF)"),
        invalid("empty WeeksOfMonth", () -> UpdateSchedule.monthly(EnumSet.of(TUESDAY), Set.of()), "WeeksOfMonth",
            "\"WeeksOfMonth\" must be at least one of the weeks from 1 to 5 (5 = the last week of the month),"
                + " but was []"),
        invalid("week 6", () -> UpdateSchedule.monthly(EnumSet.of(TUESDAY), Set.of(1, 6)), "WeeksOfMonth",
            "\"WeeksOfMonth\" must be weeks from 1 to 5 (5 = the last week of the month), but was 6"),
        invalid("week 0", () -> UpdateSchedule.monthly(4, Set.of(0)), "WeeksOfMonth",
            "\"WeeksOfMonth\" must be weeks from 1 to 5 (5 = the last week of the month), but was 0"),
        invalid("IntervalWeeks 0", () -> UpdateSchedule.weekly(EnumSet.of(TUESDAY), 0), "IntervalWeeks",
            "\"IntervalWeeks\" must be at least 1, but was 0"),
        invalid("IntervalWeeks -2", () -> UpdateSchedule.weekly(4, -2), "IntervalWeeks",
            "\"IntervalWeeks\" must be at least 1, but was -2"),
        invalid("no StartDate", () -> UpdateSchedule.once().build(), "StartDate",
            "\"StartDate\" must be a start date and time, but was none"),
        invalid("no StartDate, monthly", () -> UpdateSchedule.monthly(4, Set.of(3)).build(), "StartDate",
            "\"StartDate\" must be a start date and time, but was none"));
  }

  private static Arguments invalid(String name, ThrowingCallable call, String option, String message) {
    return arguments(name, call, option, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSchedules")
  void invalidParametersAreRefusedWithTheirNameValueAndWhatIsAllowed(
      String name, ThrowingCallable call, String option, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidOptionsException.class, e -> assertThat(e.option()).isEqualTo(option))
        .hasMessage(message);
  }
}
