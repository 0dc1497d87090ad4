package dev.cau.core.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The readiness rules a plug-in brings: one that every node offers the capabilities it needs
 * ({@link UpdatePlugin#requiredCapabilities()}), then its own ({@link UpdatePlugin#readinessRules()}).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PluginRules {
  private PluginRules() {}

  /**
   * Returns the identifier of a plug-in's capability rule.
   *
   * @param plugin the plug-in's name
   * @return the plug-in's name and {@code .capabilities}
   */
  public static String capabilitiesRuleId(String plugin) {
    return plugin + ".capabilities";
  }

  /**
   * Returns a plug-in's rules.
   *
   * @param name the plug-in's name
   * @param plugin the plug-in
   * @return its capability rule, if it needs any capability, then its own rules
   */
  public static List<ReadinessRule> of(String name, UpdatePlugin plugin) {
    List<ReadinessRule> rules = new ArrayList<>();
    List<Class<?>> needed = List.copyOf(plugin.requiredCapabilities());
    if (!needed.isEmpty()) {
      rules.add(ReadinessRule.of(capabilitiesRuleId(name),
          "Every node must offer the capabilities plug-in " + name + " needs ("
              + String.join(", ", needed.stream().map(Class::getSimpleName).toList()) + ")",
          Severity.ERROR,
          "Use a node controller that offers these capabilities through NodeController.capability on every node,"
              + " or choose another plug-in.",
          context -> {
            List<String> missing = new ArrayList<>();
            for (NodeSnapshot node : context.snapshot().nodes()) {
              for (Class<?> type : needed) {
                if (context.capability(node.name(), type).isEmpty()) {
                  missing.add("node \"" + node.name() + "\" does not offer " + type.getSimpleName() + " (" + type.getName() + ")");
                }
              }
            }
            return missing.isEmpty() ? RuleOutcome.passed() : RuleOutcome.failed(capitalize(String.join("; ", missing)));
          }));
    }
    rules.addAll(plugin.readinessRules());
    return rules;
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
