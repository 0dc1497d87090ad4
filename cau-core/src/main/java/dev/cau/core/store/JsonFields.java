package dev.cau.core.store;

import dev.cau.api.RunId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object being decoded, with the path that names it in error messages: every accessor checks
 * that the member is present and of the right type, and throws a {@link JournalFormatException}
 * that names the field otherwise.
 */
final class JsonFields {
  private final Map<?, ?> members;
  private final String path;

  private JsonFields(Map<?, ?> members, String path) {
    this.members = members;
    this.path = path;
  }

  /**
   * Views a value as an object.
   *
   * @param value a value {@link JsonReader} read
   * @param path the value's path, such as {@code input.snapshot}; empty for the record itself
   * @return the view
   */
  static JsonFields of(Object value, String path) {
    if (value instanceof Map<?, ?> members) {
      return new JsonFields(members, path);
    }
    String what = path.isEmpty() ? "The record" : "Field " + quote(path);
    throw new JournalFormatException(
        what + " must be an object, but was " + describe(value),
        path.isEmpty() ? null : path,
        null);
  }

  /**
   * Refuses members other than the ones named.
   *
   * @param names every member the object may have
   * @return this view
   */
  JsonFields only(String... names) {
    Set<String> allowed = Set.of(names);
    for (Object name : members.keySet()) {
      if (!allowed.contains(name)) {
        throw fail(
            pathOf((String) name),
            "is not a field of this record; expected only " + quoteAll(Arrays.asList(names)));
      }
    }
    return this;
  }

  String string(String name) {
    Object value = get(name);
    if (value instanceof String text) {
      return text;
    }
    throw wrongType(name, "a string", value);
  }

  @Nullable String nullableString(String name) {
    Object value = get(name);
    return value == JsonReader.NULL ? null : string(name);
  }

  boolean bool(String name) {
    Object value = get(name);
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw wrongType(name, "true or false", value);
  }

  long longValue(String name) {
    Object value = get(name);
    if (value instanceof Long number) {
      return number;
    }
    throw wrongType(name, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, value);
  }

  int intValue(String name) {
    Object value = get(name);
    if (value instanceof Long number && number == number.intValue()) {
      return number.intValue();
    }
    throw wrongType(
        name, "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value);
  }

  Instant instant(String name) {
    String text = string(name);
    try {
      Instant instant = Instant.parse(text);
      if (instant.toString().equals(text)) {
        return instant;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw fail(
        pathOf(name),
        "must be an instant in UTC such as \"2026-03-01T09:15:00Z\", but was " + quote(text));
  }

  RunId runId(String name) {
    String text = string(name);
    try {
      UUID uuid = UUID.fromString(text);
      if (uuid.toString().equals(text)) {
        return new RunId(uuid);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw fail(
        pathOf(name),
        "must be a run id such as \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\", but was "
            + quote(text));
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String text = string(name);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw fail(
        pathOf(name), "has the unknown value " + quote(text) + "; expected " + quoteAll(names));
  }

  <E extends Enum<E>> @Nullable E nullableEnum(String name, Class<E> type) {
    return get(name) == JsonReader.NULL ? null : enumValue(name, type);
  }

  /**
   * Reads a type discriminator.
   *
   * @param name the discriminator's member
   * @param types every type it may name
   * @return the type it names
   */
  String type(String name, String... types) {
    String text = string(name);
    if (Arrays.asList(types).contains(text)) {
      return text;
    }
    throw fail(
        pathOf(name),
        "has the unknown value " + quote(text) + "; expected " + quoteAll(Arrays.asList(types)));
  }

  /** The object's member names, in order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    members.keySet().forEach(name -> names.add((String) name));
    return names;
  }

  /** Tells whether the object has the member: for members that later formats added. */
  boolean has(String name) {
    return members.containsKey(name);
  }

  /**
   * Returns a member's value as it was read, for a decoder that takes a value and its path.
   *
   * @param name the member
   * @return the value
   */
  Object value(String name) {
    return get(name);
  }

  JsonFields object(String name) {
    return of(get(name), pathOf(name));
  }

  /**
   * Reads an array.
   *
   * @param name the array's member
   * @param element decodes one element from its value and its path
   * @param <T> the element type
   * @return the elements, in order
   */
  <T> List<T> list(String name, BiFunction<Object, String, T> element) {
    Object value = get(name);
    if (!(value instanceof List<?> elements)) {
      throw wrongType(name, "an array", value);
    }
    List<T> decoded = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      decoded.add(element.apply(elements.get(i), pathOf(name) + "[" + i + "]"));
    }
    return decoded;
  }

  List<String> strings(String name) {
    return list(
        name,
        (value, elementPath) -> {
          if (value instanceof String text) {
            return text;
          }
          throw fail(elementPath, "must be a string, but was " + describe(value));
        });
  }

  /**
   * Builds a value from the fields read, turning a refusal of its constructor into a {@link
   * JournalFormatException} that names this object.
   *
   * @param constructor creates the value
   * @param <T> the value's type
   * @return the value
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException refused) {
      String what = path.isEmpty() ? "The record" : "Field " + quote(path);
      throw new JournalFormatException(
          what + " is not valid: " + refused.getMessage(), path.isEmpty() ? null : path, refused);
    }
  }

  String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private Object get(String name) {
    Object value = members.get(name);
    if (value == null) {
      throw fail(pathOf(name), "is missing");
    }
    return value;
  }

  private JournalFormatException wrongType(String name, String expected, Object value) {
    return fail(pathOf(name), "must be " + expected + ", but was " + describe(value));
  }

  static JournalFormatException fail(String fieldPath, String problem) {
    return new JournalFormatException("Field " + quote(fieldPath) + " " + problem, fieldPath, null);
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String text) {
      return "the string " + quote(text);
    }
    if (value == JsonReader.NULL) {
      return "null";
    }
    return value.toString();
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return "\"" + shown + "\"";
  }

  private static String quoteAll(List<String> names) {
    return names.stream().map(JsonFields::quote).collect(Collectors.joining(", "));
  }
}
