package dev.cau.plugin.windowsupdate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to one JSON object read by {@link BoundedJson}: every field is asked for by name
 * and type, a missing or wrongly typed one is refused naming its path, and {@link #done()} refuses
 * the fields nobody asked for.
 */
final class JsonFields {
  /** Thrown naming the field that is missing, unknown or of the wrong type. */
  static final class FieldProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    FieldProblem(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }

    String path() {
      return path;
    }
  }

  private final String path;
  private final Map<String, @Nullable Object> fields;
  private final Set<String> asked = new LinkedHashSet<>();

  JsonFields(String path, Map<String, @Nullable Object> fields) {
    this.path = path;
    this.fields = fields;
  }

  boolean has(String name) {
    return fields.containsKey(name);
  }

  String string(String name) {
    Object value = required(name);
    if (value instanceof String s) {
      return s;
    }
    throw wrongType(name, "a string", value);
  }

  @Nullable String optionalString(String name) {
    asked.add(name);
    Object value = fields.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "a string or null", value);
  }

  boolean bool(String name) {
    Object value = required(name);
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType(name, "true or false", value);
  }

  long integer(String name, long min, long max) {
    Object value = required(name);
    if (value instanceof Long n) {
      if (n < min || n > max) {
        throw new FieldProblem(at(name), "must be between " + min + " and " + max + ", but was " + n);
      }
      return n;
    }
    throw wrongType(name, "an integer", value);
  }

  /**
   * Reads an HRESULT as PowerShell writes it (a signed 32-bit integer) or as an unsigned one.
   *
   * @param name the field
   * @return the 32 bits as a signed int
   */
  int hresult(String name) {
    return (int) integer(name, Integer.MIN_VALUE, 0xFFFF_FFFFL);
  }

  JsonFields object(String name) {
    Object value = required(name);
    if (value instanceof Map<?, ?> map) {
      return new JsonFields(at(name), cast(map));
    }
    throw wrongType(name, "an object", value);
  }

  List<JsonFields> objects(String name) {
    List<JsonFields> items = new ArrayList<>();
    List<?> list = list(name);
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof Map<?, ?> map)) {
        throw new FieldProblem(at(name) + "[" + i + "]", "must be an object, but was " + typeOf(item));
      }
      items.add(new JsonFields(at(name) + "[" + i + "]", cast(map)));
    }
    return items;
  }

  List<String> strings(String name) {
    List<String> items = new ArrayList<>();
    List<?> list = list(name);
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new FieldProblem(at(name) + "[" + i + "]", "must be a string, but was " + typeOf(list.get(i)));
      }
      items.add(s);
    }
    return items;
  }

  /** Refuses the fields that were not asked for. */
  void done() {
    Set<String> unknown = new TreeSet<>(fields.keySet());
    unknown.removeAll(asked);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new FieldProblem(at(first), "is not a field of this schema (unknown fields: " + String.join(", ", unknown)
          + "; known here: " + String.join(", ", asked) + ")");
    }
  }

  String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private List<?> list(String name) {
    Object value = required(name);
    if (value instanceof List<?> list) {
      return list;
    }
    throw wrongType(name, "an array", value);
  }

  private Object required(String name) {
    asked.add(name);
    if (!fields.containsKey(name)) {
      throw new FieldProblem(at(name), "is missing");
    }
    Object value = fields.get(name);
    if (value == null) {
      throw new FieldProblem(at(name), "must not be null");
    }
    return value;
  }

  private FieldProblem wrongType(String name, String expected, @Nullable Object value) {
    return new FieldProblem(at(name), "must be " + expected + ", but was " + typeOf(value));
  }

  private static String typeOf(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Long || value instanceof BoundedJson.Fraction) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof List ? "an array" : "an object";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> map) {
    return (Map<String, @Nullable Object>) map;
  }
}
