package dev.cau.core.role;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Percent-encoding of field values in the stored role configuration, so that a value can hold
 * any text and the configuration stays one line.
 *
 * <p>Encoded, as {@code %XX} of their UTF-8 bytes: {@code %} itself, the field separator
 * {@code ;}, the list separator {@code ,} (in list items only), every control character (which
 * includes {@code \n}, {@code \r} and U+0085) and the line and paragraph separators U+2028 and
 * U+2029. Everything else is kept as it is, so the text stays readable.
 */
final class PercentCoding {
  private PercentCoding() {}

  /**
   * Encodes a value.
   *
   * @param text the value
   * @param listItem whether the value is one item of a comma-separated list
   * @return the encoded value
   */
  static String encode(String text, boolean listItem) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == ';' || (listItem && c == ',') || Character.isISOControl(c)
          || c == '\u2028' || c == '\u2029') {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Decodes a value.
   *
   * @param text the encoded value
   * @return the value, or {@code null} if the text is not a valid encoding: a {@code %} not
   *     followed by two hex digits, bytes that are not UTF-8, or a raw character that should have
   *     been encoded
   */
  static @Nullable String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          return null;
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 3;
        continue;
      }
      if (!flush(bytes, out)) {
        return null;
      }
      if (c == ';' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return null;
      }
      out.append(c);
      i++;
    }
    return flush(bytes, out) ? out.toString() : null;
  }

  private static boolean flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() == 0) {
      return true;
    }
    try {
      out.append(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      return false;
    }
    bytes.reset();
    return true;
  }
}
