package dev.cau.core.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain values {@link JsonReader} reads back as one line of RFC 8259 JSON without white
 * space.
 *
 * <p>Strings escape quotes, backslashes, every control character (so that the text stays on one
 * line), DEL, U+2028 and U+2029, and every surrogate that is not part of a pair (so that the text
 * encodes as UTF-8 without loss). Other characters are written as they are.
 */
final class CompactJsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CompactJsonWriter() {}

  /**
   * Writes a value.
   *
   * @param value a {@code Map<String, ?>}, {@code List<?>}, {@link String}, {@link Long}, {@link
   *     Integer}, {@link BigDecimal}, {@link Boolean} or {@link JsonReader#NULL}
   * @return the JSON text, on one line
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> members) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : members.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string((String) member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> elements) {
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(elements.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof BigDecimal number) {
      out.append(number.toString());
    } else if (value == JsonReader.NULL) {
      out.append("null");
    } else {
      throw new IllegalArgumentException(
          "Cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void string(String text, StringBuilder out) {
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
