package dev.cau.plugin.windowsupdate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cau.api.PluginFailureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the plug-in and its node-side script exchange (schema {@value #SCHEMA}): the
 * parameters the script reads from its one argument, and the one document it writes. Values
 * travel only as JSON strings and numbers, never as script text. docs/windows-update-plugin.md
 * documents both shapes.
 */
final class ScriptProtocol {
  /** The schema version both sides write. */
  static final int SCHEMA = 1;

  /** The error id of output that breaks the schema. */
  static final String MALFORMED_OUTPUT = "WindowsUpdatePlugin.MalformedOutput";

  /** The error id of a failure the agent reported. */
  static final String AGENT_ERROR = "WindowsUpdatePlugin.AgentError";

  /** The {@code ClientApplicationID} the agent's log shows for our calls. */
  static final String CLIENT_APPLICATION_ID = "cau4j Microsoft.WindowsUpdatePlugin";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final List<String> SOURCES = List.of("WSUS", "WindowsUpdate", "MicrosoftUpdate", "Other");

  /** What the script is asked to do. */
  enum Operation {
    /** Search, and report every update found with its properties. */
    SCAN,
    /** Download the updates named. */
    DOWNLOAD,
    /** Install the updates named, in one {@code Install()} call. */
    INSTALL,
    /** Report the agent's version, update source and Automatic Updates setting. */
    STATUS;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private ScriptProtocol() {}

  /**
   * Writes the script's parameters.
   *
   * @param operation what to do
   * @param criteria the search criteria's canonical text
   * @param updateIds the updates to download or install; empty for scan and status
   * @return the JSON document, passed to the script as its one argument
   */
  static String parameters(Operation operation, String criteria, List<String> updateIds) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schema", SCHEMA);
      json.writeStringField("operation", operation.wireName());
      json.writeStringField("clientApplicationId", CLIENT_APPLICATION_ID);
      json.writeStringField("criteria", criteria);
      json.writeArrayFieldStart("updateIds");
      for (String id : updateIds) {
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Parses what the script wrote.
   *
   * @param node the node, for messages
   * @param operation what the script was asked to do
   * @param stdout the script's standard output: one JSON document
   * @return the answer
   * @throws PluginFailureException naming the field if the document breaks the schema, or with
   *     the agent's HRESULT if the script reports an agent error
   */
  static ScriptOutput parse(String node, Operation operation, String stdout) {
    Map<String, @Nullable Object> document;
    try {
      document = BoundedJson.readObject(stdout);
    } catch (BoundedJson.Problem e) {
      throw malformed(node, operation, e.path(), String.valueOf(e.getMessage()), e);
    }
    try {
      JsonFields root = new JsonFields("", document);
      long schema = root.integer("schema", SCHEMA, SCHEMA);
      String answered = root.string("operation");
      if (!answered.equals(operation.wireName())) {
        throw new JsonFields.FieldProblem("operation", "must be \"" + operation.wireName() + "\", the operation asked"
            + " for, but was \"" + answered + "\"");
      }
      if (root.has("error")) {
        JsonFields error = root.object("error");
        int hresult = error.hresult("hResult");
        String message = error.string("message");
        error.done();
        root.done();
        throw new PluginFailureException(AGENT_ERROR, "The Windows Update Agent on node \"" + node + "\" failed to "
            + operation.wireName() + ": " + Hresults.describe(hresult) + (message.isBlank() ? "" : " (" + message + ")"));
      }
      boolean rebootPending = root.bool("rebootPending");
      ScriptOutput output = switch (operation) {
        case SCAN -> new ScriptOutput.Scan(rebootPending, updates(root));
        case DOWNLOAD, INSTALL -> new ScriptOutput.Operation(rebootPending, resultCode(root),
            root.hresult("hResult"), root.bool("rebootRequired"), results(root));
        case STATUS -> status(root, rebootPending);
      };
      root.done();
      assert schema == SCHEMA;
      return output;
    } catch (JsonFields.FieldProblem e) {
      throw malformed(node, operation, e.path(), String.valueOf(e.getMessage()), e);
    }
  }

  private static List<AgentUpdate> updates(JsonFields root) {
    List<AgentUpdate> updates = new ArrayList<>();
    for (JsonFields u : root.objects("updates")) {
      String id = guid(u, "updateId");
      List<String> kbs = u.strings("kbArticleIds");
      for (int i = 0; i < kbs.size(); i++) {
        if (!kbs.get(i).matches("[0-9]{1,10}")) {
          throw new JsonFields.FieldProblem(u.at("kbArticleIds") + "[" + i + "]",
              "must be 1 to 10 digits (the agent writes KB numbers without \"KB\"), but was \"" + kbs.get(i) + "\"");
        }
      }
      AgentUpdate update = new AgentUpdate(id, u.integer("revisionNumber", 0, Integer.MAX_VALUE),
          nonBlank(u, "title"), kbs, u.optionalString("classification"),
          u.integer("maxDownloadSize", 0, Long.MAX_VALUE), (int) u.integer("rebootBehavior", 0, 2),
          (int) u.integer("impact", 0, 2), u.bool("autoSelectOnWebSites"), u.bool("browseOnly"),
          u.bool("eulaAccepted"), u.bool("canRequestUserInput"), u.bool("isHidden"), u.bool("isDownloaded"));
      u.done();
      updates.add(update);
    }
    return updates;
  }

  private static List<AgentResult> results(JsonFields root) {
    List<AgentResult> results = new ArrayList<>();
    for (JsonFields r : root.objects("results")) {
      AgentResult result = new AgentResult(guid(r, "updateId"), resultCode(r), r.hresult("hResult"),
          r.bool("rebootRequired"));
      r.done();
      results.add(result);
    }
    return results;
  }

  private static ScriptOutput.Status status(JsonFields root, boolean rebootPending) {
    String version = nonBlank(root, "agentVersion");
    String source = root.string("updateSource");
    if (!SOURCES.contains(source)) {
      throw new JsonFields.FieldProblem("updateSource", "must be one of " + String.join(", ", SOURCES)
          + ", but was \"" + source + "\"");
    }
    String serviceId = root.optionalString("serviceId");
    if (serviceId != null && !GUID.matcher(serviceId.toLowerCase(Locale.ROOT)).matches()) {
      throw new JsonFields.FieldProblem("serviceId", "must be a GUID or null, but was \"" + serviceId + "\"");
    }
    return new ScriptOutput.Status(rebootPending, version, source,
        serviceId == null ? null : serviceId.toLowerCase(Locale.ROOT), (int) root.integer("notificationLevel", 0, 4));
  }

  private static int resultCode(JsonFields fields) {
    return (int) fields.integer("resultCode", 0, 5);
  }

  private static String guid(JsonFields fields, String name) {
    String value = fields.string(name).toLowerCase(Locale.ROOT);
    if (!GUID.matcher(value).matches()) {
      throw new JsonFields.FieldProblem(fields.at(name), "must be a GUID such as"
          + " 12345678-9abc-def0-1234-56789abcdef0, but was \"" + fields.string(name) + "\"");
    }
    return value;
  }

  private static String nonBlank(JsonFields fields, String name) {
    String value = fields.string(name);
    if (value.isBlank()) {
      throw new JsonFields.FieldProblem(fields.at(name), "must not be blank");
    }
    return value;
  }

  private static PluginFailureException malformed(String node, Operation operation, String path, String problem,
      Throwable cause) {
    return new PluginFailureException(MALFORMED_OUTPUT, "The Windows Update script on node \"" + node
        + "\" answered " + operation.wireName() + " with a document that breaks its schema: field \"" + path + "\" "
        + problem, cause);
  }
}
