package dev.cau.core.schedule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * When a self-updating cluster starts an updating run, with CAU's schedule parameters.
 *
 * <p>Three kinds match CAU's parameter sets: {@link #monthly monthly} ({@code DaysOfWeek} and
 * {@code WeeksOfMonth}, CAU's default set), {@link #weekly weekly} ({@code DaysOfWeek} and {@code
 * IntervalWeeks}) and {@link #once once} ({@code RunOnce}). Every schedule has a {@code
 * StartDate}: its time of day is the trigger time, its zone is the cluster's local zone, and no
 * trigger comes before it.
 *
 * <p>Triggers are local wall-clock times in the schedule's zone. When the trigger time does not
 * exist on a day because clocks jump forward, the trigger is resolved like {@link
 * ZonedDateTime#of(LocalDateTime, ZoneId)}: it moves later by the length of the gap (02:30 becomes
 * 03:30 when clocks jump from 02:00 to 03:00). When it occurs twice because clocks go back, the
 * schedule fires once, at the earlier offset.
 *
 * <p>Instances are immutable and thread-safe. They read no clock: callers pass the instant to
 * {@link #nextRun(Instant)}. A schedule fires only while the CAU clustered role is enabled; that
 * check belongs to the caller.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class UpdateSchedule {
  /** Value of {@code WeeksOfMonth} that means the last week of the month. */
  public static final int LAST_WEEK_OF_MONTH = 5;
  /** Day of CAU's default schedule: Tuesday. */
  public static final DayOfWeek DEFAULT_DAY_OF_WEEK = DayOfWeek.TUESDAY;
  /** Week of CAU's default schedule: the third week of the month. */
  public static final int DEFAULT_WEEK_OF_MONTH = 3;
  /** Trigger time of CAU's default schedule: 03:00. */
  public static final LocalTime DEFAULT_TRIGGER_TIME = LocalTime.of(3, 0);
  /** Every day, as CAU's {@code DaysOfWeek} flags value. */
  public static final int ALL_DAYS_FLAGS = 0x7F;

  private static final String DAYS_OF_WEEK = "DaysOfWeek";
  private static final String WEEKS_OF_MONTH = "WeeksOfMonth";
  private static final String INTERVAL_WEEKS = "IntervalWeeks";
  private static final String START_DATE = "StartDate";
  private static final String WEEKS_ALLOWED =
      "weeks from 1 to " + LAST_WEEK_OF_MONTH + " (" + LAST_WEEK_OF_MONTH + " = the last week of the month)";

  /** The parameter set a schedule uses. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Kind {
    /** CAU's {@code MonthlyDayOfWeek} set: {@code DaysOfWeek} in the {@code WeeksOfMonth}. */
    MONTHLY,
    /** CAU's {@code Weekly} set: {@code DaysOfWeek} every {@code IntervalWeeks} weeks. */
    WEEKLY,
    /** CAU's {@code RunOnce}: once, at {@code StartDate}. */
    ONCE
  }

  private final Kind kind;
  private final Set<DayOfWeek> daysOfWeek;
  private final SortedSet<Integer> weeksOfMonth;
  private final int intervalWeeks;
  private final ZonedDateTime startDate;
  private final LocalTime triggerTime;

  private UpdateSchedule(Builder b, ZonedDateTime startDate, LocalTime triggerTime) {
    this.kind = b.kind;
    this.daysOfWeek = Collections.unmodifiableSet(EnumSet.copyOf(b.daysOfWeek));
    this.weeksOfMonth = Collections.unmodifiableSortedSet(new TreeSet<>(b.weeksOfMonth));
    this.intervalWeeks = b.intervalWeeks;
    this.startDate = startDate;
    this.triggerTime = triggerTime;
  }

  /**
   * Returns CAU's default schedule: the third Tuesday of every month at 03:00.
   *
   * @param zone the cluster's local zone
   * @param startDate the first day the schedule may fire
   * @return the default schedule
   */
  public static UpdateSchedule defaults(ZoneId zone, LocalDate startDate) {
    return monthly(EnumSet.of(DEFAULT_DAY_OF_WEEK), Set.of(DEFAULT_WEEK_OF_MONTH))
        .startDate(startDate.atTime(DEFAULT_TRIGGER_TIME), zone)
        .build();
  }

  /**
   * Starts a monthly schedule: the given days in the given weeks of every month.
   *
   * <p>Week {@code n} holds the {@code n}th occurrence of a weekday in the month (days 1-7 are
   * week 1, days 8-14 week 2, and so on); week {@value #LAST_WEEK_OF_MONTH} is the last
   * occurrence, whether the month has four or five of that weekday.
   *
   * @param daysOfWeek CAU's {@code DaysOfWeek}; not empty
   * @param weeksOfMonth CAU's {@code WeeksOfMonth}; not empty, each from 1 to 5
   * @return a builder that still needs a start date
   * @throws InvalidOptionsException if a set is empty or a week is out of range
   */
  public static Builder monthly(Set<DayOfWeek> daysOfWeek, Set<Integer> weeksOfMonth) {
    Builder b = new Builder(Kind.MONTHLY);
    b.daysOfWeek = checkDays(daysOfWeek);
    b.weeksOfMonth = checkWeeks(weeksOfMonth);
    return b;
  }

  /**
   * Starts a monthly schedule from CAU's {@code DaysOfWeek} flags value.
   *
   * @param daysOfWeekFlags Sunday {@code 0x01} to Saturday {@code 0x40}; from 1 to {@code 0x7F}
   * @param weeksOfMonth CAU's {@code WeeksOfMonth}; not empty, each from 1 to 5
   * @return a builder that still needs a start date
   * @throws InvalidOptionsException if the flags, or a week, are out of range
   */
  public static Builder monthly(int daysOfWeekFlags, Set<Integer> weeksOfMonth) {
    return monthly(daysFromCauFlags(daysOfWeekFlags), weeksOfMonth);
  }

  /**
   * Starts a weekly schedule: the given days every {@code intervalWeeks} weeks.
   *
   * <p>Weeks run from Sunday to Saturday, as CAU's flags do, and are counted from the week of
   * {@code StartDate}: with an interval of 2 the schedule fires in the start's week, skips the
   * next one, and so on.
   *
   * @param daysOfWeek CAU's {@code DaysOfWeek}; not empty
   * @param intervalWeeks CAU's {@code IntervalWeeks}; 1 is every week, 2 every other week
   * @return a builder that still needs a start date
   * @throws InvalidOptionsException if the set is empty or the interval is below 1
   */
  public static Builder weekly(Set<DayOfWeek> daysOfWeek, int intervalWeeks) {
    Builder b = new Builder(Kind.WEEKLY);
    b.daysOfWeek = checkDays(daysOfWeek);
    if (intervalWeeks < 1) {
      throw new InvalidOptionsException(INTERVAL_WEEKS, String.valueOf(intervalWeeks), "at least 1");
    }
    b.intervalWeeks = intervalWeeks;
    return b;
  }

  /**
   * Starts a weekly schedule from CAU's {@code DaysOfWeek} flags value.
   *
   * @param daysOfWeekFlags Sunday {@code 0x01} to Saturday {@code 0x40}; from 1 to {@code 0x7F}
   * @param intervalWeeks CAU's {@code IntervalWeeks}; at least 1
   * @return a builder that still needs a start date
   * @throws InvalidOptionsException if the flags or the interval are out of range
   */
  public static Builder weekly(int daysOfWeekFlags, int intervalWeeks) {
    return weekly(daysFromCauFlags(daysOfWeekFlags), intervalWeeks);
  }

  /**
   * Starts a schedule that fires once, at its start date (CAU's {@code RunOnce}).
   *
   * @return a builder that still needs a start date
   */
  public static Builder once() {
    return new Builder(Kind.ONCE);
  }

  /**
   * Converts CAU's {@code DaysOfWeek} flags value to days: Sunday {@code 0x01}, Monday {@code
   * 0x02}, Tuesday {@code 0x04} … Saturday {@code 0x40}.
   *
   * @param flags the flags value; from 1 to {@value #ALL_DAYS_FLAGS}
   * @return the days, in a new mutable set
   * @throws InvalidOptionsException if no day is set or a bit above {@code 0x40} is set
   */
  public static Set<DayOfWeek> daysFromCauFlags(int flags) {
    if (flags <= 0 || (flags & ~ALL_DAYS_FLAGS) != 0) {
      throw new InvalidOptionsException(
          DAYS_OF_WEEK,
          flags + " (0x" + Integer.toHexString(flags).toUpperCase(Locale.ROOT) + ")",
          "a flags value from 1 to 127 (Sunday 0x01 to Saturday 0x40)");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if ((flags & flag(day)) != 0) {
        days.add(day);
      }
    }
    return days;
  }

  /**
   * Converts days to CAU's {@code DaysOfWeek} flags value.
   *
   * @param days the days
   * @return the flags value: Sunday {@code 0x01} … Saturday {@code 0x40}
   */
  public static int cauFlags(Set<DayOfWeek> days) {
    int flags = 0;
    for (DayOfWeek day : days) {
      flags |= flag(day);
    }
    return flags;
  }

  private static int flag(DayOfWeek day) {
    return 1 << (day.getValue() % 7); // Sunday (7) is bit 0, Monday (1) bit 1, …
  }

  private static Set<DayOfWeek> checkDays(Set<DayOfWeek> days) {
    if (days.isEmpty()) {
      throw new InvalidOptionsException(DAYS_OF_WEEK, "[]", "at least one day of the week");
    }
    for (DayOfWeek day : days) {
      Objects.requireNonNull(day, "DaysOfWeek contains null");
    }
    return EnumSet.copyOf(days);
  }

  private static SortedSet<Integer> checkWeeks(Set<Integer> weeks) {
    if (weeks.isEmpty()) {
      throw new InvalidOptionsException(WEEKS_OF_MONTH, "[]", "at least one of the " + WEEKS_ALLOWED);
    }
    SortedSet<Integer> sorted = new TreeSet<>();
    for (Integer week : weeks) {
      Objects.requireNonNull(week, "WeeksOfMonth contains null");
      if (week < 1 || week > LAST_WEEK_OF_MONTH) {
        throw new InvalidOptionsException(WEEKS_OF_MONTH, String.valueOf(week), WEEKS_ALLOWED);
      }
      sorted.add(week);
    }
    return sorted;
  }

  /**
   * Returns the first trigger strictly after the given instant.
   *
   * @param after the instant to look after, usually the caller's clock reading
   * @return the next trigger in the schedule's zone, never before the start date; empty for a
   *     {@code RunOnce} schedule whose start is not after {@code after}
   */
  public Optional<ZonedDateTime> nextRun(Instant after) {
    Objects.requireNonNull(after, "after");
    Instant start = startDate.toInstant();
    if (kind == Kind.ONCE) {
      return start.isAfter(after) ? Optional.of(startDate) : Optional.empty();
    }
    ZoneId zone = startDate.getZone();
    LocalDate first = startDate.toLocalDate();
    // A day earlier than the local date of "after", in case an offset change moved a trigger.
    LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
    if (day.isBefore(first)) {
      day = first;
    }
    // Each schedule matches at least once in any 5 weeks (monthly) or interval + 1 weeks (weekly).
    while (true) {
      if (kind == Kind.WEEKLY) {
        long offset = Math.floorMod(weekIndex(day), (long) intervalWeeks);
        if (offset != 0) {
          day = startOfWeek(day).plusWeeks(intervalWeeks - offset);
          continue;
        }
      }
      if (matches(day)) {
        ZonedDateTime trigger = ZonedDateTime.of(day, triggerTime, zone);
        Instant at = trigger.toInstant();
        if (at.isAfter(after) && !at.isBefore(start)) {
          return Optional.of(trigger);
        }
      }
      day = day.plusDays(1);
    }
  }

  private boolean matches(LocalDate day) {
    if (!daysOfWeek.contains(day.getDayOfWeek())) {
      return false;
    }
    if (kind == Kind.WEEKLY) {
      return true;
    }
    int ordinal = (day.getDayOfMonth() - 1) / 7 + 1;
    boolean last = day.plusWeeks(1).getMonth() != day.getMonth();
    return (ordinal < LAST_WEEK_OF_MONTH && weeksOfMonth.contains(ordinal))
        || (last && weeksOfMonth.contains(LAST_WEEK_OF_MONTH));
  }

  private long weekIndex(LocalDate day) {
    return ChronoUnit.WEEKS.between(startOfWeek(startDate.toLocalDate()), startOfWeek(day));
  }

  private static LocalDate startOfWeek(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
  }

  /**
   * Returns the parameter set this schedule uses.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns CAU's {@code DaysOfWeek}; empty for a {@code RunOnce} schedule.
   *
   * @return the days, unmodifiable
   */
  public Set<DayOfWeek> daysOfWeek() {
    return daysOfWeek;
  }

  /**
   * Returns CAU's {@code DaysOfWeek} as its flags value; 0 for a {@code RunOnce} schedule.
   *
   * @return Sunday {@code 0x01} … Saturday {@code 0x40}, or-ed together
   */
  public int daysOfWeekFlags() {
    return cauFlags(daysOfWeek);
  }

  /**
   * Returns CAU's {@code WeeksOfMonth}; empty unless the schedule is monthly.
   *
   * @return the weeks, ascending, unmodifiable; 5 means the last week
   */
  public SortedSet<Integer> weeksOfMonth() {
    return weeksOfMonth;
  }

  /**
   * Returns CAU's {@code IntervalWeeks}; 1 unless the schedule is weekly.
   *
   * @return the interval in weeks
   */
  public int intervalWeeks() {
    return intervalWeeks;
  }

  /**
   * Returns CAU's {@code StartDate}: the first instant the schedule may fire, in the cluster's
   * zone.
   *
   * @return the start
   */
  public ZonedDateTime startDate() {
    return startDate;
  }

  /**
   * Returns the local time of day at which the schedule fires, taken from the start as given.
   *
   * @return the trigger time
   */
  public LocalTime triggerTime() {
    return triggerTime;
  }

  /**
   * Returns the cluster's local zone, in which trigger times are read.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return startDate.getZone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UpdateSchedule s
        && kind == s.kind
        && daysOfWeek.equals(s.daysOfWeek)
        && weeksOfMonth.equals(s.weeksOfMonth)
        && intervalWeeks == s.intervalWeeks
        && startDate.equals(s.startDate)
        && triggerTime.equals(s.triggerTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, daysOfWeek, weeksOfMonth, intervalWeeks, startDate, triggerTime);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MONTHLY -> "UpdateSchedule[monthly, DaysOfWeek=" + daysOfWeek + ", WeeksOfMonth=" + weeksOfMonth
          + ", StartDate=" + startDate + "]";
      case WEEKLY -> "UpdateSchedule[weekly, DaysOfWeek=" + daysOfWeek + ", IntervalWeeks=" + intervalWeeks
          + ", StartDate=" + startDate + "]";
      case ONCE -> "UpdateSchedule[RunOnce, StartDate=" + startDate + "]";
    };
  }

  /** Completes a schedule with its start date. Not thread-safe. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final Kind kind;
    private Set<DayOfWeek> daysOfWeek = EnumSet.noneOf(DayOfWeek.class);
    private SortedSet<Integer> weeksOfMonth = new TreeSet<>();
    private int intervalWeeks = 1;
    private @Nullable ZonedDateTime startDate;
    private @Nullable LocalTime triggerTime;

    private Builder(Kind kind) {
      this.kind = kind;
    }

    /**
     * Sets CAU's {@code StartDate} from a zoned date-time: its zone is the cluster's zone and its
     * time of day the trigger time.
     *
     * @param start the start
     * @return this builder
     */
    public Builder startDate(ZonedDateTime start) {
      this.startDate = Objects.requireNonNull(start, START_DATE);
      this.triggerTime = start.toLocalTime();
      return this;
    }

    /**
     * Sets CAU's {@code StartDate} as a local date-time in the cluster's zone. Its time of day is
     * the trigger time, even when it does not exist on the start day; the start itself is then
     * resolved like a trigger (later by the length of the gap, or the earlier of two offsets).
     *
     * @param start the local start
     * @param zone the cluster's zone
     * @return this builder
     */
    public Builder startDate(LocalDateTime start, ZoneId zone) {
      Objects.requireNonNull(start, START_DATE);
      Objects.requireNonNull(zone, "zone");
      this.startDate = ZonedDateTime.of(start, zone);
      this.triggerTime = start.toLocalTime();
      return this;
    }

    /**
     * Builds the schedule.
     *
     * @return the schedule
     * @throws InvalidOptionsException if no start date was set
     */
    public UpdateSchedule build() {
      ZonedDateTime start = startDate;
      LocalTime time = triggerTime;
      if (start == null || time == null) {
        throw new InvalidOptionsException(START_DATE, "none", "a start date and time");
      }
      return new UpdateSchedule(this, start, time);
    }
  }
}
