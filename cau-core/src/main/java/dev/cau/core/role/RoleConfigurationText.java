package dev.cau.core.role;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.profile.InvalidProfileException;
import dev.cau.core.profile.RunProfile;
import dev.cau.core.quorum.QuorumPolicy;
import dev.cau.core.schedule.UpdateSchedule;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a {@link RoleConfiguration}: one line of {@code Field=Value} pairs separated
 * by {@code ;}, starting with {@code Version=1}, values percent-encoded by {@link PercentCoding}.
 *
 * <pre>
 * Version=1;GroupName=CAU-Role;Status=Enabled;Schedule=Monthly;
 * StartDate=2026-01-01T03:00:00+01:00[Europe/Paris];TriggerTime=03:00:00;DaysOfWeek=4;
 * WeeksOfMonth=3;UpdateNow=false;LastRunStarted=;NodeOrder=;QuorumPolicy=StaticMajority;
 * Options=MaxRetriesPerNode = 3%0ARequireAllNodesOnline = False%0A…
 * </pre>
 *
 * <p>(shown on several lines here; stored as one). {@code Options} is the readable run profile of
 * {@link RunProfile#write} without its comments, so it never holds a secret plug-in argument.
 * {@code NodeOrder} and {@code QuorumPolicy}, which a profile does not hold, are fields of their
 * own. {@code DaysOfWeek} is CAU's flags value; {@code WeeksOfMonth} is written for monthly
 * schedules only and {@code IntervalWeeks} for weekly ones. Reading is strict: every field must
 * be present exactly once, none may be unknown or belong to another kind of schedule, and every
 * value is checked as the builders check it.
 */
final class RoleConfigurationText {
  /** The version this class writes and reads. */
  static final String VERSION = "1";

  static final String VERSION_FIELD = "Version";
  static final String GROUP_NAME = "GroupName";
  static final String STATUS = "Status";
  static final String SCHEDULE = "Schedule";
  static final String START_DATE = "StartDate";
  static final String TRIGGER_TIME = "TriggerTime";
  static final String DAYS_OF_WEEK = "DaysOfWeek";
  static final String WEEKS_OF_MONTH = "WeeksOfMonth";
  static final String INTERVAL_WEEKS = "IntervalWeeks";
  static final String UPDATE_NOW = "UpdateNow";
  static final String LAST_RUN_STARTED = "LastRunStarted";
  static final String NODE_ORDER = "NodeOrder";
  static final String QUORUM_POLICY = "QuorumPolicy";
  static final String OPTIONS = "Options";

  private static final DateTimeFormatter START = DateTimeFormatter.ISO_ZONED_DATE_TIME;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z]+");

  private static String name(UpdateSchedule.Kind kind) {
    return switch (kind) {
      case MONTHLY -> "Monthly";
      case WEEKLY -> "Weekly";
      case ONCE -> "Once";
    };
  }

  private static String name(RoleStatus status) {
    return switch (status) {
      case ENABLED -> "Enabled";
      case DISABLED -> "Disabled";
    };
  }

  private static String name(QuorumPolicy policy) {
    return switch (policy) {
      case STATIC_MAJORITY -> "StaticMajority";
      case ALLOW_DYNAMIC_QUORUM -> "AllowDynamicQuorum";
    };
  }

  private RoleConfigurationText() {}

  /**
   * Writes a configuration as one line.
   *
   * @param configuration the configuration
   * @param registry the plug-ins, whose descriptors say which arguments are secret
   * @return the line, without a line end
   * @throws dev.cau.api.PluginNotFoundException if a plug-in that has arguments is not in the
   *     registry
   * @throws InvalidProfileException if an option holds a value a profile cannot hold
   */
  static String write(RoleConfiguration configuration, PluginRegistry registry) {
    return write(configuration,
        PercentCoding.encode(String.join("\n", profileLines(configuration.options(), registry)), false));
  }

  /**
   * Writes a configuration whose run options are those of a stored line, copying that line's
   * {@code Options} field instead of writing the options again, so that no plug-in needs to be
   * looked up: a change of status or schedule works even after a plug-in was unregistered.
   *
   * @param configuration the configuration, whose options {@link #read} gave from
   *     {@code storedText}
   * @param storedText the stored line it was read from
   * @return the line, without a line end
   * @throws InvalidRoleConfigurationException if the stored line cannot be read
   */
  static String rewrite(RoleConfiguration configuration, String storedText) {
    return write(configuration, Fields.parse(storedText).take(OPTIONS));
  }

  private static String write(RoleConfiguration configuration, String encodedOptions) {
    UpdateSchedule schedule = configuration.schedule();
    RunOptions options = configuration.options();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(VERSION_FIELD, VERSION);
    fields.put(GROUP_NAME, PercentCoding.encode(configuration.groupName(), false));
    fields.put(STATUS, name(configuration.status()));
    fields.put(SCHEDULE, name(schedule.kind()));
    fields.put(START_DATE, START.format(schedule.startDate()));
    fields.put(TRIGGER_TIME, TIME.format(schedule.triggerTime()));
    if (schedule.kind() != UpdateSchedule.Kind.ONCE) {
      fields.put(DAYS_OF_WEEK, String.valueOf(schedule.daysOfWeekFlags()));
    }
    if (schedule.kind() == UpdateSchedule.Kind.MONTHLY) {
      fields.put(WEEKS_OF_MONTH, schedule.weeksOfMonth().stream().map(String::valueOf)
          .collect(Collectors.joining(",")));
    }
    if (schedule.kind() == UpdateSchedule.Kind.WEEKLY) {
      fields.put(INTERVAL_WEEKS, String.valueOf(schedule.intervalWeeks()));
    }
    fields.put(UPDATE_NOW, String.valueOf(configuration.updateNowRequested()));
    fields.put(LAST_RUN_STARTED, configuration.lastRunStarted().map(Instant::toString).orElse(""));
    fields.put(NODE_ORDER, options.nodeOrder().stream().map(n -> PercentCoding.encode(n, true))
        .collect(Collectors.joining(",")));
    fields.put(QUORUM_POLICY, name(options.quorumPolicy()));
    fields.put(OPTIONS, encodedOptions);
    return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /**
   * Returns the rows {@code Get-CauClusterRole} would show for a stored configuration. The run
   * options are listed as the stored profile has them, so no plug-in needs to be looked up.
   *
   * @param storedText the stored line
   * @return the rows, in a stable order
   * @throws InvalidRoleConfigurationException if the stored line cannot be read
   */
  static List<RoleParameter> parameters(String storedText) {
    RoleConfiguration configuration = read(storedText);
    UpdateSchedule schedule = configuration.schedule();
    RunOptions options = configuration.options();
    List<RoleParameter> rows = new ArrayList<>();
    rows.add(new RoleParameter("ResourceGroupName", configuration.groupName()));
    rows.add(new RoleParameter("Status", configuration.status().cauName()));
    rows.add(new RoleParameter("StartDate", START.format(schedule.startDate())));
    switch (schedule.kind()) {
      case MONTHLY -> {
        rows.add(new RoleParameter(DAYS_OF_WEEK, String.valueOf(schedule.daysOfWeekFlags())));
        rows.add(new RoleParameter(WEEKS_OF_MONTH, schedule.weeksOfMonth().stream()
            .map(String::valueOf).collect(Collectors.joining(","))));
      }
      case WEEKLY -> {
        rows.add(new RoleParameter(DAYS_OF_WEEK, String.valueOf(schedule.daysOfWeekFlags())));
        rows.add(new RoleParameter("WeeksInterval", String.valueOf(schedule.intervalWeeks())));
      }
      case ONCE -> rows.add(new RoleParameter("RunOnce", "True"));
    }
    if (configuration.updateNowRequested()) {
      rows.add(new RoleParameter(UPDATE_NOW, "True"));
    }
    configuration.lastRunStarted()
        .ifPresent(at -> rows.add(new RoleParameter(LAST_RUN_STARTED, at.toString())));
    for (String line : Fields.parse(storedText).decoded(OPTIONS).lines().toList()) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        rows.add(new RoleParameter(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
      }
    }
    if (!options.nodeOrder().isEmpty()) {
      rows.add(new RoleParameter(NODE_ORDER, String.join(",", options.nodeOrder())));
    }
    rows.add(new RoleParameter(QUORUM_POLICY, name(options.quorumPolicy())));
    return List.copyOf(rows);
  }

  /** Returns the profile's {@code Key = Value} lines, without comments and blank lines. */
  private static List<String> profileLines(RunOptions options, PluginRegistry registry) {
    StringWriter text = new StringWriter();
    try {
      RunProfile.write(options, text, registry);
    } catch (IOException e) {
      throw new UncheckedIOException("A StringWriter failed", e);
    }
    return text.toString().lines()
        .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
        .toList();
  }

  /**
   * Reads a configuration written by {@link #write}.
   *
   * @param text the stored line
   * @return the configuration
   * @throws InvalidRoleConfigurationException if a field is missing, unknown, given twice, or
   *     has a value that is not allowed
   */
  static RoleConfiguration read(String text) {
    Fields fields = Fields.parse(text);
    String groupName = fields.decoded(GROUP_NAME);
    try {
      RoleConfiguration.checkGroupName(groupName);
    } catch (InvalidOptionsException e) {
      throw invalid(GROUP_NAME, e);
    }
    RoleStatus status = choice(fields, STATUS, RoleStatus.values(), RoleConfigurationText::name);
    UpdateSchedule.Kind kind = choice(fields, SCHEDULE, UpdateSchedule.Kind.values(), RoleConfigurationText::name);
    UpdateSchedule schedule = schedule(fields, kind);
    boolean updateNow = bool(fields, UPDATE_NOW);
    Instant lastRun = lastRun(fields);
    List<String> nodeOrder = nodeOrder(fields);
    QuorumPolicy policy = choice(fields, QUORUM_POLICY, QuorumPolicy.values(), RoleConfigurationText::name);
    RunOptions profile = profile(fields);
    fields.requireAllUsed(kind);

    RunOptions options;
    try {
      options = profile.toBuilder().nodeOrder(nodeOrder).quorumPolicy(policy).build();
    } catch (InvalidOptionsException e) {
      throw invalid(e.option().equals(NODE_ORDER) ? NODE_ORDER : OPTIONS, e);
    }
    RoleConfiguration.Builder builder = RoleConfiguration.builder(groupName)
        .status(status)
        .options(options)
        .schedule(schedule)
        .updateNowRequested(updateNow);
    if (lastRun != null) {
      builder.lastRunStarted(lastRun);
    }
    return builder.build();
  }

  private static UpdateSchedule schedule(Fields fields, UpdateSchedule.Kind kind) {
    String startText = fields.take(START_DATE);
    ZonedDateTime start;
    try {
      start = ZonedDateTime.parse(startText, START);
    } catch (DateTimeException e) {
      throw malformed(START_DATE, startText, ISO_START, e);
    }
    if (!START.format(start).equals(startText)) {
      // An offset that the zone does not have at that local time, or a value not written by us.
      throw malformed(START_DATE, startText, ISO_START, null);
    }
    String triggerText = fields.take(TRIGGER_TIME);
    LocalTime trigger;
    try {
      trigger = LocalTime.parse(triggerText, TIME);
    } catch (DateTimeException e) {
      throw malformed(TRIGGER_TIME, triggerText, "a time of day such as 03:00:00", e);
    }
    UpdateSchedule.Builder builder;
    try {
      builder = switch (kind) {
        case MONTHLY -> UpdateSchedule.monthly(number(fields, DAYS_OF_WEEK), weeks(fields));
        case WEEKLY -> UpdateSchedule.weekly(number(fields, DAYS_OF_WEEK), number(fields, INTERVAL_WEEKS));
        case ONCE -> UpdateSchedule.once();
      };
    } catch (InvalidOptionsException e) {
      throw invalid(e.option(), e);
    }
    if (trigger.equals(start.toLocalTime())) {
      return builder.startDate(start).build();
    }
    // The trigger time did not exist on the start day: clocks jumped forward over it, and the
    // start was moved later by the gap, perhaps past midnight.
    for (LocalDate day : List.of(start.toLocalDate(), start.toLocalDate().minusDays(1))) {
      UpdateSchedule candidate = builder.startDate(LocalDateTime.of(day, trigger), start.getZone()).build();
      if (candidate.startDate().equals(start)) {
        return candidate;
      }
    }
    throw malformed(TRIGGER_TIME, triggerText, "the time of day of StartDate (" + startText
        + "), or a time that clocks skipped on that day", null);
  }

  private static final String ISO_START =
      "an ISO-8601 date-time with its offset and zone, such as 2026-01-20T03:00:00+01:00[Europe/Paris],"
          + " whose offset is the zone's at that time";

  private static Set<Integer> weeks(Fields fields) {
    String text = fields.take(WEEKS_OF_MONTH);
    Set<Integer> weeks = new LinkedHashSet<>();
    for (String item : text.split(",", -1)) {
      if (!NUMBER.matcher(item).matches() || !weeks.add(Integer.parseInt(item))) {
        throw malformed(WEEKS_OF_MONTH, text, "weeks from 1 to 5, comma-separated, each once", null);
      }
    }
    return weeks;
  }

  private static int number(Fields fields, String field) {
    String text = fields.take(field);
    if (!NUMBER.matcher(text).matches()) {
      throw malformed(field, text, "a whole number", null);
    }
    return Integer.parseInt(text);
  }

  private static boolean bool(Fields fields, String field) {
    String text = fields.take(field);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw malformed(field, text, "true or false", null);
    };
  }

  private static @Nullable Instant lastRun(Fields fields) {
    String text = fields.take(LAST_RUN_STARTED);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Instant at = Instant.parse(text);
      if (at.toString().equals(text)) {
        return at;
      }
    } catch (DateTimeException e) {
      throw malformed(LAST_RUN_STARTED, text, "empty, or an instant such as 2026-01-20T02:00:00Z", e);
    }
    throw malformed(LAST_RUN_STARTED, text, "empty, or an instant such as 2026-01-20T02:00:00Z", null);
  }

  private static List<String> nodeOrder(Fields fields) {
    String text = fields.take(NODE_ORDER);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> nodes = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String node = PercentCoding.decode(item);
      if (node == null) {
        throw malformed(NODE_ORDER, text, "node names, percent-encoded and comma-separated", null);
      }
      nodes.add(node);
    }
    return nodes;
  }

  private static RunOptions profile(Fields fields) {
    String profile = fields.decoded(OPTIONS);
    try {
      return RunProfile.read(new StringReader(profile));
    } catch (InvalidProfileException e) {
      throw new InvalidRoleConfigurationException(OPTIONS, PREFIX + "field \"" + OPTIONS
          + "\" is not a valid run profile: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("A StringReader failed", e);
    }
  }

  private static <T> T choice(Fields fields, String field, T[] values, Function<T, String> names) {
    String text = fields.take(field);
    for (T value : values) {
      if (names.apply(value).equals(text)) {
        return value;
      }
    }
    throw malformed(field, text, "one of " + Arrays.stream(values).map(names)
        .collect(Collectors.joining(", ")), null);
  }

  private static final String PREFIX = "The stored configuration of the self-updating role is malformed: ";

  private static InvalidRoleConfigurationException malformed(
      String field, String value, String allowed, @Nullable Throwable cause) {
    return new InvalidRoleConfigurationException(field, PREFIX + "field \"" + field + "\" must be "
        + allowed + ", but was \"" + value + "\"", cause);
  }

  private static InvalidRoleConfigurationException invalid(String field, InvalidOptionsException e) {
    return new InvalidRoleConfigurationException(field, PREFIX + "field \"" + field + "\" holds a value that is not allowed: "
        + e.getMessage(), e);
  }

  /** The fields of a stored line, taken one by one so that leftovers can be refused. */
  private static final class Fields {
    private final Map<String, String> values;

    private Fields(Map<String, String> values) {
      this.values = values;
    }

    static Fields parse(String text) {
      String[] parts = text.split(";", -1);
      String first = parts[0];
      if (!first.equals(VERSION_FIELD + "=" + VERSION)) {
        String version = first.startsWith(VERSION_FIELD + "=")
            ? first.substring(VERSION_FIELD.length() + 1) : null;
        throw new InvalidRoleConfigurationException(VERSION_FIELD, PREFIX + (version == null
            ? "it must start with field \"" + VERSION_FIELD + "=" + VERSION + "\", but starts with \""
                + abbreviate(first) + "\""
            : "field \"" + VERSION_FIELD + "\" must be " + VERSION
                + " (the version this cau4j reads), but was \"" + abbreviate(version) + "\""), null);
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String part = parts[i];
        int equals = part.indexOf('=');
        String name = equals < 0 ? part : part.substring(0, equals);
        if (equals < 0 || !FIELD_NAME.matcher(name).matches()) {
          throw new InvalidRoleConfigurationException(equals < 0 ? abbreviate(part) : abbreviate(name),
              PREFIX + "field " + (i + 1) + ", \"" + abbreviate(part)
                  + "\", is not Name=Value with a name of letters", null);
        }
        if (values.put(name, part.substring(equals + 1)) != null) {
          throw new InvalidRoleConfigurationException(name,
              PREFIX + "field \"" + name + "\" is given twice", null);
        }
      }
      return new Fields(values);
    }

    String take(String field) {
      String value = values.remove(field);
      if (value == null) {
        throw new InvalidRoleConfigurationException(field, PREFIX + "field \"" + field + "\" is missing",
            null);
      }
      return value;
    }

    String decoded(String field) {
      String text = take(field);
      String value = PercentCoding.decode(text);
      if (value == null) {
        throw malformed(field, abbreviate(text), "percent-encoded UTF-8 text (\"%\" followed by two hex"
            + " digits), without raw control characters", null);
      }
      return value;
    }

    void requireAllUsed(UpdateSchedule.Kind kind) {
      if (values.isEmpty()) {
        return;
      }
      String field = values.keySet().iterator().next();
      boolean scheduleField = List.of(DAYS_OF_WEEK, WEEKS_OF_MONTH, INTERVAL_WEEKS).contains(field);
      throw new InvalidRoleConfigurationException(field, PREFIX + "field \"" + field + "\" "
          + (scheduleField
              ? "does not belong to a " + name(kind) + " schedule"
              : "is unknown; the fields are " + List.of(VERSION_FIELD, GROUP_NAME, STATUS, SCHEDULE,
                  START_DATE, TRIGGER_TIME, DAYS_OF_WEEK, WEEKS_OF_MONTH, INTERVAL_WEEKS, UPDATE_NOW,
                  LAST_RUN_STARTED, NODE_ORDER, QUORUM_POLICY, OPTIONS)), null);
    }

    private static String abbreviate(String text) {
      return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
  }
}
