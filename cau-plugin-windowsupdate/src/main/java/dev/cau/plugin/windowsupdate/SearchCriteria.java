package dev.cau.plugin.windowsupdate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Windows Update Agent search criteria ({@code IUpdateSearcher::Search}), parsed and checked
 * against the documented grammar before any node sees them.
 *
 * <p>The grammar, as Microsoft documents it: criteria of the form {@code Name = Value},
 * {@code Name != Value} or {@code CategoryIDs contains 'guid'}, joined with {@code and} and
 * {@code or}, where {@code or} is allowed only at the top level ({@code (x=1 and y=1) or (z=1)}
 * is valid, {@code (x=1) and (y=1 or z=1)} is not). Values are base-10 integers or strings in
 * single quotes; names and keywords are case-insensitive. The self-updating role's form of a
 * string, two single quotes on each side ({@code UpdateID=''f6ce…''}), is accepted as CAU
 * accepts it. The escape of a quote inside a value is not documented, so a value cannot hold one.
 *
 * <p>The parser is bounded: at most {@value #MAX_LENGTH} characters, {@value #MAX_CRITERIA}
 * criteria and {@value #MAX_DEPTH} levels of parentheses. {@link #text()} is the canonical form
 * the node receives, as a value inside the script's JSON parameters.
 */
public final class SearchCriteria {
  /** CAU's default criteria: important software updates that are not installed or hidden. */
  public static final String DEFAULT = "IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1";

  /** The longest criteria text accepted. */
  public static final int MAX_LENGTH = 4096;

  /** The most criteria accepted. */
  public static final int MAX_CRITERIA = 64;

  /** The deepest nesting of parentheses accepted. */
  public static final int MAX_DEPTH = 8;

  private static final Pattern UUID =
      Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private final List<List<Criterion>> groups;

  private SearchCriteria(List<List<Criterion>> groups) {
    this.groups = groups.stream().map(List::copyOf).toList();
  }

  /**
   * Parses and checks criteria.
   *
   * @param option the argument's name, for the error
   * @param text the criteria
   * @return the parsed criteria
   * @throws CriteriaException naming the position and the rule if the text is not valid
   */
  public static SearchCriteria parse(String option, String text) {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(text, "text");
    return new Parser(option, text).parse();
  }

  /**
   * Returns the criteria's groups: the criteria are met when every criterion of one group is.
   *
   * @return the groups joined by {@code or}, each a list of criteria joined by {@code and}
   */
  public List<List<Criterion>> groups() {
    return groups;
  }

  /**
   * Tells whether an update with the given properties meets the criteria. A property the lookup
   * does not know (returns {@code null} for) does not restrict.
   *
   * @param properties the update's value of a property: a {@link Long} for integers and
   *     booleans, a {@link String}, or a {@link List} of strings for {@code CategoryIDs}
   * @return whether some group is met
   */
  public boolean matches(Function<Property, @Nullable Object> properties) {
    return groups.stream().anyMatch(group -> group.stream().allMatch(c -> c.matches(properties.apply(c.property()))));
  }

  /**
   * Returns the canonical text: canonical names, single-quoted strings, {@code and} and
   * {@code or} in lower case, groups in parentheses when there is more than one.
   *
   * @return the text the node searches with
   */
  public String text() {
    if (groups.size() == 1) {
      return join(groups.get(0));
    }
    return groups.stream().map(g -> "(" + join(g) + ")").collect(Collectors.joining(" or "));
  }

  private static String join(List<Criterion> group) {
    return group.stream().map(Criterion::toString).collect(Collectors.joining(" and "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchCriteria other && groups.equals(other.groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }

  /** The comparison of a criterion. */
  public enum Operator {
    /** {@code =}. */
    EQUALS("="),
    /** {@code !=}, allowed with {@code Type} and {@code UpdateID} only. */
    NOT_EQUALS("!="),
    /** {@code contains}, for {@code CategoryIDs} only. */
    CONTAINS("contains");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * Returns the operator as written.
     *
     * @return {@code =}, {@code !=} or {@code contains}
     */
    public String symbol() {
      return symbol;
    }
  }

  /** The properties the criteria grammar knows, in the documentation's order of precedence. */
  public enum Property {
    /** {@code Type}: {@code 'Software'} or {@code 'Driver'}; {@code =} or {@code !=}. */
    TYPE("Type", Kind.STRING, "Software", "Driver"),
    /** {@code DeploymentAction}: {@code 'Installation'} or {@code 'Uninstallation'}. */
    DEPLOYMENT_ACTION("DeploymentAction", Kind.STRING, "Installation", "Uninstallation"),
    /** {@code IsAssigned}: intended for deployment by Automatic Updates. */
    IS_ASSIGNED("IsAssigned", Kind.BOOLEAN),
    /** {@code BrowseOnly}: optional. */
    BROWSE_ONLY("BrowseOnly", Kind.BOOLEAN),
    /** {@code AutoSelectOnWebSites}: selected automatically by Windows Update. */
    AUTO_SELECT_ON_WEB_SITES("AutoSelectOnWebSites", Kind.BOOLEAN),
    /** {@code UpdateID}: a GUID; {@code =} or {@code !=}. */
    UPDATE_ID("UpdateID", Kind.UUID),
    /** {@code RevisionNumber}: only with {@code UpdateID=} in the same group. */
    REVISION_NUMBER("RevisionNumber", Kind.INTEGER),
    /** {@code CategoryIDs}: written {@code CategoryIDs contains 'guid'}. */
    CATEGORY_IDS("CategoryIDs", Kind.UUID),
    /** {@code IsInstalled}. */
    IS_INSTALLED("IsInstalled", Kind.BOOLEAN),
    /** {@code IsHidden}. */
    IS_HIDDEN("IsHidden", Kind.BOOLEAN),
    /** {@code IsPresent}: installed for at least one product. */
    IS_PRESENT("IsPresent", Kind.BOOLEAN),
    /** {@code RebootRequired}: needs a restart to finish installing. */
    REBOOT_REQUIRED("RebootRequired", Kind.BOOLEAN);

    private final String canonical;
    private final Kind kind;
    private final List<String> allowedValues;

    Property(String canonical, Kind kind, String... allowedValues) {
      this.canonical = canonical;
      this.kind = kind;
      this.allowedValues = List.of(allowedValues);
    }

    /**
     * Returns the name as Microsoft documents it.
     *
     * @return for example {@code IsInstalled}
     */
    public String canonicalName() {
      return canonical;
    }

    static @Nullable Property named(String name) {
      return Arrays.stream(values()).filter(p -> p.canonical.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    static String known() {
      return Arrays.stream(values()).map(p -> p.canonical).collect(Collectors.joining(", "));
    }
  }

  private enum Kind { STRING, BOOLEAN, INTEGER, UUID }

  /**
   * One criterion.
   *
   * @param property the property compared
   * @param operator the comparison
   * @param value a {@link Long} for integer and boolean properties, else a {@link String}
   */
  public record Criterion(Property property, Operator operator, Object value) {
    /**
     * Checks the components.
     *
     * @param property the property
     * @param operator the comparison
     * @param value the value
     */
    public Criterion {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }

    boolean matches(@Nullable Object actual) {
      if (actual == null) {
        return true;
      }
      return switch (operator) {
        case EQUALS -> same(actual);
        case NOT_EQUALS -> !same(actual);
        case CONTAINS -> actual instanceof List<?> list
            && list.stream().anyMatch(item -> String.valueOf(item).equalsIgnoreCase((String) value));
      };
    }

    private boolean same(Object actual) {
      return value instanceof String text ? text.equalsIgnoreCase(String.valueOf(actual)) : value.equals(actual);
    }

    @Override
    public String toString() {
      String shown = value instanceof String text ? "'" + text + "'" : value.toString();
      return operator == Operator.CONTAINS ? property.canonical + " contains " + shown
          : property.canonical + operator.symbol + shown;
    }
  }

  /** A recursive-descent parser over the text, bounded in length, criteria and depth. */
  private static final class Parser {
    private final String option;
    private final String text;
    private int at;
    private int criteria;

    Parser(String option, String text) {
      this.option = option;
      this.text = text;
    }

    SearchCriteria parse() {
      if (text.length() > MAX_LENGTH) {
        throw fail(MAX_LENGTH + 1, "criteria may be at most " + MAX_LENGTH + " characters long, but are "
            + text.length());
      }
      List<List<Criterion>> groups = new ArrayList<>();
      do {
        groups.add(andGroup(0));
      } while (keyword("or"));
      skipSpace();
      if (at < text.length()) {
        throw fail(at + 1, text.charAt(at) == ')' ? "a closing parenthesis has no opening one"
            : "\"and\" or \"or\" was expected, but found " + describe(at));
      }
      return new SearchCriteria(groups);
    }

    private List<Criterion> andGroup(int depth) {
      List<Criterion> group = new ArrayList<>();
      do {
        term(depth, group);
      } while (keyword("and"));
      checkRevisionNumbers(group);
      return group;
    }

    private void term(int depth, List<Criterion> group) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == '(') {
        int open = at + 1;
        if (depth + 1 > MAX_DEPTH) {
          throw fail(open, "parentheses may nest at most " + MAX_DEPTH + " deep");
        }
        at++;
        group.addAll(andGroup(depth + 1));
        skipSpace();
        if (peekKeyword("or")) {
          throw fail(at + 1, "OR is allowed only at the top level, not inside parentheses:"
              + " write (x=1 and y=1) or (z=1), not (x=1) and (y=1 or z=1)");
        }
        if (at >= text.length() || text.charAt(at) != ')') {
          throw fail(at >= text.length() ? open : at + 1, at >= text.length()
              ? "the parenthesis opened here is never closed"
              : "\")\" or \"and\" was expected, but found " + describe(at));
        }
        at++;
        return;
      }
      group.add(criterion());
    }

    private Criterion criterion() {
      skipSpace();
      int start = at + 1;
      String name = word();
      if (name.isEmpty()) {
        throw fail(start, "a criterion such as IsInstalled=0 was expected, but found " + describe(at));
      }
      Property property = Property.named(name);
      if (property == null) {
        throw fail(start, "unknown property \"" + name + "\"; the criteria grammar knows " + Property.known());
      }
      if (++criteria > MAX_CRITERIA) {
        throw fail(start, "criteria may hold at most " + MAX_CRITERIA + " criteria");
      }
      skipSpace();
      int operatorAt = at + 1;
      Operator operator = operator(property);
      checkOperator(property, operator, operatorAt);
      skipSpace();
      int valueAt = at + 1;
      Object value = value();
      return new Criterion(property, operator, checkedValue(property, value, valueAt));
    }

    private Operator operator(Property property) {
      if (text.startsWith("!=", at)) {
        at += 2;
        return Operator.NOT_EQUALS;
      }
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        return Operator.EQUALS;
      }
      int start = at + 1;
      String word = word();
      if (word.equalsIgnoreCase("contains")) {
        return Operator.CONTAINS;
      }
      throw fail(start, "\"=\", \"!=\" or \"contains\" was expected after " + property.canonical + ", but found "
          + describe(start - 1));
    }

    private void checkOperator(Property property, Operator operator, int position) {
      if (property == Property.CATEGORY_IDS && operator != Operator.CONTAINS) {
        throw fail(position, "CategoryIDs is compared with \"contains\": CategoryIDs contains '<guid>'");
      }
      if (operator == Operator.CONTAINS && property != Property.CATEGORY_IDS) {
        throw fail(position, "\"contains\" is allowed with CategoryIDs only, not with " + property.canonical);
      }
      if (operator == Operator.NOT_EQUALS && property != Property.TYPE && property != Property.UPDATE_ID) {
        throw fail(position, "\"!=\" is allowed with Type and UpdateID only, not with " + property.canonical);
      }
    }

    private Object value() {
      if (at >= text.length()) {
        throw fail(at + 1, "a value was expected, but the criteria end");
      }
      char c = text.charAt(at);
      if (c == '\'') {
        return string();
      }
      if (c == '-' || Character.isDigit(c)) {
        int start = at;
        at++;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        String digits = text.substring(start, at);
        if (digits.equals("-") || digits.replace("-", "").length() > 10) {
          throw fail(start + 1, "an integer of at most 10 digits was expected, but found \"" + digits + "\"");
        }
        return Long.parseLong(digits);
      }
      throw fail(at + 1, "a value (an integer, or a string in single quotes) was expected, but found " + describe(at));
    }

    private String string() {
      int start = at + 1;
      boolean doubled = text.startsWith("''", at) && at + 2 < text.length() && text.charAt(at + 2) != '\''
          && !Character.isWhitespace(text.charAt(at + 2)) && text.charAt(at + 2) != ')';
      String quote = doubled ? "''" : "'";
      at += quote.length();
      int end = text.indexOf(quote, at);
      if (end < 0) {
        throw fail(start, "unbalanced quote: the string that starts here has no closing " + quote);
      }
      String value = text.substring(at, end);
      if (doubled && value.indexOf('\'') >= 0) {
        throw fail(start, "unbalanced quote: a string opened with '' is closed with '' and holds no quote");
      }
      at = end + quote.length();
      return value;
    }

    private Object checkedValue(Property property, Object value, int position) {
      switch (property.kind) {
        case BOOLEAN -> {
          if (!(value instanceof Long n) || (n != 0 && n != 1)) {
            throw fail(position, property.canonical + " takes 0 or 1, not " + shown(value));
          }
          return value;
        }
        case INTEGER -> {
          if (!(value instanceof Long n) || n < 0) {
            throw fail(position, property.canonical + " takes an integer of 0 or more, not " + shown(value));
          }
          return value;
        }
        case UUID -> {
          if (!(value instanceof String s) || !UUID.matcher(s).matches()) {
            throw fail(position, property.canonical + " takes a GUID in single quotes, such as"
                + " '12345678-9abc-def0-1234-56789abcdef0', not " + shown(value));
          }
          return s.toLowerCase(Locale.ROOT);
        }
        default -> {
          if (!(value instanceof String s)) {
            throw fail(position, property.canonical + " takes a string in single quotes, not " + shown(value));
          }
          return property.allowedValues.stream().filter(a -> a.equalsIgnoreCase(s)).findFirst()
              .orElseThrow(() -> fail(position, property.canonical + " takes "
                  + property.allowedValues.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" or "))
                  + ", not " + shown(value)));
        }
      }
    }

    private void checkRevisionNumbers(List<Criterion> group) {
      boolean revision = group.stream().anyMatch(c -> c.property() == Property.REVISION_NUMBER);
      if (!revision) {
        return;
      }
      boolean updateIdEquals = group.stream()
          .anyMatch(c -> c.property() == Property.UPDATE_ID && c.operator() == Operator.EQUALS);
      boolean updateIdNot = group.stream()
          .anyMatch(c -> c.property() == Property.UPDATE_ID && c.operator() == Operator.NOT_EQUALS);
      if (!updateIdEquals || updateIdNot) {
        throw fail(positionOf("revisionnumber"), "RevisionNumber must be combined with UpdateID= in the same"
            + " group, and cannot be combined with UpdateID!=");
      }
    }

    private int positionOf(String lowerName) {
      return text.toLowerCase(Locale.ROOT).indexOf(lowerName) + 1;
    }

    private boolean keyword(String word) {
      skipSpace();
      if (peekKeyword(word)) {
        at += word.length();
        return true;
      }
      return false;
    }

    private boolean peekKeyword(String word) {
      int end = at + word.length();
      return text.regionMatches(true, at, word, 0, word.length())
          && (end >= text.length() || !isAsciiLetterOrDigit(text.charAt(end)));
    }

    private String word() {
      int start = at;
      while (at < text.length() && isAsciiLetterOrDigit(text.charAt(at))) {
        at++;
      }
      return text.substring(start, at);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private void skipSpace() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r'
          || text.charAt(at) == '\n')) {
        at++;
      }
    }

    private String describe(int index) {
      if (index >= text.length()) {
        return "the end of the criteria";
      }
      int c = text.codePointAt(index);
      return c < 0x20 || c == 0x7F ? String.format(Locale.ROOT, "the control character U+%04X", c)
          : String.format(Locale.ROOT, "\"%s\" (U+%04X)", new String(Character.toChars(c)), c);
    }

    private static String shown(Object value) {
      return value instanceof String s ? "'" + s + "'" : value.toString();
    }

    private CriteriaException fail(int position, String rule) {
      return new CriteriaException(option, text, position, rule);
    }
  }
}
