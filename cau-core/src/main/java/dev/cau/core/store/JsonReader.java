package dev.cau.core.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 8259 reader that turns one JSON text into plain values, bounded in length and in
 * nesting depth so that a hostile record cannot exhaust memory or the stack.
 *
 * <p>Values become a {@code Map<String, Object>} (in member order), a {@code List<Object>}, a
 * {@link String}, a {@link Long} (an integer that fits), a {@link BigDecimal} (any other number), a
 * {@link Boolean}, or {@link #NULL}. Beyond the grammar, it refuses duplicate member names. Errors
 * are {@link JournalFormatException}s that give the offset (in characters, from 0) where the text
 * went wrong.
 */
final class JsonReader {
  /** The JSON {@code null}. */
  static final Object NULL = JsonNull.INSTANCE;

  /**
   * The longest number accepted, in characters: enough for any {@code long} or {@code double},
   * short enough that converting a number can never take long.
   */
  static final int MAX_NUMBER_LENGTH = 100;

  private final String text;
  private final int maxDepth;
  private int pos;
  private int depth;

  private JsonReader(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /**
   * Reads one JSON text.
   *
   * @param text the text: one value, with optional white space around it
   * @param maxLength the longest text accepted, in characters
   * @param maxDepth the deepest nesting of objects and arrays accepted
   * @return the value
   * @throws JournalFormatException if the text is too long, too deep or not JSON
   */
  static Object read(String text, int maxLength, int maxDepth) {
    if (text.length() > maxLength) {
      throw new JournalFormatException(
          "The record is " + text.length() + " characters long; the limit is " + maxLength,
          null,
          null);
    }
    JsonReader reader = new JsonReader(text, maxDepth);
    reader.skipWhiteSpace();
    Object value = reader.value();
    reader.skipWhiteSpace();
    if (reader.pos < text.length()) {
      throw reader.error(
          "expected the end of the text after the value, but found " + reader.found());
    }
    return value;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("expected a value, but the text ends");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || isDigit(c)) {
          yield number();
        }
        throw error("expected a value, but found " + found());
      }
    };
  }

  private Map<String, Object> object() {
    enter();
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhiteSpace();
    if (peek() == '}') {
      pos++;
      depth--;
      return members;
    }
    while (true) {
      if (peek() != '"') {
        throw error("expected a member name in quotes, but found " + found());
      }
      int nameAt = pos;
      String name = string();
      skipWhiteSpace();
      expect(':', "after a member name");
      skipWhiteSpace();
      Object value = value();
      if (members.putIfAbsent(name, value) != null) {
        throw error(nameAt, "the object has a second member named " + quote(name));
      }
      skipWhiteSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return members;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in an object, but found " + found());
      }
      skipWhiteSpace();
    }
  }

  private List<Object> array() {
    enter();
    pos++;
    List<Object> elements = new ArrayList<>();
    skipWhiteSpace();
    if (peek() == ']') {
      pos++;
      depth--;
      return elements;
    }
    while (true) {
      elements.add(value());
      skipWhiteSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return elements;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in an array, but found " + found());
      }
      skipWhiteSpace();
    }
  }

  private void enter() {
    depth++;
    if (depth > maxDepth) {
      throw error("objects and arrays are nested deeper than the limit of " + maxDepth + " levels");
    }
  }

  private String string() {
    pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("expected '\"' to end the string, but the text ends");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return value.toString();
      }
      if (c < 0x20) {
        throw error("a string holds the control character " + codePoint(c) + " unescaped");
      }
      if (c != '\\') {
        value.append(c);
        pos++;
        continue;
      }
      pos++;
      char escape = peek();
      switch (escape) {
        case '"', '\\', '/' -> value.append(escape);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          value.append(hex4());
          continue;
        }
        default -> throw error("a string holds the invalid escape '\\" + printable(escape) + "'");
      }
      pos++;
    }
  }

  /** Reads the four hex digits of a unicode escape, with {@link #pos} on its {@code u}. */
  private char hex4() {
    int start = pos + 1;
    if (start + 4 > text.length()) {
      throw error("expected four hex digits after '\\u', but the text ends");
    }
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = hexDigit(text.charAt(i));
      if (digit < 0) {
        pos = i;
        throw error("expected four hex digits after '\\u', but found " + found());
      }
      value = value * 16 + digit;
    }
    pos = start + 4;
    return (char) value;
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("a number has a leading zero");
      }
    } else {
      digits("a digit");
    }
    boolean integer = true;
    if (peek() == '.') {
      integer = false;
      pos++;
      digits("a digit after the decimal point");
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits("a digit in the exponent");
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      throw error(
          start,
          "a number has "
              + (pos - start)
              + " characters, more than the limit of "
              + MAX_NUMBER_LENGTH);
    }
    String number = text.substring(start, pos);
    if (integer) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        return new BigDecimal(number);
      }
    }
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException | ArithmeticException outOfRange) {
      throw error(start, "the number " + number + " is out of range");
    }
  }

  private void digits(String what) {
    if (!isDigit(peek())) {
      throw error("expected " + what + ", but found " + found());
    }
    while (isDigit(peek())) {
      pos++;
    }
  }

  private Object literal(String literal, Object value) {
    if (!text.startsWith(literal, pos)) {
      throw error("expected a value, but found " + found());
    }
    pos += literal.length();
    return value;
  }

  private void expect(char c, String where) {
    if (peek() != c) {
      throw error("expected '" + c + "' " + where + ", but found " + found());
    }
    pos++;
  }

  private void skipWhiteSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** Returns the character at the position, or {@code 0} at the end (never valid where read). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private String found() {
    if (pos >= text.length()) {
      return "the end of the text";
    }
    return "'" + printable(text.charAt(pos)) + "'";
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7F ? codePoint(c) : String.valueOf(c);
  }

  private static String codePoint(char c) {
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String quote(String name) {
    return "\"" + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "\"";
  }

  private JournalFormatException error(String message) {
    return error(pos, message);
  }

  private static JournalFormatException error(int offset, String message) {
    return new JournalFormatException(
        "The record is not valid JSON at offset " + offset + ": " + message, null, null);
  }

  private enum JsonNull {
    INSTANCE;

    @Override
    public String toString() {
      return "null";
    }
  }
}
