package dev.cau.core.profile;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the readable profile format into entries: one {@code Key = Value} a line, {@code #}
 * comment lines and blank lines ignored. What the keys and values mean is left to
 * {@link ProfileKeys}.
 */
final class TextProfileReader {
  private static final int SHOWN = 60;

  private final String source;
  private final List<ProfileValue.Entry> entries = new ArrayList<>();

  private TextProfileReader(String source) {
    this.source = source;
  }

  /**
   * Reads every entry, in order.
   *
   * @param in the text; read up to its end or to the size limit, not closed
   * @param source how messages name the profile
   * @return the entries
   * @throws IOException if reading fails
   * @throws InvalidProfileException if the text is too large, a line too long, or a line is not
   *     a comment, blank, or {@code Key = Value}
   */
  static List<ProfileValue.Entry> read(Reader in, String source) throws IOException {
    TextProfileReader reader = new TextProfileReader(source);
    reader.readAll(in);
    return List.copyOf(reader.entries);
  }

  private void readAll(Reader in) throws IOException {
    StringBuilder line = new StringBuilder();
    int lineNumber = 1;
    long total = 0;
    boolean afterCarriageReturn = false;
    char[] buffer = new char[4096];
    int read;
    while ((read = in.read(buffer)) != -1) {
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        if (++total > RunProfile.MAX_SIZE) {
          throw new InvalidProfileException(source + ": is larger than " + RunProfile.MAX_SIZE
              + " characters (1 MiB); a profile is a few kilobytes", null, null);
        }
        if (total == 1 && c == '\uFEFF') {
          continue; // a byte order mark
        }
        if (c == '\n' && afterCarriageReturn) {
          afterCarriageReturn = false;
          continue;
        }
        afterCarriageReturn = c == '\r';
        if (c == '\n' || c == '\r') {
          line(line.toString(), lineNumber++);
          line.setLength(0);
        } else if (line.length() >= RunProfile.MAX_LINE_LENGTH) {
          throw new InvalidProfileException(source + ": line " + lineNumber + " is longer than "
              + RunProfile.MAX_LINE_LENGTH + " characters", "line " + lineNumber, null);
        } else {
          line.append(c);
        }
      }
    }
    if (line.length() > 0) {
      line(line.toString(), lineNumber);
    }
  }

  private void line(String text, int number) {
    String line = text.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    String where = "line " + number;
    int equals = line.indexOf('=');
    if (equals < 0) {
      // A plug-in argument's line is not shown: its value may be a secret.
      boolean argument = line.regionMatches(true, 0, ProfileKeys.PLUGIN_ARGUMENTS_PREFIX, 0,
          ProfileKeys.PLUGIN_ARGUMENTS_PREFIX.length());
      throw new InvalidProfileException(source + ": " + where + " is not \"Key = Value\""
          + (argument ? "" : ": \"" + shorten(line) + "\""), where, null);
    }
    String key = line.substring(0, equals).strip();
    String value = line.substring(equals + 1).strip();
    if (key.isEmpty()) {
      throw new InvalidProfileException(source + ": " + where + " has no key before \"=\"", where, null);
    }
    if (value.isEmpty()) {
      throw new InvalidProfileException(source + ": " + where + ", " + key + " has no value;"
          + " remove the line to keep the default, or write \"\" for an empty string", where, null);
    }
    entries.add(new ProfileValue.Entry(
        key, where, new ProfileValue.Scalar(where + ", " + key, ProfileValue.TEXT, value)));
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
