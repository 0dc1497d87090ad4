package dev.cau.plugin.windowsupdate;

import dev.cau.api.CauException;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readiness rules the plug-in contributes to {@code testSetup}, as CAU's Best Practices
 * Analyzer checks them for the Windows Update plug-in: the agent answers on every node, every
 * node uses the same update source, and Automatic Updates does not install by itself. Each rule
 * only reads, through the script's {@code status} operation.
 */
final class ReadinessRules {
  /** Automatic Updates' {@code NotificationLevel} that installs on a schedule. */
  static final int SCHEDULED_INSTALLATION = 4;

  /** The id of the rule that every node's agent answers. */
  static final String AGENT_REACHABLE = "WindowsUpdatePlugin.agentReachable";

  /** The id of the rule that every node uses the same update source. */
  static final String SAME_SOURCE = "WindowsUpdatePlugin.sameUpdateSource";

  /** The id of the rule that Automatic Updates does not install updates by itself. */
  static final String NO_AUTOMATIC_INSTALL = "WindowsUpdatePlugin.automaticUpdatesDoNotInstall";

  private ReadinessRules() {}

  static List<ReadinessRule> all() {
    return List.of(
        ReadinessRule.of(AGENT_REACHABLE, "The Windows Update Agent must answer on every node", Severity.ERROR,
            "Make sure each node offers the program-runner capability, the Windows Update service (wuauserv) can"
                + " start, and the node lets the coordinator run a script as SYSTEM.",
            ReadinessRules::agentReachable),
        ReadinessRule.of(SAME_SOURCE, "Every node must use the same update source", Severity.WARNING,
            "Point every node at the same source (WSUS, Windows Update or Microsoft Update), for example with the"
                + " same Group Policy.",
            ReadinessRules::sameSource),
        ReadinessRule.of(NO_AUTOMATIC_INSTALL, "Automatic Updates must not install updates on the nodes by itself",
            Severity.WARNING,
            "Set Automatic Updates to \"notify before download\" or \"download and notify before installation\""
                + " on every node, and keep WSUS or Configuration Manager from installing on the nodes.",
            ReadinessRules::noAutomaticInstall));
  }

  private static RuleOutcome agentReachable(ReadinessContext context) {
    Statuses statuses = Statuses.read(context);
    return statuses.unreachable.isEmpty() ? RuleOutcome.passed()
        : RuleOutcome.failed("The Windows Update Agent did not answer on " + statuses.unreachable.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; ")));
  }

  private static RuleOutcome sameSource(ReadinessContext context) {
    Statuses statuses = Statuses.read(context);
    if (statuses.answered.isEmpty()) {
      return RuleOutcome.notChecked("no node's Windows Update Agent answered");
    }
    Map<String, List<String>> nodesBySource = new LinkedHashMap<>();
    statuses.answered.forEach((node, status) -> nodesBySource.computeIfAbsent(
        status.updateSource() + (status.serviceId() == null ? "" : " " + status.serviceId()),
        k -> new ArrayList<>()).add(node));
    return nodesBySource.size() == 1 ? RuleOutcome.passed("every node uses " + nodesBySource.keySet().iterator().next())
        : RuleOutcome.failed("The nodes use different update sources: " + nodesBySource.entrySet().stream()
            .map(e -> e.getKey() + " on " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")));
  }

  private static RuleOutcome noAutomaticInstall(ReadinessContext context) {
    Statuses statuses = Statuses.read(context);
    if (statuses.answered.isEmpty()) {
      return RuleOutcome.notChecked("no node's Windows Update Agent answered");
    }
    List<String> installing = statuses.answered.entrySet().stream()
        .filter(e -> e.getValue().notificationLevel() == SCHEDULED_INSTALLATION).map(Map.Entry::getKey).toList();
    return installing.isEmpty() ? RuleOutcome.passed()
        : RuleOutcome.failed("Automatic Updates installs updates on a schedule on " + String.join(", ", installing));
  }

  /** Every node's status, or why it could not be read. */
  private static final class Statuses {
    final Map<String, ScriptOutput.Status> answered = new LinkedHashMap<>();
    final Map<String, String> unreachable = new LinkedHashMap<>();

    static Statuses read(ReadinessContext context) {
      Statuses statuses = new Statuses();
      for (NodeSnapshot node : context.snapshot().nodes()) {
        String name = node.name();
        var runner = context.capability(name, ProgramRunner.class);
        if (runner.isEmpty()) {
          statuses.unreachable.put(name, "the node offers no ProgramRunner capability");
          continue;
        }
        try {
          statuses.answered.put(name, (ScriptOutput.Status) AgentScript.call(runner.get(), context.callContext(name),
              ScriptProtocol.Operation.STATUS, SearchCriteria.DEFAULT, List.of()));
        } catch (CauException e) {
          statuses.unreachable.put(name, e.getMessage());
        }
      }
      return statuses;
    }
  }
}
