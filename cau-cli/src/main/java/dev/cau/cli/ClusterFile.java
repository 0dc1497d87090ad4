package dev.cau.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.core.options.PluginSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a cluster file: JSON with the keys {@code name}, {@code backend}, {@code settings} (an
 * object of text, number or boolean values), {@code nodes} (an array of objects, each with a
 * {@code name} and the backend's node settings) and, optionally, {@code plugins} (an array of
 * objects, each with a {@code name} and optional {@code arguments}, CAU's {@code -CauPluginName}
 * and {@code -CauPluginArguments}). See {@code docs/clusters.md}.
 *
 * <p>The reader is jackson-core's streaming parser, bounded: the file may hold at most
 * {@link #MAX_SIZE} bytes, nest {@link #MAX_DEPTH} levels and hold strings of
 * {@link #MAX_STRING} characters. Every key is checked here or by the backend, and every message
 * names the key, the value, the line and what is allowed; nothing is touched before the whole file
 * has been read and checked.
 */
final class ClusterFile {
  /** The largest cluster file read: 1 MiB. */
  static final int MAX_SIZE = 1 << 20;

  /** The deepest nesting read: the file, the plug-in list, a plug-in, its arguments. */
  static final int MAX_DEPTH = 4;

  /** The longest string read. */
  static final int MAX_STRING = 64 * 1024;

  /**
   * The settings that name a file, checked for every backend before the backend sees them: the
   * node's private key and the known-hosts file that holds its host key (see docs/ssh.md).
   */
  static final List<String> FILE_KEYS = List.of("key-file", "known-hosts-file");

  private static final List<String> TOP_KEYS = List.of("name", "backend", "settings", "nodes", "plugins");

  private static final List<String> PLUGIN_KEYS = List.of("name", "arguments");

  /**
   * What a cluster file holds: the cluster, for its backend, and the plug-ins it names.
   *
   * @param description the cluster's description
   * @param plugins the plug-ins the file names, in install order; empty if it names none
   */
  record Contents(ClusterDescription description, List<FilePlugin> plugins) {
    Contents {
      plugins = List.copyOf(plugins);
    }
  }

  /**
   * One plug-in a cluster file names, with its arguments.
   *
   * @param selection the plug-in and its arguments, as a profile's {@code CauPluginName} and
   *     {@code CauPluginArguments} give them
   * @param where the file and line of its {@code name}, for messages
   */
  record FilePlugin(PluginSelection selection, String where) {}

  private final String source;
  private final JsonParser parser;
  private List<FilePlugin> plugins = List.of();

  private ClusterFile(String source, JsonParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /**
   * Reads and checks the file's structure; the backend checks the settings.
   *
   * @param file the cluster file
   * @return the description and the plug-ins the file names
   * @throws InputRefused if the file cannot be read, is too large or is not well-formed JSON
   * @throws InvalidOptionsException if a key is unknown, missing or repeated, or a value has the
   *     wrong type
   */
  static Contents read(Path file) {
    String source = "\"" + file + "\"";
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new InputRefused("cluster file " + source + " is larger than " + MAX_SIZE + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputRefused("cannot read cluster file " + source + ": " + IoProblems.describe(e));
    }
    JsonFactory json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(32).build())
        .build();
    ClusterDescription description;
    List<FilePlugin> plugins;
    try (JsonParser parser = json.createParser(bytes)) {
      ClusterFile reader = new ClusterFile(source, parser);
      description = reader.description();
      plugins = reader.plugins;
    } catch (JsonParseException e) {
      throw new InputRefused("cluster file " + source + " is not valid JSON at line "
          + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputRefused("cannot read cluster file " + source + ": " + IoProblems.describe(e));
    }
    Path directory = file.toAbsolutePath().getParent();
    return new Contents(withFilesChecked(description, directory == null ? Path.of("") : directory), plugins);
  }

  /**
   * Checks the settings that name files ({@link #FILE_KEYS}), in the cluster's settings and in
   * every node's, for every backend: each must be a readable file. A relative path is relative to
   * the cluster file's directory, and the description carries it resolved.
   */
  private static ClusterDescription withFilesChecked(ClusterDescription description, Path base) {
    List<NodeDescription> nodes = new ArrayList<>();
    for (NodeDescription node : description.nodes()) {
      nodes.add(new NodeDescription(node.name(), filesChecked(node.settings(), base), node.where()));
    }
    return new ClusterDescription(description.name(), description.backend(),
        filesChecked(description.settings(), base), nodes, description.source());
  }

  private static List<BackendSetting> filesChecked(List<BackendSetting> settings, Path base) {
    List<BackendSetting> checked = new ArrayList<>();
    for (BackendSetting setting : settings) {
      if (!FILE_KEYS.contains(setting.key())) {
        checked.add(setting);
        continue;
      }
      Path file = base.resolve(setting.value()).normalize();
      Optional<String> unreadable = IoProblems.whyUnreadable(file);
      if (unreadable.isPresent()) {
        throw setting.refused("a readable file (relative paths are relative to the cluster file's directory);"
            + " \"" + file + "\": " + unreadable.get());
      }
      checked.add(new BackendSetting(setting.key(), file.toString(), setting.where()));
    }
    return checked;
  }

  private ClusterDescription description() throws IOException {
    expect(parser.nextToken(), JsonToken.START_OBJECT, "the file", "an object");
    String name = null;
    String backend = null;
    String backendWhere = where();
    List<BackendSetting> settings = List.of();
    List<NodeDescription> nodes = null;
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String at = where();
      if (!TOP_KEYS.contains(key)) {
        throw new InvalidOptionsException("key", '"' + key + "\" at " + at,
            "one of \"" + String.join("\", \"", TOP_KEYS) + "\"");
      }
      if (!seen.add(key)) {
        throw new InvalidOptionsException(key, "given twice, again at " + at, "given once");
      }
      JsonToken value = parser.nextToken();
      switch (key) {
        case "name" -> name = text(key, value);
        case "backend" -> {
          backend = text(key, value);
          backendWhere = at;
        }
        case "settings" -> settings = settings(key, value);
        case "nodes" -> nodes = nodes(value);
        case "plugins" -> plugins = plugins(value);
        default -> throw new IllegalStateException("unreachable: " + key);
      }
    }
    if (parser.nextToken() != null) {
      throw new InvalidOptionsException("the file", "more after the closing brace at " + where(), "one JSON object");
    }
    return new ClusterDescription(required("name", name), required("backend", backend) , settings,
        required("nodes", nodes), source + " (backend at " + backendWhere + ")");
  }

  private List<NodeDescription> nodes(JsonToken token) throws IOException {
    expect(token, JsonToken.START_ARRAY, "nodes", "an array of node objects");
    List<NodeDescription> nodes = new ArrayList<>();
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String at = where();
      String name = null;
      List<BackendSetting> settings = new ArrayList<>();
      Set<String> keys = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyAt = where();
        if (!keys.add(key)) {
          throw new InvalidOptionsException(key, "given twice in a node, again at " + keyAt, "given once");
        }
        String value = text(key, parser.nextToken());
        if (key.equals("name")) {
          name = value;
        } else {
          settings.add(new BackendSetting(key, value, keyAt));
        }
      }
      if (name == null || name.isBlank()) {
        throw new InvalidOptionsException("name", "missing in the node at " + at, "a node name");
      }
      nodes.add(new NodeDescription(name, settings, at));
    }
    expect(parser.currentToken(), JsonToken.END_ARRAY, "nodes", "an array of node objects");
    return nodes;
  }

  /** Reads the plug-in list: each plug-in once, by a non-blank name, with text arguments. */
  private List<FilePlugin> plugins(JsonToken token) throws IOException {
    expect(token, JsonToken.START_ARRAY, "plugins", "an array of plug-in objects, each with a \"name\"");
    List<FilePlugin> plugins = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String at = where();
      String name = null;
      String nameAt = at;
      Map<String, String> arguments = new LinkedHashMap<>();
      Set<String> keys = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyAt = where();
        if (!PLUGIN_KEYS.contains(key)) {
          throw new InvalidOptionsException("key", '"' + key + "\" in a plug-in at " + keyAt,
              "one of \"" + String.join("\", \"", PLUGIN_KEYS) + "\"");
        }
        if (!keys.add(key)) {
          throw new InvalidOptionsException(key, "given twice in a plug-in, again at " + keyAt, "given once");
        }
        if (key.equals("name")) {
          name = text(key, parser.nextToken());
          nameAt = keyAt;
        } else {
          // The values are not shown in messages: a plug-in argument may be a secret.
          for (BackendSetting argument : settings(key, parser.nextToken())) {
            arguments.put(argument.key(), argument.value());
          }
        }
      }
      if (name == null || name.isBlank()) {
        throw new InvalidOptionsException("name", (name == null ? "missing" : "blank") + " in the plug-in at " + at,
            "a plug-in name, as 'cau plugins' lists them");
      }
      if (!names.add(name)) {
        throw new InvalidOptionsException("plugins", "\"" + name + "\" again at " + nameAt, "each plug-in named once");
      }
      plugins.add(new FilePlugin(new PluginSelection(name, arguments), nameAt));
    }
    expect(parser.currentToken(), JsonToken.END_ARRAY, "plugins", "an array of plug-in objects, each with a \"name\"");
    return plugins;
  }

  private List<BackendSetting> settings(String key, JsonToken token) throws IOException {
    expect(token, JsonToken.START_OBJECT, key, "an object of settings");
    List<BackendSetting> settings = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String at = where();
      if (!keys.add(name)) {
        throw new InvalidOptionsException(name, "given twice in settings, again at " + at, "given once");
      }
      settings.add(new BackendSetting(name, text(name, parser.nextToken()), at));
    }
    return settings;
  }

  /** Reads a text, number or boolean value as text. */
  private String text(String key, @Nullable JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_TRUE
        || token == JsonToken.VALUE_FALSE) {
      return parser.getText();
    }
    throw new InvalidOptionsException(key, String.valueOf(token) + " at " + where(), "a text, number or boolean");
  }

  private void expect(@Nullable JsonToken actual, JsonToken expected, String key, String allowed) {
    if (actual != expected) {
      throw new InvalidOptionsException(key, String.valueOf(actual) + " at " + where(), allowed);
    }
  }

  private <T> T required(String key, @Nullable T value) {
    if (value == null) {
      throw new InvalidOptionsException(key, "missing in " + source, "given");
    }
    return value;
  }

  private String where() {
    return source + " line " + parser.currentTokenLocation().getLineNr();
  }
}
