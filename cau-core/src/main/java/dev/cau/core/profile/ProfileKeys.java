package dev.cau.core.profile;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.core.options.WorkflowOrder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping between profile keys and run options: for each of CAU's parameter names (and
 * cau4j's own), what its value may be, which {@link RunOptions.Builder} call it makes, and which
 * {@link RunOptions} accessor gives it back for writing.
 *
 * <p>Keys match regardless of letter case, as PowerShell hashtable keys do, and are written with
 * CAU's spelling. Values go through the builder's setters, so that the range errors a user sees
 * are the run options' own; {@link ProfileAssembly} adds where in the profile the value was.
 */
final class ProfileKeys {
  /** The prefix of a plug-in argument in the readable format. */
  static final String PLUGIN_ARGUMENTS_PREFIX = "CauPluginArguments.";

  private static final ValueConverter<Integer> WHOLE_NUMBER = ValueConverter.WHOLE_NUMBER;
  private static final ValueConverter<Boolean> BOOLEAN = ValueConverter.BOOLEAN;
  private static final ValueConverter<Duration> DURATION = ValueConverter.DURATION;
  private static final ValueConverter<Duration> MINUTES = ValueConverter.MINUTES;
  private static final ValueConverter<String> TEXT = ValueConverter.TEXT;
  private static final ValueConverter<List<String>> TEXT_LIST = ValueConverter.TEXT_LIST;

  /** Every key a profile may hold, in the order they are written. */
  static final List<Key<?>> KEYS = List.of(
      cau("MaxFailedNodes", WHOLE_NUMBER, (a, v, e) -> a.builder().maxFailedNodes(v),
          o -> o.maxFailedNodes().isPresent()
              ? Optional.of(o.maxFailedNodes().getAsInt()) : Optional.empty(),
          "one third of the nodes, rounded down"),
      cau("MaxRetriesPerNode", WHOLE_NUMBER, (a, v, e) -> a.builder().maxRetriesPerNode(v),
          o -> Optional.of(o.maxRetriesPerNode()), null),
      cau("RequireAllNodesOnline", BOOLEAN, (a, v, e) -> a.builder().requireAllNodesOnline(v),
          o -> Optional.of(o.requireAllNodesOnline()), null),
      cau("RebootTimeoutMinutes", MINUTES, (a, v, e) -> {
            Integer minutes = ValueConverter.wholeMinutes(v);
            if (minutes != null) {
              a.builder().rebootTimeoutMinutes(minutes);
            } else {
              a.builder().rebootTimeout(v);
            }
          },
          o -> Optional.of(o.rebootTimeout()), null),
      cau("WarnAfter", DURATION, (a, v, e) -> a.builder().warnAfter(v),
          RunOptions::warnAfter, "no warning"),
      cau("StopAfter", DURATION, (a, v, e) -> a.builder().stopAfter(v),
          RunOptions::stopAfter, "no time limit"),
      cau("PreUpdateScript", TEXT, (a, v, e) -> a.builder().preUpdateScript(v),
          RunOptions::preUpdateScript, "no script"),
      cau("PostUpdateScript", TEXT, (a, v, e) -> a.builder().postUpdateScript(v),
          RunOptions::postUpdateScript, "no script"),
      cau("ConfigurationName", TEXT, (a, v, e) -> a.builder().configurationName(v),
          o -> Optional.of(o.configurationName()), null),
      cau("CauPluginName", TEXT_LIST, ProfileAssembly::pluginNames,
          o -> Optional.of(o.plugins().stream().map(PluginSelection::name).collect(Collectors.toList())),
          null),
      // Written by TextProfileWriter, one line per argument, after CauPluginName.
      new Key<>("CauPluginArguments", ValueConverter.RAW, (a, v, e) -> a.pluginArguments(e),
          null, null, true),
      cau("RunPluginsSerially", BOOLEAN, (a, v, e) -> a.builder().runPluginsSerially(v),
          o -> Optional.of(o.runPluginsSerially()), null),
      cau("StopOnPluginFailure", BOOLEAN, (a, v, e) -> a.builder().stopOnPluginFailure(v),
          o -> Optional.of(o.stopOnPluginFailure()), null),
      cau("SeparateReboots", BOOLEAN, (a, v, e) -> a.builder().separateReboots(v),
          o -> Optional.of(o.separateReboots()), null),
      cau("EnableFirewallRules", BOOLEAN, (a, v, e) -> a.builder().enableFirewallRules(v),
          o -> Optional.of(o.enableFirewallRules()), null),
      cau("FailbackMode",
          ValueConverter.choice(names(FailbackMode.class, Map.of(FailbackMode.NO_FAILBACK, "NoFailback",
              FailbackMode.IMMEDIATE, "Immediate", FailbackMode.POLICY, "Policy")), Set.of()),
          (a, v, e) -> a.builder().failbackMode(v), o -> Optional.of(o.failbackMode()), null),
      pauseSwitch(PauseMode.FORCE_PAUSE_NO_DRAIN),
      pauseSwitch(PauseMode.FORCE_PAUSE_AND_DRAIN),
      pauseSwitch(PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT),
      // Not written: RebootMode says the same.
      new Key<>("AttemptSoftReboot", BOOLEAN, ProfileAssembly::attemptSoftReboot, null, null, true),
      cau("RebootMode",
          ValueConverter.choice(names(RebootMode.class,
                  Map.of(RebootMode.FULL, "FullReboot", RebootMode.SOFT, "SoftReboot")),
              Set.of("clusprop", "plugincustomreboot", "orchestratordefault")),
          ProfileAssembly::rebootMode, o -> Optional.of(o.rebootMode()), null),
      cau("SiteAwareUpdatingOrder", TEXT_LIST, (a, v, e) -> a.builder().siteAwareUpdatingOrder(v),
          o -> o.siteAwareUpdatingOrder().isEmpty()
              ? Optional.empty() : Optional.of(o.siteAwareUpdatingOrder()),
          "nodes in the default order, whatever their site"),
      cau("SuspendClusterNodeTimeoutMinutes", MINUTES,
          (a, v, e) -> a.builder().suspendClusterNodeTimeout(v),
          o -> Optional.of(o.suspendClusterNodeTimeout()), null),
      cau("SuspendRetriesPerNode", WHOLE_NUMBER, (a, v, e) -> a.builder().suspendRetriesPerNode(v),
          o -> Optional.of(o.suspendRetriesPerNode()), null),
      cau("WaitForStorageRepairTimeoutMinutes", MINUTES,
          (a, v, e) -> a.builder().waitForStorageRepairTimeout(v),
          o -> Optional.of(o.waitForStorageRepairTimeout()), null),
      extra("WorkflowOrder",
          ValueConverter.choice(names(WorkflowOrder.class, Map.of(
              WorkflowOrder.DRAIN_THEN_INSTALL, "DrainThenInstall",
              WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT, "InstallThenDrainIfReboot")), Set.of()),
          (a, v, e) -> a.builder().workflowOrder(v), o -> Optional.of(o.workflowOrder())),
      extra("SecondOrderStaging",
          ValueConverter.choice(names(SecondOrderStaging.class, Map.of(
              SecondOrderStaging.OUTSIDE_DRAINED_WINDOW, "OutsideDrainedWindow",
              SecondOrderStaging.WHILE_DRAINED, "WhileDrained")), Set.of()),
          (a, v, e) -> a.builder().secondOrderStaging(v), o -> Optional.of(o.secondOrderStaging())),
      extra("SkipCompliantNodes", BOOLEAN, (a, v, e) -> a.builder().skipCompliantNodes(v),
          o -> Optional.of(o.skipCompliantNodes())),
      extra("BypassMaintenanceModeCheck", BOOLEAN,
          (a, v, e) -> a.builder().bypassMaintenanceModeCheck(v),
          o -> Optional.of(o.bypassMaintenanceModeCheck())),
      extra("MigrationMode",
          ValueConverter.choice(names(MigrationMode.class,
              Map.of(MigrationMode.LIVE_MIGRATION, "LiveMigration",
                  MigrationMode.SAVE_STATE, "SaveState")), Set.of()),
          (a, v, e) -> a.builder().migrationMode(v), o -> Optional.of(o.migrationMode())),
      extra("SuspendReboot", BOOLEAN, (a, v, e) -> a.builder().suspendReboot(v),
          o -> Optional.of(o.suspendReboot())),
      extra("MaxUpdatePasses", WHOLE_NUMBER, (a, v, e) -> a.builder().maxUpdatePasses(v),
          o -> Optional.of(o.maxUpdatePasses())),
      extra("OperationTimeoutMinutes", MINUTES, (a, v, e) -> a.builder().operationTimeout(v),
          o -> Optional.of(o.operationTimeout())),
      extra("PluginRestartTimeoutMinutes", MINUTES, (a, v, e) -> a.builder().pluginRestartTimeout(v),
          o -> Optional.of(o.pluginRestartTimeout())));

  private static final Map<String, Key<?>> BY_NAME = KEYS.stream()
      .collect(Collectors.toUnmodifiableMap(k -> lower(k.name()), k -> k));

  /** Keys a profile may not hold, by lower-case name, with the reason. */
  private static final Map<String, String> REFUSED = refused();

  private ProfileKeys() {}

  private static Map<String, String> refused() {
    Map<String, String> refused = new HashMap<>();
    refused.put("credential", "a profile never holds credentials; give them when you request the run");
    for (String key : List.of("StartDate", "DaysOfWeek", "WeeksOfMonth", "IntervalWeeks", "RunOnce")) {
      refused.put(lower(key), "a profile never holds the self-updating schedule; "
          + "set the schedule on the self-updating role");
    }
    for (String key : List.of("ClusterName", "NodeOrder")) {
      refused.put(lower(key), "it is given when a run is requested, not stored in a profile");
    }
    return Map.copyOf(refused);
  }

  /**
   * Returns the names of every key a profile may hold.
   *
   * @return CAU's spelling, in the order they are written
   */
  static List<String> names() {
    return KEYS.stream().map(Key::name).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Turns a profile's entries into run options.
   *
   * @param source how messages name the profile, such as {@code Profile} or
   *     {@code CLIXML profile "DefaultParameters.xml"}
   * @param entries the entries in the order they were found
   * @return the options
   * @throws InvalidProfileException if a key is refused, unknown or given twice, or a value is not
   *     allowed
   */
  static RunOptions toOptions(String source, List<ProfileValue.Entry> entries) {
    return new ProfileAssembly(source).assemble(entries);
  }

  /**
   * Looks a key up, in any letter case.
   *
   * @param key the key as written
   * @return the key, or {@code null} if a profile cannot hold it
   */
  static @Nullable Key<?> find(String key) {
    return BY_NAME.get(lower(key));
  }

  /**
   * Tells why a profile may not hold a key, if it is one of those CAU keeps out of profiles.
   *
   * @param key the key as written, in any letter case
   * @return the reason, or {@code null} if the key is not refused
   */
  static @Nullable String refusal(String key) {
    return REFUSED.get(lower(key));
  }

  private static Key<?> pauseSwitch(PauseMode mode) {
    return cau(mode.cauName(), BOOLEAN, (a, v, e) -> a.pauseSwitch(mode, v, e),
        o -> Optional.of(o.pauseMode() == mode), null);
  }

  private static <T> Key<T> cau(String name, ValueConverter<T> converter, Setter<T> setter,
      Function<RunOptions, Optional<T>> getter, @Nullable String unset) {
    return new Key<>(name, converter, setter, getter, unset, true);
  }

  private static <T> Key<T> extra(String name, ValueConverter<T> converter, Setter<T> setter,
      Function<RunOptions, Optional<T>> getter) {
    return new Key<>(name, converter, setter, getter, null, false);
  }

  /** Orders CAU's names of an enum's values by the enum, checking that each value has one. */
  private static <E extends Enum<E>> Map<E, String> names(Class<E> type, Map<E, String> names) {
    Map<E, String> map = new EnumMap<>(names);
    if (map.size() != type.getEnumConstants().length) {
      throw new IllegalStateException("Profile names " + names.values() + " do not cover " + type);
    }
    return map;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Gives a key's value to the builder, or to the assembly where keys combine. */
  @FunctionalInterface
  interface Setter<T> {
    /**
     * Sets the value.
     *
     * @param assembly the options being assembled
     * @param value the converted value
     * @param entry the entry it came from
     * @throws InvalidOptionsException if the run options refuse the value
     */
    void set(ProfileAssembly assembly, T value, ProfileValue.Entry entry);
  }

  /**
   * One key: its name, what its value may be, how it is set and how it is read back.
   *
   * @param <T> the type of its value
   */
  static final class Key<T> {
    private final String name;
    private final ValueConverter<T> converter;
    private final Setter<T> setter;
    private final @Nullable Function<RunOptions, Optional<T>> getter;
    private final @Nullable String unset;
    private final boolean cau;

    Key(String name, ValueConverter<T> converter, Setter<T> setter,
        @Nullable Function<RunOptions, Optional<T>> getter, @Nullable String unset, boolean cau) {
      this.name = name;
      this.converter = converter;
      this.setter = setter;
      this.getter = getter;
      this.unset = unset;
      this.cau = cau;
    }

    /** Returns CAU's spelling of the key. */
    String name() {
      return name;
    }

    /** Returns whether the key is CAU's, rather than one of cau4j's own. */
    boolean isCau() {
      return cau;
    }

    /** Returns whether the generic writer writes the key; plug-in arguments are written apart. */
    boolean isWritten() {
      return getter != null;
    }

    /** Returns what a missing value means, for the comment written in its place. */
    String unsetMeaning() {
      return unset == null ? "the default" : unset;
    }

    /**
     * Returns the key's value in options, as the readable format writes it.
     *
     * @param options the options
     * @return the text after {@code =}, or empty when the option is not set
     */
    Optional<String> text(RunOptions options) {
      if (getter == null) {
        return Optional.empty();
      }
      return getter.apply(options).map(converter::format);
    }

    /**
     * Converts an entry's value and sets it.
     *
     * @param assembly the options being assembled
     * @param entry the entry
     * @throws InvalidProfileException if the value does not convert, or the run options refuse
     *     it; the message says where the value was
     */
    void apply(ProfileAssembly assembly, ProfileValue.Entry entry) {
      T value = converter.convert(name, entry.value(), assembly);
      try {
        setter.set(assembly, value, entry);
      } catch (InvalidOptionsException e) {
        throw assembly.refused(entry.value().where(), e);
      }
    }
  }
}
