package dev.cau.core.store;

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

  /** Writes a member whose value is a string or {@code null}. */
  JsonWriter member(String name, @Nullable String text) {
    return name(name).value(text);
  }

  /** Writes a member whose value is an integer. */
  JsonWriter member(String name, long number) {
    return name(name).value(number);
  }

  /** Writes a member whose value is {@code true} or {@code false}. */
  JsonWriter member(String name, boolean bool) {
    return name(name).value(bool);
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
