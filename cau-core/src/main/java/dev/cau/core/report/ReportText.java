package dev.cau.core.report;

import dev.cau.api.result.SummaryStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the reports word values: times, durations, error codes and enum constants. */
final class ReportText {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private ReportText() {}

  /** Formats an instant in a zone as {@code yyyy-MM-dd HH:mm:ss xxx}, such as {@code +01:00}. */
  static String timestamp(Instant instant, ZoneId zone) {
    return TIMESTAMP.format(instant.atZone(zone));
  }

  /** Formats an error code as eight upper-case hex digits, such as {@code 0x80070643}. */
  static String hexErrorCode(int errorCode) {
    return String.format(Locale.ROOT, "0x%08X", errorCode);
  }

  /** Formats a duration as {@code H:mm:ss}, with a leading minus sign when it is negative. */
  static String duration(Duration duration) {
    Duration positive = duration.abs();
    return String.format(
        Locale.ROOT,
        "%s%d:%02d:%02d",
        duration.isNegative() ? "-" : "",
        positive.toHours(),
        positive.toMinutesPart(),
        positive.toSecondsPart());
  }

  /** Returns the CAU name of a summary status, such as {@code PartiallyFailed}. */
  static String status(SummaryStatus status) {
    return status.displayName();
  }

  /** Turns an enum constant such as {@code ALREADY_INSTALLED} into {@code AlreadyInstalled}. */
  static String pascalCase(Enum<?> constant) {
    StringBuilder text = new StringBuilder();
    for (String word : constant.name().split("_", -1)) {
      if (!word.isEmpty()) {
        text.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return text.toString();
  }

  /** Turns an enum constant such as {@code PARTIALLY_FAILED} into a CSS class word. */
  static String cssWord(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Words a boolean the way PowerShell's CSV export does. */
  static String yesNo(boolean value) {
    return value ? "True" : "False";
  }
}
