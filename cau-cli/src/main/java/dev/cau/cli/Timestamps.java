package dev.cau.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats instants for people, in a chosen time zone and with its offset, the way the exported
 * reports show them: {@code 2026-01-20 04:00:00 +01:00}.
 */
final class Timestamps {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private Timestamps() {}

  /**
   * Formats an instant.
   *
   * @param instant the instant
   * @param zone the zone to show it in
   * @return the text, such as {@code 2026-01-20 04:00:00 +01:00}
   */
  static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(instant.atZone(zone));
  }
}
