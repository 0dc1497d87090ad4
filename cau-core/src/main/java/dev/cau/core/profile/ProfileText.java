package dev.cau.core.profile;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Text forms of profile values: quoting in the readable format, whole numbers, Booleans and
 * durations in both formats. Stateless.
 */
final class ProfileText {
  /** .NET {@code TimeSpan} text: {@code [-][d.]hh:mm[:ss[.fffffff]]}. */
  private static final Pattern TIME_SPAN = Pattern.compile(
      "(-)?(?:(\\d{1,8})\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern CLIXML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  private ProfileText() {}

  /** A value of the readable format that cannot be read, with the reason. */
  static final class BadTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadTextException(String reason) {
      super(reason);
    }
  }

  /**
   * Reads one value of the readable format: as it is, or between double quotes in which a
   * doubled quote stands for one.
   *
   * @param raw the text after {@code =}, trimmed
   * @return the value
   * @throws BadTextException if a quote is not closed or text follows the closing quote
   */
  static String unquote(String raw) {
    if (!raw.startsWith("\"")) {
      return raw;
    }
    StringBuilder out = new StringBuilder();
    int end = readQuoted(raw, 0, out);
    if (!raw.substring(end).isBlank()) {
      throw new BadTextException("has text after its closing quote; write a quote inside quotes as \"\"");
    }
    return out.toString();
  }

  /**
   * Reads a comma-separated list of the readable format; each item may be quoted.
   *
   * @param raw the text after {@code =}, trimmed
   * @return the items, trimmed unless quoted
   * @throws BadTextException if an item is empty or a quote is not closed
   */
  static List<String> splitList(String raw) {
    List<String> items = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
        i++;
      }
      String item;
      if (i < raw.length() && raw.charAt(i) == '"') {
        StringBuilder out = new StringBuilder();
        i = readQuoted(raw, i, out);
        item = out.toString();
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
          i++;
        }
        if (i < raw.length() && raw.charAt(i) != ',') {
          throw new BadTextException(
              "has text after the closing quote of item " + (items.size() + 1)
                  + "; separate items with commas");
        }
      } else {
        int comma = raw.indexOf(',', i);
        int stop = comma < 0 ? raw.length() : comma;
        item = raw.substring(i, stop).trim();
        i = stop;
        if (item.isEmpty()) {
          throw new BadTextException("has an empty item " + (items.size() + 1) + " in its list");
        }
      }
      items.add(item);
      if (i >= raw.length()) {
        return List.copyOf(items);
      }
      i++; // the comma
    }
  }

  private static int readQuoted(String raw, int start, StringBuilder out) {
    int i = start + 1;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '"') {
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
          out.append('"');
          i += 2;
          continue;
        }
        return i + 1;
      }
      out.append(c);
      i++;
    }
    throw new BadTextException("has an opening quote without a closing one");
  }

  /**
   * Writes one value, or one list item, of the readable format, quoting it only where needed.
   *
   * @param value the value, without control characters
   * @param listItem whether a comma must be quoted too
   * @return the text to write after {@code =}
   */
  static String quote(String value, boolean listItem) {
    boolean needed = value.isEmpty()
        || value.startsWith("\"")
        || Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))
        || (listItem && value.indexOf(',') >= 0);
    return needed ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * Tells whether a text holds a control character (such as a line break), which a line of the
   * readable format cannot hold.
   *
   * @param text the text
   * @return whether it holds one
   */
  static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  /**
   * Reads a whole number.
   *
   * @param text the text, trimmed
   * @return the number, or {@code null} if the text is not a whole number of at most 19 digits
   */
  static @Nullable Long wholeNumber(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return null;
    }
    try {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Reads a Boolean: {@code True} or {@code False} in any letter case, and {@code 1} or
   * {@code 0} where XML Schema allows them.
   *
   * @param text the text, trimmed
   * @param digits whether {@code 1} and {@code 0} are allowed
   * @return the value, or {@code null} if the text is none of these
   */
  static @Nullable Boolean bool(String text, boolean digits) {
    if (text.equalsIgnoreCase("true") || (digits && text.equals("1"))) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false") || (digits && text.equals("0"))) {
      return Boolean.FALSE;
    }
    return null;
  }

  /**
   * Reads a duration: ISO-8601 as {@link Duration#parse} reads it ({@code PT1H30M},
   * {@code P1DT2H}, which is also the XML Schema form CLIXML's {@code TS} uses), or .NET
   * {@code TimeSpan} text ({@code 01:30:00}, {@code 1.02:00:00}).
   *
   * @param text the text, trimmed
   * @return the duration, or {@code null} if the text is neither
   */
  static @Nullable Duration duration(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.startsWith("P") || upper.startsWith("-P") || upper.startsWith("+P")) {
      try {
        return Duration.parse(upper);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = TIME_SPAN.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long hours = Long.parseLong(m.group(3));
    long minutes = Long.parseLong(m.group(4));
    String secondsText = m.group(5);
    long seconds = secondsText == null ? 0 : Long.parseLong(secondsText);
    if (hours > 23 || minutes > 59 || seconds > 59) {
      return null;
    }
    String daysText = m.group(2);
    String fraction = m.group(6);
    Duration d = Duration.ofDays(daysText == null ? 0 : Long.parseLong(daysText))
        .plusHours(hours)
        .plusMinutes(minutes)
        .plusSeconds(seconds);
    if (fraction != null) {
      // Up to seven digits: .NET ticks of 100 ns.
      long nanos = Long.parseLong((fraction + "000000000").substring(0, 9));
      d = d.plusNanos(nanos);
    }
    return m.group(1) == null ? d : d.negated();
  }

  /**
   * Decodes CLIXML's escapes of characters XML cannot hold: {@code _xHHHH_} stands for the
   * character with that code, and {@code _x005F_} for an underscore that would otherwise start
   * an escape.
   *
   * @param text the element's text
   * @return the string it stands for
   */
  static String decodeClixml(String text) {
    if (text.indexOf("_x") < 0) {
      return text;
    }
    Matcher m = CLIXML_ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      char c = (char) Integer.parseInt(m.group(1), 16);
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
