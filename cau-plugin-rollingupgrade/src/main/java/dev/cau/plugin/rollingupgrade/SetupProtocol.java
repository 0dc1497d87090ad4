package dev.cau.plugin.rollingupgrade;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cau.api.PluginFailureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the plug-in and its node-side script exchange (schema {@value #SCHEMA}): the
 * parameters the script reads from its one argument, and the one flat document it writes. Values
 * travel only as JSON strings, never as script text. docs/rolling-upgrade-plugin.md documents
 * both shapes.
 */
final class SetupProtocol {
  /** The schema version both sides write. */
  static final int SCHEMA = 1;

  /** The largest answer accepted, in characters. */
  static final int MAX_DOCUMENT_CHARACTERS = 64 * 1024;

  /** The error id of output that breaks the schema. */
  static final String MALFORMED_OUTPUT = "RollingUpgradePlugin.MalformedOutput";

  /** The error id of a failure the script reported. */
  static final String SCRIPT_ERROR = "RollingUpgradePlugin.ScriptError";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).maxStringLength(8192)
          .maxNumberLength(20).build())
      .build();

  /** What the script is asked to do. */
  enum Operation {
    /** Read the node's operating-system build, revision and version from the registry. */
    OSVERSION,
    /** Read the build of the setup media's install image. */
    MEDIA,
    /** Run setup's compatibility scan ({@code /Compat ScanOnly}) and report its exit code. */
    COMPAT,
    /** Run setup's unattended upgrade without its first restart and report its exit code. */
    UPGRADE,
    /** Run the mock-setup script in place of setup and report its exit code. */
    MOCK,
    /** Schedule the node's restart, after which setup carries on with its own restarts. */
    RESTART;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private SetupProtocol() {}

  /**
   * Writes the script's parameters.
   *
   * @param operation what to do
   * @param path the media folder or mock script, or {@code ""} when the operation needs none
   * @return the JSON document, passed to the script as its one argument
   */
  static String parameters(Operation operation, String path) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schema", SCHEMA);
      json.writeStringField("operation", operation.wireName());
      json.writeStringField("path", path);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads the parameters back, as the simulated node does.
   *
   * @param json the document
   * @return the fields
   */
  static Map<String, Object> readParameters(String json) {
    return readFlat(json);
  }

  /**
   * Parses what the script wrote: one flat object with {@code schema} and {@code operation}.
   *
   * @param node the node, for messages
   * @param operation what the script was asked to do
   * @param stdout the script's standard output
   * @return the document's fields
   * @throws PluginFailureException naming the field if the document breaks the schema, or with
   *     the script's message if it reports an error
   */
  static Answer parse(String node, Operation operation, String stdout) {
    Map<String, Object> fields;
    try {
      fields = readFlat(stdout);
    } catch (IllegalArgumentException e) {
      throw malformed(node, operation, "(document)", String.valueOf(e.getMessage()));
    }
    Answer answer = new Answer(node, operation, fields);
    if (answer.integer("schema") != SCHEMA) {
      throw malformed(node, operation, "schema", "must be " + SCHEMA + ", but was " + fields.get("schema"));
    }
    String answered = answer.text("operation");
    if (!answered.equals(operation.wireName())) {
      throw malformed(node, operation, "operation", "must be \"" + operation.wireName() + "\", the operation asked"
          + " for, but was \"" + answered + "\"");
    }
    if (fields.containsKey("error")) {
      throw new PluginFailureException(SCRIPT_ERROR, "The rolling-upgrade script on node \"" + node + "\" failed to "
          + operation.wireName() + ": " + answer.text("error"));
    }
    return answer;
  }

  /** The fields of one answer, read with checks that name the field. */
  static final class Answer {
    private final String node;
    private final Operation operation;
    private final Map<String, Object> fields;

    Answer(String node, Operation operation, Map<String, Object> fields) {
      this.node = node;
      this.operation = operation;
      this.fields = fields;
    }

    String text(String name) {
      Object value = fields.get(name);
      if (!(value instanceof String s)) {
        throw malformed(node, operation, name, "must be a string, but was " + shown(value));
      }
      return s;
    }

    /** A string of digits, such as a build number. */
    String digits(String name, int maxLength) {
      String value = text(name);
      if (!value.matches("[0-9]{1," + maxLength + "}")) {
        throw malformed(node, operation, name, "must be 1 to " + maxLength + " digits, but was \"" + value + "\"");
      }
      return value;
    }

    long integer(String name) {
      Object value = fields.get(name);
      if (!(value instanceof Long l)) {
        throw malformed(node, operation, name, "must be a whole number, but was " + shown(value));
      }
      return l;
    }

    /** A process exit code, written by PowerShell as a signed 32-bit value. */
    int exitCode(String name) {
      long value = integer(name);
      if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
        throw malformed(node, operation, name, "must be a 32-bit exit code, but was " + value);
      }
      return (int) value;
    }

    private static String shown(@Nullable Object value) {
      return value == null ? "absent or null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
  }

  private static Map<String, Object> readFlat(String json) {
    if (json.length() > MAX_DOCUMENT_CHARACTERS) {
      throw new IllegalArgumentException("is larger than " + MAX_DOCUMENT_CHARACTERS + " characters");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(json.strip())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("must be one JSON object");
      }
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          throw new IllegalArgumentException("must be one JSON object");
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        Object read = switch (value) {
          case VALUE_STRING -> parser.getText();
          case VALUE_NUMBER_INT -> parser.getLongValue();
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          case VALUE_NULL -> null;
          default -> throw new IllegalArgumentException("field \"" + name + "\" must be a string, number, boolean or"
              + " null: the document is flat");
        };
        if (read != null && fields.put(name, read) != null) {
          throw new IllegalArgumentException("field \"" + name + "\" appears twice");
        }
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("has text after its one object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  private static PluginFailureException malformed(String node, Operation operation, String field, String problem) {
    return new PluginFailureException(MALFORMED_OUTPUT, "The rolling-upgrade script on node \"" + node
        + "\" answered " + operation.wireName() + " with a document that breaks its schema: field \"" + field + "\" "
        + problem);
  }
}
