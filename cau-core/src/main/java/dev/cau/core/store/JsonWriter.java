package dev.cau.core.store;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Writes one line of RFC 8259 JSON without white space, straight into text, as a stream of names
 * and values: the writer of {@link JournalCodec}'s records.
 *
 * <p>The caller writes a well-formed value: objects and arrays opened and closed in order, a name
 * before each member's value. The writer puts the commas and colons. Strings escape quotes,
 * backslashes, every control character (so that the text stays on one line), DEL, U+2028 and
 * U+2029, and every surrogate that is not part of a pair (so that the text encodes as UTF-8
 * without loss). Other characters are written as they are.
 *
 * <p>Not thread-safe: one writer writes one record.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The first second of year 0000 and the last of year 9999: instants written without help. */
  private static final long FIRST_FAST_SECOND = -62_167_219_200L;

  private static final long LAST_FAST_SECOND = 253_402_300_799L;

  /** The place of the first digit of a number of each width, from 1 digit to 9. */
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private static final long SECONDS_PER_DAY = 86_400;

  /**
   * The date part of the last instant written, "yyyy-mm-ddT": a run's records fall on few days,
   * and working a date out of epoch seconds costs more than the rest of the record's time.
   */
  private static volatile DayText lastDay = DayText.of(0);

  /** A day's date as an instant's text starts, ready to copy. */
  private record DayText(long epochDay, char[] text) {
    static final int LENGTH = 11;

    static DayText of(long epochDay) {
      LocalDate date = LocalDate.ofEpochDay(epochDay);
      char[] text = new char[LENGTH];
      twoDigits(text, 0, date.getYear() / 100);
      twoDigits(text, 2, date.getYear() % 100);
      text[4] = '-';
      twoDigits(text, 5, date.getMonthValue());
      text[7] = '-';
      twoDigits(text, 8, date.getDayOfMonth());
      text[10] = 'T';
      return new DayText(epochDay, text);
    }
  }

  private final StringBuilder out;

  /** Whether the next name or value follows a complete value and so needs a comma first. */
  private boolean afterValue;

  /**
   * Creates a writer.
   *
   * @param capacity the characters to make room for at first
   */
  JsonWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /**
   * Creates a writer that writes into a buffer kept for the purpose, emptied first: a journal that
   * writes record after record does not grow a new buffer for each.
   *
   * @param buffer the buffer, used by nothing else while the writer writes
   */
  JsonWriter(StringBuilder buffer) {
    this.out = buffer;
    buffer.setLength(0);
  }

  JsonWriter beginObject() {
    separate();
    out.append('{');
    afterValue = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    afterValue = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    afterValue = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    afterValue = true;
    return this;
  }

  /**
   * Writes a member's name; its value comes next.
   *
   * @param name the name
   * @return this writer
   */
  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    afterValue = false;
    return this;
  }

  /**
   * Writes a string, or {@code null}.
   *
   * @param text the string, or {@code null} for JSON null
   * @return this writer
   */
  JsonWriter value(@Nullable String text) {
    separate();
    if (text == null) {
      out.append("null");
    } else {
      string(text);
    }
    afterValue = true;
    return this;
  }

  JsonWriter value(long number) {
    separate();
    out.append(number);
    afterValue = true;
    return this;
  }

  JsonWriter value(boolean bool) {
    separate();
    out.append(bool);
    afterValue = true;
    return this;
  }

  /**
   * Writes an instant as a string, exactly as {@link Instant#toString()} does (ISO-8601 in UTC,
   * seconds always, a fraction of 3, 6 or 9 digits when there is one), without its formatter for
   * the years 0000 to 9999.
   *
   * @param instant the instant
   * @return this writer
   */
  JsonWriter value(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
      return value(instant.toString());
    }
    separate();
    // Put together in a local array and appended at once: one capacity check, not thirty.
    char[] text = new char[32];
    text[0] = '"';
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    DayText date = lastDay;
    if (date.epochDay() != day) {
      date = DayText.of(day);
      lastDay = date; // a race only computes a day twice: DayText is immutable
    }
    System.arraycopy(date.text(), 0, text, 1, DayText.LENGTH);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    twoDigits(text, 12, secondOfDay / 3600);
    text[14] = ':';
    twoDigits(text, 15, secondOfDay / 60 % 60);
    text[17] = ':';
    twoDigits(text, 18, secondOfDay % 60);
    int length = 20;
    int nanos = instant.getNano();
    if (nanos != 0) {
      text[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        length = digits(text, length, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        length = digits(text, length, nanos / 1_000, 6);
      } else {
        length = digits(text, length, nanos, 9);
      }
    }
    text[length++] = 'Z';
    text[length++] = '"';
    out.append(text, 0, length);
    afterValue = true;
    return this;
  }

  /**
   * Writes a member whose name is one of the codec's own: a plain name that needs no escape.
   * Names from elsewhere go through {@link #name}.
   */
  JsonWriter member(String name, @Nullable String text) {
    return plainName(name).value(text);
  }

  /** Writes a member, of one of the codec's own names, whose value is an integer. */
  JsonWriter member(String name, long number) {
    return plainName(name).value(number);
  }

  /** Writes a member, of one of the codec's own names, whose value is {@code true} or {@code false}. */
  JsonWriter member(String name, boolean bool) {
    return plainName(name).value(bool);
  }

  /** Writes a member, of one of the codec's own names, whose value is an instant. */
  JsonWriter member(String name, Instant instant) {
    return plainName(name).value(instant);
  }

  /**
   * Writes a member whose value is one of the codec's own words, such as a type discriminator or
   * an enum constant's name, which need no escape either.
   */
  JsonWriter constantMember(String name, String word) {
    plainName(name);
    out.append('"').append(word).append('"');
    afterValue = true;
    return this;
  }

  /** Writes one of the codec's own member names, which need no escape, without looking. */
  private JsonWriter plainName(String name) {
    separate();
    out.append('"').append(name).append("\":");
    afterValue = false;
    return this;
  }

  /**
   * Puts a number of at most {@code width} digits into an array, with leading zeros to that width.
   *
   * @return the index after the digits
   */
  private static int digits(char[] text, int at, int value, int width) {
    int next = at;
    for (int power = POWERS_OF_TEN[width - 1]; power > 0; power /= 10) {
      text[next++] = (char) ('0' + value / power % 10);
    }
    return next;
  }

  /** Puts a number from 0 to 99 into an array as two digits. */
  private static void twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * Returns the text written so far.
   *
   * @return the JSON text
   */
  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (afterValue) {
      out.append(',');
    }
  }

  private void string(String text) {
    out.append('"');
    if (isPlain(text)) {
      // Most names, ids and titles: nothing to escape, so copy the text in one go.
      out.append(text).append('"');
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
            out.append('\\').append('u');
            out.append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]);
            out.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether no character of the text needs an escape (and none is a surrogate, checked the slow way). */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
