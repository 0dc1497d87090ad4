package dev.cau.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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

  /** The ASCII characters below DEL that a string may not hold as they are: controls, quote, backslash. */
  private static final boolean[] MAY_NEED_ESCAPE = new boolean[0x7F];

  static {
    for (int c = 0; c < 0x20; c++) {
      MAY_NEED_ESCAPE[c] = true;
    }
    MAY_NEED_ESCAPE['"'] = true;
    MAY_NEED_ESCAPE['\\'] = true;
  }

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

  /** The text written so far: {@link #length} characters of it. */
  private char[] text;

  private int length;

  /** Whether the next name or value follows a complete value and so needs a comma first. */
  private boolean afterValue;

  /**
   * Creates a writer.
   *
   * @param capacity the characters to make room for at first
   */
  JsonWriter(int capacity) {
    this.text = new char[Math.max(16, capacity)];
  }

  /**
   * Empties the writer, keeping its room: a journal that writes record after record writes each
   * into the same writer rather than growing a new buffer for each.
   *
   * @return this writer
   */
  JsonWriter reset() {
    length = 0;
    afterValue = false;
    return this;
  }

  JsonWriter beginObject() {
    open('{');
    return this;
  }

  JsonWriter endObject() {
    close('}');
    return this;
  }

  JsonWriter beginArray() {
    open('[');
    return this;
  }

  JsonWriter endArray() {
    close(']');
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
    room(1);
    text[length++] = ':';
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
      plain("null");
    } else {
      string(text);
    }
    afterValue = true;
    return this;
  }

  JsonWriter value(long number) {
    separate();
    if (number == Long.MIN_VALUE) {
      plain(Long.toString(number));
    } else {
      digits(number);
    }
    afterValue = true;
    return this;
  }

  JsonWriter value(boolean bool) {
    separate();
    plain(bool ? "true" : "false");
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
    room(32);
    char[] text = this.text;
    int at = length;
    text[at] = '"';
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    DayText date = lastDay;
    if (date.epochDay() != day) {
      date = DayText.of(day);
      lastDay = date; // a race only computes a day twice: DayText is immutable
    }
    System.arraycopy(date.text(), 0, text, at + 1, DayText.LENGTH);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    twoDigits(text, at + 12, secondOfDay / 3600);
    text[at + 14] = ':';
    twoDigits(text, at + 15, secondOfDay / 60 % 60);
    text[at + 17] = ':';
    twoDigits(text, at + 18, secondOfDay % 60);
    int end = at + 20;
    int nanos = instant.getNano();
    if (nanos != 0) {
      text[end++] = '.';
      if (nanos % 1_000_000 == 0) {
        end = digits(text, end, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        end = digits(text, end, nanos / 1_000, 6);
      } else {
        end = digits(text, end, nanos, 9);
      }
    }
    text[end++] = 'Z';
    text[end++] = '"';
    length = end;
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
    room(word.length() + 2);
    text[length++] = '"';
    word.getChars(0, word.length(), text, length);
    length += word.length();
    text[length++] = '"';
    afterValue = true;
    return this;
  }

  /**
   * Turns a fragment of the codec's own text into what {@link #fragment} and {@link #valueFragment}
   * write. Single quotes stand for double quotes, so that the fragment reads as JSON in the
   * source: {@code "{'type':'done'}"}. The codec's names and words hold neither quote.
   *
   * @param json the fragment, with single quotes
   * @return its characters, with double quotes
   */
  static char[] fragmentOf(String json) {
    return json.replace('\'', '"').toCharArray();
  }

  /**
   * Writes a fragment of the codec's own text as it is: names and fixed values up to where a value
   * is due, such as a record's opening up to its sequence number. A comma comes first if a value
   * came before. The codec's most frequent records are written so, in a few copies instead of a
   * call for each name and bracket.
   *
   * @param fragment the text, from {@link #fragmentOf}
   * @return this writer
   */
  JsonWriter fragment(char[] fragment) {
    put(fragment);
    afterValue = false;
    return this;
  }

  /**
   * Writes a fragment of the codec's own text that is a whole value, such as {@code
   * {"type":"done"}}. A comma comes first if a value came before.
   *
   * @param fragment the text, from {@link #fragmentOf}
   * @return this writer
   */
  JsonWriter valueFragment(char[] fragment) {
    put(fragment);
    afterValue = true;
    return this;
  }

  private void put(char[] fragment) {
    room(fragment.length + 1);
    if (afterValue) {
      text[length++] = ',';
    }
    System.arraycopy(fragment, 0, text, length, fragment.length);
    length += fragment.length;
  }

  /** Writes one of the codec's own member names, which need no escape, without looking. */
  private JsonWriter plainName(String name) {
    int size = name.length();
    room(size + 4);
    char[] text = this.text;
    int at = length;
    if (afterValue) {
      text[at++] = ',';
    }
    text[at++] = '"';
    name.getChars(0, size, text, at);
    at += size;
    text[at++] = '"';
    text[at++] = ':';
    length = at;
    afterValue = false;
    return this;
  }

  private void open(char bracket) {
    room(2);
    if (afterValue) {
      text[length++] = ',';
    }
    text[length++] = bracket;
    afterValue = false;
  }

  private void close(char bracket) {
    room(1);
    text[length++] = bracket;
    afterValue = true;
  }

  /** Makes room for this many more characters. */
  private void room(int more) {
    if (length + more > text.length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, length + more));
    }
  }

  /** Writes text that needs no escape. */
  private void plain(String word) {
    room(word.length());
    word.getChars(0, word.length(), text, length);
    length += word.length();
  }

  /** Writes an integer other than {@link Long#MIN_VALUE}, as {@link Long#toString(long)} does. */
  private void digits(long number) {
    room(20);
    long rest = number;
    if (rest < 0) {
      text[length++] = '-';
      rest = -rest;
    }
    if (rest <= Integer.MAX_VALUE) {
      digits((int) rest); // the journal's numbers are small, and dividing an int is several times cheaper
      return;
    }
    int count = 1;
    for (long bound = 10; count < 19 && rest >= bound; bound *= 10) {
      count++;
    }
    int at = length + count;
    length = at;
    do {
      text[--at] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
  }

  /** Writes a non-negative int, with room made for it. */
  private void digits(int number) {
    int count = 1;
    for (int bound = 10; count < 10 && number >= bound; bound *= 10) {
      count++;
    }
    int at = length + count;
    length = at;
    int rest = number;
    do {
      text[--at] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
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
    return new String(text, 0, length);
  }

  private void separate() {
    if (afterValue) {
      room(1);
      text[length++] = ',';
    }
  }

  private void string(String value) {
    int size = value.length();
    room(size + 2);
    char[] text = this.text;
    int at = length;
    text[at++] = '"';
    // Most names, ids and titles have nothing to escape: copied as they are looked over.
    for (int i = 0; i < size; i++) {
      char c = value.charAt(i);
      if (c >= 0x7F || MAY_NEED_ESCAPE[c]) {
        length = at;
        escaped(value, i);
        return;
      }
      text[at++] = c;
    }
    text[at] = '"';
    length = at + 1;
  }

  /** Writes the rest of a string from the first character that may need an escape, and its closing quote. */
  private void escaped(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      room(6);
      switch (c) {
        case '"' -> put('\\', '"');
        case '\\' -> put('\\', '\\');
        case '\b' -> put('\\', 'b');
        case '\f' -> put('\\', 'f');
        case '\n' -> put('\\', 'n');
        case '\r' -> put('\\', 'r');
        case '\t' -> put('\\', 't');
        default -> {
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
            put('\\', 'u');
            put(HEX[c >> 12], HEX[(c >> 8) & 0xF]);
            put(HEX[(c >> 4) & 0xF], HEX[c & 0xF]);
          } else {
            text[length++] = c;
          }
        }
      }
    }
    room(1);
    text[length++] = '"';
  }

  /** Puts two characters, with room made for them. */
  private void put(char first, char second) {
    text[length++] = first;
    text[length++] = second;
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
