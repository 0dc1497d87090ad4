package dev.cau.transport.ssh;

import java.util.List;

/**
 * Quotes values for a POSIX shell ({@code sh}, {@code dash}, {@code bash}) so that the shell
 * reads each back as exactly one word, unchanged.
 *
 * <p>The one function: wrap the value in single quotes and write every {@code '} inside it as
 * {@code '\''} (close the quotes, an escaped quote, open them again). Between single quotes a
 * POSIX shell expands nothing: no {@code $}, no backquote, no backslash, no glob, no newline is
 * special. The empty value becomes {@code ''}, which is still one (empty) word.
 */
public final class PosixQuoting {
  private PosixQuoting() {}

  /**
   * Quotes one value.
   *
   * @param value any text without a NUL character
   * @return the value as one single-quoted shell word
   * @throws IllegalArgumentException if the value holds a NUL character, which no shell can pass
   */
  public static String quote(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot hold a NUL character");
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * Quotes values and joins them with spaces.
   *
   * @param values the words
   * @return the quoted words separated by one space each; empty for no words
   */
  public static String quoteAll(List<String> values) {
    StringBuilder words = new StringBuilder();
    for (String value : values) {
      if (words.length() > 0) {
        words.append(' ');
      }
      words.append(quote(value));
    }
    return words.toString();
  }
}
