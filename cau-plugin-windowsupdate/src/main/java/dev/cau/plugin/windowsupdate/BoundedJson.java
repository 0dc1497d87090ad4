package dev.cau.plugin.windowsupdate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON document written on a node into plain values (maps, lists, strings, longs,
 * booleans and {@code null}), under strict bounds: document size, nesting depth, string and
 * number length, array length, and no duplicate field. A problem is reported with the path of the
 * field being read, such as {@code updates[2].title}.
 */
final class BoundedJson {
  /** The largest document accepted, in characters. */
  static final int MAX_DOCUMENT_CHARACTERS = 4 << 20;

  /** The deepest nesting of objects and arrays accepted. */
  static final int MAX_DEPTH = 8;

  /** The longest string accepted, in characters. */
  static final int MAX_STRING_CHARACTERS = 64 << 10;

  /** The longest number accepted, in characters. */
  static final int MAX_NUMBER_CHARACTERS = 20;

  /** The most elements an array may hold. */
  static final int MAX_ARRAY_ELEMENTS = 10_000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(MAX_STRING_CHARACTERS)
          .maxNumberLength(MAX_NUMBER_CHARACTERS)
          .maxNameLength(256)
          .maxDocumentLength(MAX_DOCUMENT_CHARACTERS)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Thrown with the path where the document broke a rule. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    Problem(String path, String message, @Nullable Throwable cause) {
      super(message, cause, false, false);
      this.path = path;
    }

    String path() {
      return path;
    }
  }

  private final Deque<String> path = new ArrayDeque<>();
  private String lastField = "(document)";

  private BoundedJson() {}

  /**
   * Reads a document whose top level is an object.
   *
   * @param text the document
   * @return its fields in document order
   * @throws Problem naming the path where it broke a rule
   */
  static Map<String, @Nullable Object> readObject(String text) throws Problem {
    if (text.length() > MAX_DOCUMENT_CHARACTERS) {
      throw new Problem("(document)", "is " + text.length() + " characters long; at most " + MAX_DOCUMENT_CHARACTERS
          + " are accepted", null);
    }
    return new BoundedJson().read(text);
  }

  private Map<String, @Nullable Object> read(String text) throws Problem {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new Problem("(document)", first == null ? "is empty; one JSON object was expected"
            : "must be one JSON object, but starts with " + describe(first), null);
      }
      Map<String, @Nullable Object> document = object(parser);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new Problem("(document)", "holds more than one JSON value; one object was expected", null);
      }
      return document;
    } catch (JsonProcessingException e) {
      // Name the last field read: where a truncated or broken document stops making sense.
      String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\(start marker at .*$", "");
      throw new Problem(lastField, "is the last field read before the document stops being valid JSON"
          + " (truncated or broken): " + why, e);
    } catch (IOException e) {
      throw new Problem(currentPath(), "could not be read: " + e.getMessage(), e);
    }
  }

  private Map<String, @Nullable Object> object(JsonParser parser) throws IOException, Problem {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      path.addLast(path.isEmpty() ? name : "." + name);
      lastField = currentPath();
      fields.put(name, value(parser, parser.nextToken()));
      path.removeLast();
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new Problem(currentPath(), "ends before its object is closed; the document is truncated", null);
    }
    return fields;
  }

  private List<@Nullable Object> array(JsonParser parser) throws IOException, Problem {
    List<@Nullable Object> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new Problem(currentPath(), "ends before its array is closed; the document is truncated", null);
      }
      if (items.size() == MAX_ARRAY_ELEMENTS) {
        throw new Problem(currentPath(), "holds more than " + MAX_ARRAY_ELEMENTS + " elements", null);
      }
      path.addLast("[" + items.size() + "]");
      lastField = currentPath();
      items.add(value(parser, token));
      path.removeLast();
    }
    return items;
  }

  private @Nullable Object value(JsonParser parser, @Nullable JsonToken token) throws IOException, Problem {
    if (token == null) {
      throw new Problem(currentPath(), "has no value; the document is truncated", null);
    }
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new Problem(currentPath(), "holds an integer too large for 64 bits: " + parser.getText(), null);
        }
        yield parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> new Fraction(parser.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new Problem(currentPath(), "holds an unexpected " + describe(token), null);
    };
  }

  private String currentPath() {
    return path.isEmpty() ? "(document)" : String.join("", path);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  /**
   * A number with a fraction or exponent, kept as written: no field of the schema takes one.
   *
   * @param text the number as written
   */
  record Fraction(String text) {}
}
