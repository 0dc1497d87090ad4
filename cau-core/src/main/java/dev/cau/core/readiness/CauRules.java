package dev.cau.core.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RemoteShutdownFirewall;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.role.CauClusterRole;
import dev.cau.core.role.InvalidRoleConfigurationException;
import dev.cau.core.role.RoleConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The engine's readiness rules: CAU's Best Practices Analyzer rules (numbered as in
 * {@code Test-CauSetup}, {@code CAU-01} to {@code CAU-19}) and a rule for restarts left pending.
 *
 * <p>Rules 1, 6, 9, 11, 12, 15, 16, 17, 18 and 19 and the pending-restart rule are checked
 * through the SPI. The others depend on Windows facilities no capability reports (WMI, PowerShell
 * remoting, .NET, Automatic Updates, the update source, the WinHTTP proxy) or on per-node plug-in
 * registration, which a JVM coordinator does not have; they are reported as not checked, with the
 * reason, rather than left out, so that a report reads like CAU's.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CauRules {
  /** The source of the engine's findings. */
  public static final String SOURCE = "cau";

  private final ClusterController cluster;
  private final RunOptions options;
  private final @Nullable String optionsProblem;
  private final @Nullable RunStore store;
  private final PluginRegistry registry;

  private CauRules(ClusterController cluster, RunOptions options, @Nullable String optionsProblem,
      @Nullable RunStore store, PluginRegistry registry) {
    this.cluster = cluster;
    this.options = options;
    this.optionsProblem = optionsProblem;
    this.store = store;
    this.registry = registry;
  }

  /**
   * Returns the engine's rules for a cluster and the options a run would be given.
   *
   * @param cluster the cluster
   * @param options the run's options
   * @param optionsProblem why the options do not fit the cluster or their plug-ins, or
   *     {@code null} if they do
   * @param store where the self-updating role's configuration is kept, or {@code null}
   * @param registry the plug-ins
   * @return the rules, in CAU's order
   */
  public static List<ReadinessRule> rules(ClusterController cluster, RunOptions options,
      @Nullable String optionsProblem, @Nullable RunStore store, PluginRegistry registry) {
    return new CauRules(cluster, options, optionsProblem, store, registry).all();
  }

  private List<ReadinessRule> all() {
    String windowsOnly = "it depends on a Windows facility that no capability of the SPI reports; a Windows"
        + " cluster backend or the Windows Update plug-in contributes it as a rule of its own";
    return List.of(
        rule(1, "The failover cluster must be available", Severity.ERROR,
            "Make sure the cluster's name resolves and the coordinator can reach the cluster and its nodes.",
            this::clusterAvailable),
        notChecked(2, "The failover cluster nodes must be enabled for remote management via WMI", Severity.ERROR,
            "Enable WMI remote management on every node.", windowsOnly),
        notChecked(3, "PowerShell remoting should be enabled on each node", Severity.WARNING,
            "Run Enable-PSRemoting on every node.", windowsOnly),
        notChecked(4, "The failover cluster nodes must run a supported operating system version", Severity.ERROR,
            "Upgrade the nodes to a supported version.", windowsOnly),
        notChecked(5, "The required versions of .NET Framework and Windows PowerShell must be installed on all nodes",
            Severity.ERROR, "Install them on every node.", windowsOnly),
        rule(6, "The Cluster service should be running on all cluster nodes", Severity.WARNING,
            "Start the cluster service on the nodes named, set it to start automatically, and make sure they"
                + " joined the cluster.",
            this::allNodesMembers),
        notChecked(7, "Automatic Updates must not be configured to automatically install updates on any node",
            Severity.WARNING, "Set Automatic Updates to download or notify only on every node.", windowsOnly),
        notChecked(8, "The failover cluster nodes should use the same update source", Severity.WARNING,
            "Point every node at the same WSUS server or at Windows Update.", windowsOnly),
        rule(9, "A firewall rule that allows remote shutdown should be enabled on each node", Severity.WARNING,
            "Enable the Remote Shutdown firewall rule group on the nodes named, or set EnableFirewallRules so"
                + " that the run enables it; check that no Group Policy setting forbids it.",
            this::remoteShutdownAllowed),
        notChecked(10, "The proxy server setting on each node should be set to a local proxy server",
            Severity.WARNING, "Set the WinHTTP proxy on every node (netsh winhttp set proxy).", windowsOnly),
        rule(11, "The CAU clustered role should be installed on the failover cluster to enable self-updating mode",
            Severity.WARNING, "Add the self-updating role (CauClusterRole.add, Add-CauClusterRole) if the cluster"
                + " should update itself on a schedule.",
            c -> roleInstalled()),
        rule(12, "The CAU clustered role should be enabled on the failover cluster to enable self-updating mode",
            Severity.WARNING, "Enable the self-updating role (CauClusterRole.enable, Enable-CauClusterRole).",
            c -> roleEnabled()),
        notApplicable(13, "The configured CAU plug-in for self-updating mode must be registered on all failover"
                + " cluster nodes", Severity.ERROR, "Put the plug-in's jar on the class or module path of every"
                + " coordinator.",
            "plug-ins are registered in the coordinator's JVM, not on the nodes; each self-updating coordinator"
                + " finds its plug-ins on its own class or module path"),
        notApplicable(14, "All failover cluster nodes should have the same set of registered CAU plug-ins",
            Severity.WARNING, "Deploy the same plug-in jars with every coordinator.",
            "plug-ins are registered in the coordinator's JVM, not on the nodes"),
        rule(15, "The configured Updating Run options must be valid", Severity.ERROR,
            "Correct the option named; cau4j checks every option before a run touches a node.",
            c -> optionsValid()),
        rule(16, "At least two failover cluster nodes must be owners of the CAU clustered role", Severity.ERROR,
            "Allow at least two nodes to own the self-updating role's group, so that it can move off the node"
                + " being updated.",
            this::roleOwners),
        rule(17, "All failover cluster nodes must be able to access the pre-update and post-update scripts",
            Severity.ERROR, "Put the scripts at the same path on every node (or on a share every node reaches),"
                + " readable by the account the run uses.",
            this::scriptsReachable),
        rule(18, "All failover cluster nodes should use identical pre-update and post-update scripts",
            Severity.WARNING, "Copy the same script to every node, or keep it on one share.",
            this::scriptsIdentical),
        rule(19, "The WarnAfter setting of the Updating Run should be less than the StopAfter setting",
            Severity.WARNING, "Set WarnAfter below StopAfter in the self-updating role's options, or the warning"
                + " can never be published.",
            c -> warnBeforeStop()),
        ReadinessRule.of("CAU-PENDING-RESTART", "No node should have a restart pending before the run",
            Severity.WARNING, "Restart the nodes named (one at a time, draining each) before the run, or expect"
                + " them to restart during it.",
            this::noPendingRestart));
  }

  // ---------------------------------------------------------------- the checks

  private RuleOutcome clusterAvailable(ReadinessContext context) {
    ClusterSnapshot snapshot = context.snapshot();
    if (snapshot.nodes().isEmpty()) {
      return RuleOutcome.failed("Cluster \"" + snapshot.name() + "\" reports no node");
    }
    return RuleOutcome.passed("Cluster \"" + snapshot.name() + "\" was read: " + count(snapshot.nodes().size(), "node"));
  }

  private RuleOutcome allNodesMembers(ReadinessContext context) {
    List<String> out = context.snapshot().nodes().stream().filter(n -> !n.state().isMember())
        .map(n -> n.name() + " (" + n.state().name().toLowerCase(java.util.Locale.ROOT) + ")").toList();
    return out.isEmpty() ? RuleOutcome.passed()
        : RuleOutcome.failed("Not running as a cluster member: " + String.join(", ", out));
  }

  private RuleOutcome remoteShutdownAllowed(ReadinessContext context) {
    List<String> off = new ArrayList<>();
    int reporting = 0;
    for (NodeSnapshot node : context.snapshot().nodes()) {
      Optional<RemoteShutdownFirewall> firewall = context.capability(node.name(), RemoteShutdownFirewall.class);
      if (firewall.isPresent()) {
        reporting++;
        if (!firewall.get().isRemoteShutdownAllowed()) {
          off.add(node.name());
        }
      }
    }
    if (reporting == 0) {
      return RuleOutcome.notApplicable("No node reports a remote-shutdown firewall rule");
    }
    if (off.isEmpty()) {
      return RuleOutcome.passed();
    }
    if (options.enableFirewallRules()) {
      return RuleOutcome.passed("The rule is off on " + String.join(", ", off)
          + "; EnableFirewallRules is set, so the run enables it");
    }
    return RuleOutcome.failed("The rule is off on " + String.join(", ", off) + " and EnableFirewallRules is not set");
  }

  /** The stored role, or why it cannot be read; empty when there is no store or no role. */
  private sealed interface Role {
    record Absent(String why) implements Role {}
    record Stored(RoleConfiguration configuration) implements Role {}
    record Unreadable(InvalidRoleConfigurationException problem) implements Role {}
  }

  private Role role() {
    if (store == null) {
      return new Role.Absent("the coordinator has no run store, where the role's configuration is kept");
    }
    try {
      return CauClusterRole.of(cluster, store, registry).get().<Role>map(Role.Stored::new)
          .orElseGet(() -> new Role.Absent("the cluster has no self-updating role"));
    } catch (InvalidRoleConfigurationException e) {
      return new Role.Unreadable(e);
    }
  }

  private RuleOutcome roleInstalled() {
    Role role = role();
    if (role instanceof Role.Absent absent) {
      return store == null ? RuleOutcome.notChecked(absent.why()) : RuleOutcome.failed(capitalize(absent.why()));
    }
    return RuleOutcome.passed();
  }

  private RuleOutcome roleEnabled() {
    Role role = role();
    if (role instanceof Role.Stored stored) {
      return stored.configuration().isEnabled() ? RuleOutcome.passed()
          : RuleOutcome.failed("The self-updating role \"" + stored.configuration().groupName() + "\" is disabled");
    }
    return notReadable(role);
  }

  private RuleOutcome roleOwners(ReadinessContext context) {
    Role role = role();
    if (!(role instanceof Role.Stored stored)) {
      return notReadable(role);
    }
    String group = stored.configuration().groupName();
    ClusterSnapshot snapshot = context.snapshot();
    Optional<ClusteredRole> found = snapshot.roles().stream().filter(r -> r.name().equals(group)).findFirst();
    if (found.isEmpty()) {
      return RuleOutcome.failed("The self-updating role's group \"" + group + "\" is not a clustered role of the cluster");
    }
    List<String> owners = snapshot.nodes().stream().map(NodeSnapshot::name).filter(found.get()::canRunOn).toList();
    return owners.size() >= 2 ? RuleOutcome.passed("Possible owners: " + String.join(", ", owners))
        : RuleOutcome.failed("The self-updating role \"" + group + "\" can be owned by " + count(owners.size(), "node")
            + (owners.isEmpty() ? "" : " (" + String.join(", ", owners) + ")"));
  }

  private RuleOutcome optionsValid() {
    if (optionsProblem != null) {
      return RuleOutcome.failed("The run's options: " + optionsProblem);
    }
    Role role = role();
    if (role instanceof Role.Unreadable unreadable && warnAfterProblem(unreadable.problem()) == null) {
      return RuleOutcome.failed(String.valueOf(unreadable.problem().getMessage()));
    }
    return RuleOutcome.passed(role instanceof Role.Unreadable
        ? "The run's options are valid; the self-updating role's WarnAfter and StopAfter are judged by CAU-19"
        : "");
  }

  private RuleOutcome warnBeforeStop() {
    Role role = role();
    if (role instanceof Role.Unreadable unreadable) {
      InvalidOptionsException problem = warnAfterProblem(unreadable.problem());
      return problem == null ? RuleOutcome.notChecked("The self-updating role's configuration cannot be read; see CAU-15")
          : RuleOutcome.failed("The self-updating role's options: " + problem.getMessage());
    }
    // Options a coordinator builds are refused unless WarnAfter is below StopAfter, so only a stored
    // configuration written by something else can break the rule.
    return RuleOutcome.passed();
  }

  private static @Nullable InvalidOptionsException warnAfterProblem(Throwable problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidOptionsException invalid && invalid.option().equals("WarnAfter")) {
        return invalid;
      }
    }
    return null;
  }

  private static RuleOutcome notReadable(Role role) {
    if (role instanceof Role.Absent absent) {
      return RuleOutcome.notApplicable(capitalize(absent.why()));
    }
    return RuleOutcome.notChecked("The self-updating role's configuration cannot be read; see CAU-15");
  }

  /** The scripts a run would use: the given options' and the self-updating role's. */
  private List<String> scripts() {
    List<String> scripts = new ArrayList<>();
    Stream.of(options.preUpdateScript(), options.postUpdateScript()).flatMap(Optional::stream).forEach(scripts::add);
    if (role() instanceof Role.Stored stored) {
      RunOptions roleOptions = stored.configuration().options();
      Stream.of(roleOptions.preUpdateScript(), roleOptions.postUpdateScript()).flatMap(Optional::stream)
          .filter(s -> !scripts.contains(s)).forEach(scripts::add);
    }
    return scripts;
  }

  private RuleOutcome scriptsReachable(ReadinessContext context) {
    return perScript(context, (files, path, node) -> {
      Optional<dev.cau.api.capability.FileEntry> entry = files.stat(path, context.callContext(node));
      if (entry.isEmpty()) {
        return "not found";
      }
      return entry.get().kind() == FileKind.FILE ? null : "not a regular file (" + entry.get().kind() + ")";
    }, false);
  }

  private RuleOutcome scriptsIdentical(ReadinessContext context) {
    return perScript(context, (files, path, node) -> files.sha256(path, context.callContext(node)), true);
  }

  private interface ScriptRead {
    /** Returns a problem (or, when comparing, a hash); {@code null} when there is none. */
    @Nullable String read(NodeFiles files, String path, String node);
  }

  /**
   * Reads every script on every running node. Reports the problems, or, when comparing, the
   * nodes whose copy differs from the first node's.
   */
  private RuleOutcome perScript(ReadinessContext context, ScriptRead read, boolean compare) {
    List<String> scripts = scripts();
    if (scripts.isEmpty()) {
      return RuleOutcome.notApplicable("The run has no pre-update or post-update script");
    }
    List<String> problems = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    for (String script : scripts) {
      Map<String, String> hashes = new LinkedHashMap<>();
      for (NodeSnapshot node : context.snapshot().nodes()) {
        if (node.state() != NodeState.UP && node.state() != NodeState.PAUSED) {
          unchecked.add(node.name() + " (not running)");
          continue;
        }
        Optional<NodeFiles> files = context.capability(node.name(), NodeFiles.class);
        if (files.isEmpty()) {
          unchecked.add(node.name() + " (offers no NodeFiles capability)");
          continue;
        }
        try {
          String answer = read.read(files.get(), script, node.name());
          if (compare && answer != null) {
            hashes.put(node.name(), answer);
          } else if (answer != null) {
            problems.add("\"" + script + "\" on " + node.name() + ": " + answer);
          }
        } catch (RuntimeException e) {
          if (compare) {
            unchecked.add(node.name() + " (" + e.getMessage() + "; see CAU-17)"); // one problem, one rule
          } else {
            problems.add("\"" + script + "\" on " + node.name() + ": " + e.getMessage());
          }
        }
      }
      if (compare && hashes.values().stream().distinct().count() > 1) {
        Map<String, List<String>> byHash = new LinkedHashMap<>();
        hashes.forEach((node, hash) -> byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(node));
        List<String> groups = byHash.entrySet().stream()
            .map(e -> String.join(", ", e.getValue()) + " (SHA-256 " + e.getKey().substring(0, 12) + "…)").toList();
        problems.add("\"" + script + "\" differs between nodes: " + String.join("; ", groups));
      }
    }
    if (!problems.isEmpty()) {
      return RuleOutcome.failed(String.join("; ", problems));
    }
    if (!unchecked.isEmpty()) {
      return RuleOutcome.notChecked("Not read on " + String.join(", ", unchecked.stream().distinct().toList()));
    }
    return RuleOutcome.passed(count(scripts.size(), "script") + " checked on every node");
  }

  private RuleOutcome noPendingRestart(ReadinessContext context) {
    List<String> pending = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (NodeSnapshot node : context.snapshot().nodes()) {
      if (!node.state().isMember()) {
        unknown.add(node.name() + " (not running)");
        continue;
      }
      PendingRestart answer = cluster.node(node.name()).pendingRestart(context.callContext(node.name()));
      if (answer == PendingRestart.PENDING) {
        pending.add(node.name());
      } else if (answer == PendingRestart.UNKNOWN) {
        unknown.add(node.name() + " (its controller cannot tell)");
      }
    }
    if (!pending.isEmpty()) {
      return RuleOutcome.failed("A restart is pending on " + String.join(", ", pending));
    }
    return unknown.isEmpty() ? RuleOutcome.passed() : RuleOutcome.notChecked("Not known for " + String.join(", ", unknown));
  }

  // ---------------------------------------------------------------- helpers

  private static ReadinessRule rule(int number, String title, Severity severity, String resolution,
      Function<ReadinessContext, RuleOutcome> check) {
    return ReadinessRule.of(id(number), title, severity, resolution, check);
  }

  private static ReadinessRule notChecked(int number, String title, Severity severity, String resolution, String why) {
    return rule(number, title, severity, resolution, c -> RuleOutcome.notChecked("Not checked: " + why));
  }

  private static ReadinessRule notApplicable(int number, String title, Severity severity, String resolution,
      String why) {
    return rule(number, title, severity, resolution, c -> RuleOutcome.notApplicable(capitalize(why)));
  }

  /**
   * Returns the identifier of a numbered rule.
   *
   * @param number the rule's number in CAU's list
   * @return {@code CAU-} and two digits
   */
  public static String id(int number) {
    return String.format(java.util.Locale.ROOT, "CAU-%02d", number);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
