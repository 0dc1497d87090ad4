package dev.cau.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * One end of a date range given on the command line, as CAU's {@code -StartDate} and
 * {@code -EndDate}: a whole day ({@code 2026-01-20}), a date-time in the chosen time zone
 * ({@code 2026-01-20T03:00}), or an instant with its own offset or zone
 * ({@code 2026-01-20T03:00:00Z}, {@code 2026-01-20T04:00+01:00}).
 *
 * @param text what was given
 * @param value a {@link LocalDate}, a {@link LocalDateTime} or an {@link Instant}
 */
record DateBound(String text, Temporal value) {
  /**
   * Checks the components.
   *
   * @param text what was given
   * @param value the parsed value
   */
  DateBound {
    Objects.requireNonNull(text, "text");
    if (!(value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Instant)) {
      throw new IllegalArgumentException("A date bound is a LocalDate, a LocalDateTime or an Instant, not " + value);
    }
  }

  /**
   * Parses an ISO-8601 date or date-time.
   *
   * @param text the text
   * @return the bound
   * @throws IllegalArgumentException if the text is neither
   */
  static DateBound parse(String text) {
    try {
      return new DateBound(text, ZonedDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notZoned) {
      try {
        return new DateBound(text, LocalDateTime.parse(text));
      } catch (DateTimeParseException notLocal) {
        try {
          return new DateBound(text, LocalDate.parse(text));
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException("must be an ISO-8601 date or date-time such as 2026-01-20,"
              + " 2026-01-20T03:00 or 2026-01-20T03:00:00Z, but was '" + text + "'", notDate);
        }
      }
    }
  }

  /**
   * Returns the earliest instant the bound takes in: the start of its day for a date.
   *
   * @param zone the zone of a date or of a date-time without an offset
   * @return the instant
   */
  Instant earliest(ZoneId zone) {
    if (value instanceof LocalDate day) {
      return day.atStartOfDay(zone).toInstant();
    }
    return exact(zone);
  }

  /**
   * Returns the latest instant the bound takes in: the end of its day for a date, so that a range
   * ending on a day includes that day.
   *
   * @param zone the zone of a date or of a date-time without an offset
   * @return the instant
   */
  Instant latest(ZoneId zone) {
    if (value instanceof LocalDate day) {
      return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
    return exact(zone);
  }

  private Instant exact(ZoneId zone) {
    if (value instanceof LocalDateTime local) {
      return local.atZone(zone).toInstant();
    }
    return (Instant) value;
  }

  @Override
  public String toString() {
    return text;
  }
}
