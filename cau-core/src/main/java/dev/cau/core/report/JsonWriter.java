package dev.cau.core.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A minimal indenting RFC 8259 writer: objects, arrays, names and scalar values, with strings
 * escaped (quotes, backslash and every control character as a <code>&#92;u00XX</code> escape).
 */
final class JsonWriter {
  private final Appendable out;
  /** For each open object or array, whether nothing has been written into it yet. */
  private final List<Boolean> emptyScopes = new ArrayList<>();

  private boolean afterName;

  JsonWriter(Appendable out) {
    this.out = out;
  }

  JsonWriter beginObject() throws IOException {
    return open('{');
  }

  JsonWriter endObject() throws IOException {
    return close('}');
  }

  JsonWriter beginArray() throws IOException {
    return open('[');
  }

  JsonWriter endArray() throws IOException {
    return close(']');
  }

  JsonWriter name(String name) throws IOException {
    beforeValue();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(@Nullable String value) throws IOException {
    beforeValue();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  JsonWriter value(long value) throws IOException {
    beforeValue();
    out.append(Long.toString(value));
    return this;
  }

  JsonWriter value(boolean value) throws IOException {
    beforeValue();
    out.append(value ? "true" : "false");
    return this;
  }

  /** Ends the document with a line break. */
  void finish() throws IOException {
    if (!emptyScopes.isEmpty()) {
      throw new IllegalStateException("JSON document has " + emptyScopes.size() + " open scopes");
    }
    out.append('\n');
  }

  private JsonWriter open(char bracket) throws IOException {
    beforeValue();
    out.append(bracket);
    emptyScopes.add(true);
    return this;
  }

  private JsonWriter close(char bracket) throws IOException {
    boolean empty = emptyScopes.remove(emptyScopes.size() - 1);
    if (!empty) {
      newline();
    }
    out.append(bracket);
    return this;
  }

  private void beforeValue() throws IOException {
    if (afterName) {
      afterName = false;
      return;
    }
    if (emptyScopes.isEmpty()) {
      return;
    }
    int last = emptyScopes.size() - 1;
    if (!emptyScopes.get(last)) {
      out.append(',');
    }
    emptyScopes.set(last, false);
    newline();
  }

  private void newline() throws IOException {
    out.append('\n');
    for (int i = 0; i < emptyScopes.size(); i++) {
      out.append("  ");
    }
  }

  private void string(String text) throws IOException {
    out.append('"');
    out.append(escape(text));
    out.append('"');
  }

  /** Escapes a string's content per RFC 8259, without the surrounding quotes. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
        escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
