package dev.cau.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/** Compares run options accessor by accessor, as {@link RunOptions} has no {@code equals}. */
final class SameOptions {
  /** Every accessor of {@link RunOptions}, by name. */
  private static final Map<String, Function<RunOptions, Object>> ACCESSORS = accessors();

  private SameOptions() {}

  private static Map<String, Function<RunOptions, Object>> accessors() {
    Map<String, Function<RunOptions, Object>> a = new LinkedHashMap<>();
    a.put("maxFailedNodes", RunOptions::maxFailedNodes);
    a.put("maxRetriesPerNode", RunOptions::maxRetriesPerNode);
    a.put("requireAllNodesOnline", RunOptions::requireAllNodesOnline);
    a.put("rebootTimeout", RunOptions::rebootTimeout);
    a.put("preUpdateScript", RunOptions::preUpdateScript);
    a.put("postUpdateScript", RunOptions::postUpdateScript);
    a.put("configurationName", RunOptions::configurationName);
    a.put("plugins", o -> o.plugins().stream().map(PluginSelection::name).collect(Collectors.toList()));
    a.put("failbackMode", RunOptions::failbackMode);
    a.put("nodeOrder", RunOptions::nodeOrder);
    a.put("maxUpdatePasses", RunOptions::maxUpdatePasses);
    a.put("operationTimeout", RunOptions::operationTimeout);
    a.put("pluginRestartTimeout", RunOptions::pluginRestartTimeout);
    a.put("quorumPolicy", RunOptions::quorumPolicy);
    a.put("warnAfter", RunOptions::warnAfter);
    a.put("stopAfter", RunOptions::stopAfter);
    a.put("runPluginsSerially", RunOptions::runPluginsSerially);
    a.put("stopOnPluginFailure", RunOptions::stopOnPluginFailure);
    a.put("separateReboots", RunOptions::separateReboots);
    a.put("siteAwareUpdatingOrder", RunOptions::siteAwareUpdatingOrder);
    a.put("pauseMode", RunOptions::pauseMode);
    a.put("enableFirewallRules", RunOptions::enableFirewallRules);
    a.put("rebootMode", RunOptions::rebootMode);
    a.put("suspendClusterNodeTimeout", RunOptions::suspendClusterNodeTimeout);
    a.put("suspendRetriesPerNode", RunOptions::suspendRetriesPerNode);
    a.put("waitForStorageRepairTimeout", RunOptions::waitForStorageRepairTimeout);
    a.put("workflowOrder", RunOptions::workflowOrder);
    a.put("secondOrderStaging", RunOptions::secondOrderStaging);
    a.put("skipCompliantNodes", RunOptions::skipCompliantNodes);
    a.put("bypassMaintenanceModeCheck", RunOptions::bypassMaintenanceModeCheck);
    a.put("migrationMode", RunOptions::migrationMode);
    a.put("suspendReboot", RunOptions::suspendReboot);
    return a;
  }

  /** Fails when RunOptions gains an accessor this class does not compare. */
  static void checkEveryAccessorIsCompared() {
    Set<String> declared = Arrays.stream(RunOptions.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0)
        .map(Method::getName)
        .filter(name -> !List.of("toString", "toBuilder", "hashCode").contains(name))
        .collect(Collectors.toSet());
    assertThat(ACCESSORS.keySet()).containsExactlyInAnyOrderElementsOf(declared);
  }

  /**
   * Asserts that two options agree in every accessor, in the plug-in argument maps (names, values
   * and order), and in {@code toString()}.
   */
  static void assertSame(RunOptions actual, RunOptions expected) {
    SoftAssertions soft = new SoftAssertions();
    ACCESSORS.forEach((name, accessor) ->
        soft.assertThat(accessor.apply(actual)).as(name).isEqualTo(accessor.apply(expected)));
    soft.assertThat(actual.plugins().size()).as("plug-in count").isEqualTo(expected.plugins().size());
    for (int i = 0; i < Math.min(actual.plugins().size(), expected.plugins().size()); i++) {
      PluginSelection a = actual.plugins().get(i);
      PluginSelection e = expected.plugins().get(i);
      soft.assertThat(List.copyOf(a.arguments().entrySet()))
          .as("arguments of " + e.name())
          .containsExactlyElementsOf(List.copyOf(e.arguments().entrySet()));
    }
    soft.assertThat(actual.toString()).as("toString()").isEqualTo(expected.toString());
    soft.assertAll();
  }
}
