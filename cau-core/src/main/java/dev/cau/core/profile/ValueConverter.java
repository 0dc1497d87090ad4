package dev.cau.core.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads one type of profile value, in either format, and writes it in the readable format.
 *
 * <p>A value of the wrong CLIXML type, or text that does not read as the type, is refused with
 * a message that names where the value was, the value, and what the key takes.
 *
 * @param <T> the type of the value
 */
abstract class ValueConverter<T> {
  /** CLIXML's whole-number elements, and the readable format's text. */
  static final Set<String> WHOLE_TYPES =
      Set.of(ProfileValue.TEXT, "S", "I32", "I64", "I16", "U16", "U32", "U64", "By", "SB");

  /** A whole number that fits in an {@code int}. */
  static final ValueConverter<Integer> WHOLE_NUMBER = new WholeNumber();
  /** {@code True} or {@code False}. */
  static final ValueConverter<Boolean> BOOLEAN = new Bool();
  /** A duration: ISO-8601 or {@code hh:mm:ss}. */
  static final ValueConverter<Duration> DURATION = new Span(false);
  /** As {@link #DURATION}, but a whole number means minutes, as in CAU's {@code …Minutes}. */
  static final ValueConverter<Duration> MINUTES = new Span(true);
  /** A string. */
  static final ValueConverter<String> TEXT = new Text();
  /** One string or several: comma-separated text, or a CLIXML list. */
  static final ValueConverter<List<String>> TEXT_LIST = new TextList();
  /** The value as found, for keys the assembly takes apart itself. */
  static final ValueConverter<ProfileValue> RAW = new Raw();

  private final String description;
  private final Set<String> types;

  ValueConverter(String description, Set<String> types) {
    this.description = description;
    this.types = types;
  }

  /**
   * Returns an enum's value by CAU's name, in any letter case.
   *
   * @param names CAU's name of every value of the enum
   * @param unsupported CAU's names that cau4j refuses, by lower-case name
   * @return the converter
   */
  static <E extends Enum<E>> ValueConverter<E> choice(Map<E, String> names, Set<String> unsupported) {
    return new Choice<>(names, unsupported);
  }

  /**
   * Reads a value.
   *
   * @param key CAU's spelling of its key, for messages
   * @param value the value as found
   * @param a the assembly, which builds messages
   * @return the value
   * @throws InvalidProfileException if the value is of the wrong type or does not read as one
   */
  T convert(String key, ProfileValue value, ProfileAssembly a) {
    if (value instanceof ProfileValue.Scalar s) {
      if (!types.contains(s.type())) {
        throw a.error(s.where(), s.where() + " " + quoted(s.text()) + " is " + describeType(s.type())
            + ", but " + key + " takes " + description, null);
      }
      return fromText(key, s, a.text(s), a);
    }
    throw a.error(value.where(), value.where() + " is " + describeShape(value)
        + ", but " + key + " takes " + description, null);
  }

  abstract T fromText(String key, ProfileValue.Scalar value, String text, ProfileAssembly a);

  /**
   * Writes a value in the readable format.
   *
   * @param value the value
   * @return the text after {@code =}, quoted where needed
   */
  abstract String format(T value);

  /** Builds the exception for text that does not read as this type. */
  InvalidProfileException bad(ProfileValue.Scalar s, String text, String why, ProfileAssembly a) {
    return a.error(s.where(), s.where() + " " + quoted(text) + " " + why, null);
  }

  /** Describes a CLIXML element type, or the readable format's text, for messages. */
  static String describeType(String type) {
    return switch (type) {
      case "S" -> "a string (S)";
      case "B" -> "a Boolean (B)";
      case "TS" -> "a TimeSpan (TS)";
      case "ToString" -> "an object";
      default -> WHOLE_TYPES.contains(type) ? "a whole number (" + type + ")" : "a value of type " + type;
    };
  }

  /** Describes a value that is not one scalar, for messages. */
  static String describeShape(ProfileValue value) {
    if (value instanceof ProfileValue.Items) {
      return "a list";
    }
    if (value instanceof ProfileValue.Table) {
      return "a hashtable";
    }
    if (value instanceof ProfileValue.Unreadable unreadable) {
      return unreadable.description();
    }
    return "empty";
  }

  private static final class WholeNumber extends ValueConverter<Integer> {
    WholeNumber() {
      super("a whole number", WHOLE_TYPES);
    }

    @Override
    Integer fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      Long value = ProfileText.wholeNumber(text.trim());
      if (value == null) {
        throw bad(s, text, "is not a whole number", a);
      }
      if (value != value.intValue()) {
        throw bad(s, text, "is too large; a whole number from " + Integer.MIN_VALUE + " to "
            + Integer.MAX_VALUE + " is expected", a);
      }
      return value.intValue();
    }

    @Override
    String format(Integer value) {
      return value.toString();
    }
  }

  private static final class Bool extends ValueConverter<Boolean> {
    Bool() {
      super("True or False", Set.of(ProfileValue.TEXT, "S", "B"));
    }

    @Override
    Boolean fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      Boolean value = ProfileText.bool(text.trim(), s.type().equals("B"));
      if (value == null) {
        throw bad(s, text, "is not True or False", a);
      }
      return value;
    }

    @Override
    String format(Boolean value) {
      return value ? "True" : "False";
    }
  }

  /** A duration; with {@code minutes}, a whole number means minutes, as CAU's {@code …Minutes}. */
  private static final class Span extends ValueConverter<Duration> {
    private final boolean minutes;

    Span(boolean minutes) {
      super(minutes
              ? "a whole number of minutes, or a duration such as PT2H or 02:00:00"
              : "a duration such as PT2H or 02:00:00",
          minutes ? union(WHOLE_TYPES, "TS") : Set.of(ProfileValue.TEXT, "S", "TS"));
      this.minutes = minutes;
    }

    private static Set<String> union(Set<String> set, String more) {
      List<String> all = new ArrayList<>(set);
      all.add(more);
      return Set.copyOf(all);
    }

    @Override
    Duration fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      String trimmed = text.trim();
      if (minutes && !s.type().equals("TS")) {
        Long whole = ProfileText.wholeNumber(trimmed);
        if (whole != null) {
          if (whole != whole.intValue()) {
            throw bad(s, text, "is too many minutes", a);
          }
          return Duration.ofMinutes(whole);
        }
        if (!s.type().equals(ProfileValue.TEXT) && !s.type().equals("S")) {
          throw bad(s, text, "is not a whole number", a);
        }
      }
      Duration value = ProfileText.duration(trimmed);
      if (value == null) {
        throw bad(s, text, "is not " + (minutes ? "a whole number of minutes or " : "")
            + "a duration; write ISO-8601 such as PT1H30M, or hours:minutes:seconds such as 01:30:00", a);
      }
      return value;
    }

    @Override
    String format(Duration value) {
      Integer whole = minutes ? wholeMinutes(value) : null;
      return whole != null ? whole.toString() : value.toString();
    }
  }

  private static final class Text extends ValueConverter<String> {
    Text() {
      super("a string", Set.of(ProfileValue.TEXT, "S"));
    }

    @Override
    String fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      return text;
    }

    @Override
    String format(String value) {
      return ProfileText.quote(value, false);
    }
  }

  private static final class TextList extends ValueConverter<List<String>> {
    TextList() {
      super("one string (S) or a list of strings", Set.of(ProfileValue.TEXT, "S"));
    }

    @Override
    List<String> convert(String key, ProfileValue value, ProfileAssembly a) {
      if (value instanceof ProfileValue.Scalar s) {
        if (s.type().equals(ProfileValue.TEXT)) {
          try {
            return ProfileText.splitList(s.text());
          } catch (ProfileText.BadTextException e) {
            throw bad(s, s.text(), String.valueOf(e.getMessage()), a);
          }
        }
        return List.of(super.convert(key, value, a).get(0));
      }
      if (value instanceof ProfileValue.Items list) {
        List<String> items = new ArrayList<>();
        for (ProfileValue item : list.items()) {
          items.add(super.convert(key, item, a).get(0));
        }
        return List.copyOf(items);
      }
      return super.convert(key, value, a);
    }

    @Override
    List<String> fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      return List.of(text);
    }

    @Override
    String format(List<String> value) {
      return value.stream().map(v -> ProfileText.quote(v, true)).collect(Collectors.joining(", "));
    }
  }

  /** One of an enum's values by CAU's name; some of CAU's names may be refused with a reason. */
  private static final class Choice<E extends Enum<E>> extends ValueConverter<E> {
    private final Map<E, String> names;
    private final Set<String> unsupported;

    Choice(Map<E, String> names, Set<String> unsupported) {
      super("one of " + String.join(", ", names.values()), Set.of(ProfileValue.TEXT, "S", "ToString"));
      this.names = names;
      this.unsupported = unsupported;
    }

    @Override
    E fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      String trimmed = text.trim();
      for (Map.Entry<E, String> e : names.entrySet()) {
        if (e.getValue().equalsIgnoreCase(trimmed)) {
          return e.getKey();
        }
      }
      String allowed = String.join(" or ", names.values());
      if (unsupported.contains(trimmed.toLowerCase(Locale.ROOT))) {
        throw bad(s, text, "is not supported by cau4j; " + key + " must be " + allowed, a);
      }
      throw bad(s, text, "is not one of " + String.join(", ", names.values()), a);
    }

    @Override
    String format(E value) {
      String name = names.get(value);
      return name == null ? value.name() : name;
    }
  }

  /** Hands the value on as found; {@code CauPluginArguments} is taken apart by the assembly. */
  private static final class Raw extends ValueConverter<ProfileValue> {
    Raw() {
      super("a hashtable, or a list of hashtables aligned with CauPluginName", Set.of());
    }

    @Override
    ProfileValue convert(String key, ProfileValue value, ProfileAssembly a) {
      return value;
    }

    @Override
    ProfileValue fromText(String key, ProfileValue.Scalar s, String text, ProfileAssembly a) {
      return s;
    }

    @Override
    String format(ProfileValue value) {
      throw new UnsupportedOperationException("plug-in arguments are written one per line");
    }
  }

  static @Nullable Integer wholeMinutes(Duration d) {
    if (d.getNano() != 0 || d.getSeconds() % 60 != 0) {
      return null;
    }
    long minutes = d.toMinutes();
    return minutes == (int) minutes ? (int) minutes : null;
  }

  static String quoted(String text) {
    return '"' + text + '"';
  }
}
