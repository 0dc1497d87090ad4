package dev.cau.testkit.conformance;

import static dev.cau.testkit.conformance.ConformanceCheck.ARGUMENT_DESCRIPTORS;
import static dev.cau.testkit.conformance.ConformanceCheck.CANCELLATION;
import static dev.cau.testkit.conformance.ConformanceCheck.INFRASTRUCTURE_FAILURE;
import static dev.cau.testkit.conformance.ConformanceCheck.MISSING_CAPABILITY;
import static dev.cau.testkit.conformance.ConformanceCheck.ONE_RESULT_PER_UPDATE;
import static dev.cau.testkit.conformance.ConformanceCheck.REPEATABLE_SCAN;
import static dev.cau.testkit.conformance.ConformanceCheck.RESCAN_AFTER_INSTALL;
import static dev.cau.testkit.conformance.ConformanceCheck.SECRETS_NEVER_SHOWN;
import static dev.cau.testkit.conformance.ConformanceCheck.STABLE_NAME;
import static dev.cau.testkit.conformance.Observations.count;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.core.plugin.PluginArgumentBinder;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One run of every check against one plug-in; {@link PluginConformance#check()} makes one. */
final class ConformanceRun {
  private static final String MASK = "********";
  private static final Instant CLOCK_READS = ConformanceContext.CLOCK_INSTANT;
  private static final String NO_UPDATES =
      "the scan of a fresh node reported no updates, so there was nothing to ";
  private static final String GIVE_UPDATES =
      "; give node(...) a node with applicable updates";

  private final UpdatePluginProvider provider;
  private final Map<String, String> given;
  private final Supplier<ConformanceNode> nodes;
  private final @Nullable Supplier<ConformanceNode> failingNodes;
  private final int maxInstallPasses;
  private final Observations observations = new Observations();
  private List<PluginArgument> descriptors = List.of();
  private @Nullable PluginArguments bound;

  ConformanceRun(
      UpdatePluginProvider provider,
      Map<String, String> given,
      Supplier<ConformanceNode> nodes,
      @Nullable Supplier<ConformanceNode> failingNodes,
      int maxInstallPasses) {
    this.provider = provider;
    this.given = given;
    this.nodes = nodes;
    this.failingNodes = failingNodes;
    this.maxInstallPasses = maxInstallPasses;
  }

  ConformanceReport run() {
    List<ConformanceFinding> findings = new ArrayList<>();
    findings.add(stableName());
    findings.add(argumentDescriptors());
    findings.add(withPlugin(REPEATABLE_SCAN, this::repeatableScan));
    findings.add(withPlugin(ONE_RESULT_PER_UPDATE, this::oneResultPerUpdate));
    findings.add(withPlugin(RESCAN_AFTER_INSTALL, this::rescanAfterInstall));
    findings.add(withPlugin(CANCELLATION, this::cancellation));
    findings.add(withPlugin(MISSING_CAPABILITY, this::missingCapability));
    findings.add(failingNodes == null
        ? notRun(INFRASTRUCTURE_FAILURE, "no failing node was given: give failingNode(...) a"
            + " node whose infrastructure fails, such as an agent that does not answer, to check"
            + " that the plug-in then throws PluginFailureException")
        : withPlugin(INFRASTRUCTURE_FAILURE, this::infrastructureFailure));
    findings.add(secrets());

    // A secret must not leak through the report either, such as in a quoted exception message.
    List<String> secrets = new ArrayList<>(secretValues().values());
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new ConformanceReport(mask(subject(), secrets), findings.stream()
        .map(f -> new ConformanceFinding(f.check(), f.outcome(), mask(f.message(), secrets)))
        .toList());
  }

  // ---------------------------------------------------------------- the provider

  private ConformanceFinding stableName() {
    String first;
    String second;
    try {
      first = provider.name();
      second = provider.name();
    } catch (RuntimeException e) {
      return failed(STABLE_NAME, "name() threw " + describe(e));
    }
    if (first == null || second == null) {
      return failed(STABLE_NAME, "name() returned null; return a non-blank name that never"
          + " changes, such as \"Contoso.FirmwarePlugin\"");
    }
    List<String> problems = new ArrayList<>();
    if (first.isBlank()) {
      problems.add("name() returned the blank name \"" + first + "\"; return a non-blank name"
          + " that never changes, such as \"Contoso.FirmwarePlugin\": runs select a plug-in by"
          + " its name");
    } else if (!first.equals(first.strip())) {
      problems.add("name() returned \"" + first + "\", which has leading or trailing spaces;"
          + " runs select a plug-in by its exact name");
    }
    if (!first.equals(second)) {
      problems.add("name() returned \"" + first + "\" and then \"" + second + "\"; it must"
          + " return the same name every time");
    }
    return problems.isEmpty()
        ? passed(STABLE_NAME, "name() returned \"" + first + "\" both times it was called")
        : failed(STABLE_NAME, problems);
  }

  private ConformanceFinding argumentDescriptors() {
    List<PluginArgument> described;
    try {
      described = provider.arguments();
    } catch (RuntimeException e) {
      return failed(ARGUMENT_DESCRIPTORS, "arguments() threw " + describe(e));
    }
    if (described == null) {
      return failed(ARGUMENT_DESCRIPTORS, "arguments() returned null; return an empty list"
          + " when the plug-in takes no arguments");
    }
    List<String> problems = new ArrayList<>();
    List<PluginArgument> valid = new ArrayList<>();
    Map<String, String> byKey = new HashMap<>();
    for (int i = 0; i < described.size(); i++) {
      PluginArgument argument = described.get(i);
      if (argument == null) {
        problems.add("arguments() returned null as argument " + (i + 1));
        continue;
      }
      valid.add(argument);
      String name = argument.name();
      if (!name.equals(name.strip())) {
        problems.add("argument \"" + name + "\" has leading or trailing spaces in its name");
      }
      String earlier = byKey.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
      if (earlier != null) {
        problems.add("arguments \"" + earlier + "\" and \"" + name + "\" have the same name"
            + " regardless of letter case; runs match argument names regardless of case");
      }
      String defaultValue = argument.defaultValue();
      if (defaultValue != null) {
        if (argument.required()) {
          problems.add("required argument \"" + name + "\" has a default; a run must give a"
              + " required argument, so it has none");
        }
        String allowed = PluginArgumentBinder.typeProblem(argument.type(), defaultValue);
        if (allowed != null) {
          problems.add("the default \"" + defaultValue + "\" of " + argument.type()
              + " argument \"" + name + "\" is not " + allowed);
        }
      }
    }
    descriptors = List.copyOf(valid);
    try {
      bound = PluginArgumentBinder.bind(provider, given);
    } catch (InvalidOptionsException e) {
      problems.add("the arguments given to the kit are refused as a run would refuse them: "
          + e.getMessage());
    } catch (RuntimeException e) {
      if (problems.isEmpty()) {
        problems.add("the descriptors are refused as a run would refuse them: " + describe(e));
      }
    }
    if (!problems.isEmpty()) {
      return failed(ARGUMENT_DESCRIPTORS, problems);
    }
    String arguments = valid.isEmpty()
        ? "no arguments"
        : count(valid.size(), "argument") + " (" + valid.stream()
            .map(ConformanceRun::describeArgument)
            .collect(Collectors.joining(", ")) + ")";
    return passed(ARGUMENT_DESCRIPTORS,
        "describes " + arguments + "; the arguments given bind to " + bound);
  }

  // ---------------------------------------------------------------- the plug-in on a node

  private ConformanceFinding withPlugin(
      ConformanceCheck check, Function<UpdatePlugin, ConformanceFinding> body) {
    PluginArguments arguments = bound;
    if (arguments == null) {
      return notRun(check, "no plug-in was created, as the arguments given to the kit do not"
          + " bind to its descriptors (see \"" + ARGUMENT_DESCRIPTORS.title() + "\")");
    }
    try {
      return body.apply(create(arguments));
    } catch (Violation v) {
      return failed(check, v.problem());
    }
  }

  private ConformanceFinding repeatableScan(UpdatePlugin plugin) {
    ConformanceNode node = fresh(nodes, "node");
    List<Update> first = scan(plugin, context(node), "scan");
    List<Update> second = scan(plugin, context(node), "the second scan");
    List<String> problems = new ArrayList<>();
    duplicateIds(first).forEach(id -> problems.add("scan reported update \"" + id + "\" more"
        + " than once; an update id is unique within the plug-in"));
    if (!first.equals(second)) {
      problems.add(ids(first).equals(ids(second))
          ? "two scans of a fresh node reported the same update ids " + quotedIds(first)
              + " but with different titles or descriptions; scanning must not change the node"
          : "two scans of a fresh node differ: the first reported " + quotedIds(first)
              + ", the second " + quotedIds(second) + "; scanning must not change the node");
    }
    if (!problems.isEmpty()) {
      return failed(REPEATABLE_SCAN, problems);
    }
    if (first.isEmpty()) {
      return notRun(REPEATABLE_SCAN, NO_UPDATES + "compare" + GIVE_UPDATES);
    }
    return passed(REPEATABLE_SCAN, "two scans of a fresh node both reported "
        + count(first.size(), "update") + ": " + quotedIds(first));
  }

  private ConformanceFinding oneResultPerUpdate(UpdatePlugin plugin) {
    ConformanceContext context = context(fresh(nodes, "node"));
    List<Update> updates = scan(plugin, context, "scan");
    if (updates.isEmpty()) {
      return notRun(ONE_RESULT_PER_UPDATE, NO_UPDATES + "install" + GIVE_UPDATES);
    }
    stage(plugin, context, updates, "stage");
    List<InstallResult> results = install(plugin, context, updates, "install");
    List<String> problems = resultProblems(updates, results, "return one for every update given");
    for (InstallResult result : results) {
      if (!CLOCK_READS.equals(result.timestamp())) {
        problems.add("the result for update \"" + result.update().id() + "\" is stamped "
            + result.timestamp() + ", but the context's clock reads " + CLOCK_READS
            + "; take every timestamp from context.clock(), not from the system clock");
      }
    }
    return problems.isEmpty()
        ? passed(ONE_RESULT_PER_UPDATE, "install returned one result for each of the "
            + count(updates.size(), "update") + " given, stamped by the context's clock: "
            + summary(results))
        : failed(ONE_RESULT_PER_UPDATE, problems);
  }

  private ConformanceFinding rescanAfterInstall(UpdatePlugin plugin) {
    ConformanceNode node = fresh(nodes, "node");
    List<Update> toInstall = scan(plugin, context(node), "scan");
    if (toInstall.isEmpty()) {
      return notRun(RESCAN_AFTER_INSTALL, NO_UPDATES + "install" + GIVE_UPDATES);
    }
    Map<String, String> installed = new LinkedHashMap<>();
    Set<String> failedBefore = new HashSet<>();
    List<String> passes = new ArrayList<>();
    for (int pass = 1; ; pass++) {
      ConformanceContext context = context(node);
      stage(plugin, context, toInstall, "stage in install pass " + pass);
      List<InstallResult> results = install(plugin, context, toInstall, "install in pass " + pass);
      List<String> installedNow = new ArrayList<>();
      boolean restart = false;
      for (InstallResult result : results) {
        String id = result.update().id();
        UpdateResultCode code = result.code();
        if (code == UpdateResultCode.SUCCEEDED || code == UpdateResultCode.ALREADY_INSTALLED) {
          if (installed.putIfAbsent(id, code + " in install pass " + pass) == null
              && code == UpdateResultCode.SUCCEEDED) {
            installedNow.add(id);
          }
        } else if (code.isFailure()) {
          failedBefore.add(id);
        }
        if (result.rebootRequired()) {
          restart = true;
        }
      }
      passes.add("pass " + pass + " installed "
          + (installedNow.isEmpty() ? "nothing" : quoted(installedNow))
          + (restart ? " and restarted the node" : ""));
      if (restart) {
        node.restart();
      }
      String rescan = "the re-scan after install pass " + pass + (restart ? " and a restart" : "");
      List<Update> found = scan(plugin, context(node), rescan);
      List<String> again = new ArrayList<>();
      for (Update update : found) {
        String how = installed.get(update.id());
        if (how != null) {
          again.add(rescan + " reported update \"" + update.id() + "\" again, although install"
              + " reported it " + how + "; a plug-in must stop reporting updates it has"
              + " installed, or a run installs them again on every pass");
        }
      }
      if (!again.isEmpty()) {
        return failed(RESCAN_AFTER_INSTALL, again);
      }
      // As the engine does, an update that failed in this attempt is not tried again.
      toInstall = found.stream().filter(u -> !failedBefore.contains(u.id())).toList();
      if (toInstall.isEmpty()) {
        return passed(RESCAN_AFTER_INSTALL, "the scan converged after "
            + count(pass, "install pass") + ": " + String.join("; ", passes)
            + "; then the re-scan reported nothing new to install");
      }
      if (pass >= maxInstallPasses) {
        return failed(RESCAN_AFTER_INSTALL, "after " + count(pass, "install pass")
            + " (the bound), the re-scan still reported updates to install: "
            + quotedIds(toInstall) + " (" + String.join("; ", passes) + "); either the plug-in"
            + " keeps reporting updates that never stay installed, or its chain of updates"
            + " that only apply after others is longer than the bound: raise it with"
            + " maxInstallPasses(int)");
      }
    }
  }

  private ConformanceFinding cancellation(UpdatePlugin plugin) {
    ConformanceNode node = fresh(nodes, "node");
    ConformanceContext scanning = context(node);
    List<Update> updates = scan(plugin, scanning, "scan");
    if (updates.isEmpty()) {
      return notRun(CANCELLATION, NO_UPDATES + "cancel" + GIVE_UPDATES);
    }
    stage(plugin, scanning, updates, "stage");
    ConformanceContext canceled = context(node);
    canceled.cancel();
    List<String> problems = new ArrayList<>();
    String outcome;
    try {
      List<InstallResult> results = install(plugin, canceled, updates, "install");
      problems.addAll(resultProblems(
          updates, results, "report every update install does not install as CANCELED"));
      for (InstallResult result : results) {
        UpdateResultCode code = result.code();
        if (code == UpdateResultCode.SUCCEEDED || code == UpdateResultCode.FAILED) {
          problems.add("install reported update \"" + result.update().id() + "\" " + code
              + " although cancellation was requested before install was called; poll"
              + " context.cancellation() before starting each update, and report the updates"
              + " not started as CANCELED");
        }
      }
      outcome = results.stream().allMatch(r -> r.code() == UpdateResultCode.CANCELED)
          ? "install reported " + (results.size() == 1 ? "the update" : "all "
              + count(results.size(), "update")) + " CANCELED"
          : "install reported " + summary(results);
    } catch (Violation v) {
      RuntimeException thrown = v.thrownByPlugin();
      if (thrown == null) {
        throw v;
      }
      if (!(thrown instanceof OperationCanceledException)) {
        return failed(CANCELLATION, "with cancellation requested before install, install threw "
            + describe(thrown) + "; report the updates it does not install as CANCELED, or"
            + " throw OperationCanceledException");
      }
      outcome = "install threw " + describe(thrown);
    }
    Set<String> stillReported =
        ids(scan(plugin, context(node), "the re-scan after the canceled install"));
    for (Update update : updates) {
      if (!stillReported.contains(update.id())) {
        problems.add("after the canceled install, a re-scan no longer reports update \""
            + update.id() + "\": it was installed although cancellation was requested before"
            + " install was called");
      }
    }
    return problems.isEmpty()
        ? passed(CANCELLATION, "with cancellation requested before install, " + outcome
            + ", and a re-scan still reported " + (updates.size() == 1 ? "it" : "all of them"))
        : failed(CANCELLATION, problems);
  }

  private ConformanceFinding missingCapability(UpdatePlugin plugin) {
    String where = "on a node that offers no capabilities, ";
    ConformanceContext context = context(ConformanceNode.empty());
    try {
      List<Update> updates = scan(plugin, context, "scan");
      if (updates.isEmpty()) {
        return passed(MISSING_CAPABILITY, where + "scan reported no updates");
      }
      stage(plugin, context, updates, "stage");
      List<InstallResult> results = install(plugin, context, updates, "install");
      return passed(MISSING_CAPABILITY, where + "scan reported " + count(updates.size(), "update")
          + " and install returned " + count(results.size(), "result"));
    } catch (Violation v) {
      RuntimeException thrown = v.thrownByPlugin();
      if (thrown == null) {
        throw v;
      }
      if (isDocumented(thrown)) {
        return passed(MISSING_CAPABILITY, where + v.problem());
      }
      return failed(MISSING_CAPABILITY, where + v.problem() + " instead of"
          + " PluginFailureException; throw PluginFailureException when the node lacks a"
          + " capability the plug-in needs, as any other exception type ends the run abnormally");
    }
  }

  private ConformanceFinding infrastructureFailure(UpdatePlugin plugin) {
    String where = "on the failing node, ";
    ConformanceContext context =
        context(fresh(Objects.requireNonNull(failingNodes), "failing node"));
    try {
      List<Update> updates = scan(plugin, context, "scan");
      if (updates.isEmpty()) {
        return failed(INFRASTRUCTURE_FAILURE, where + "scan reported no updates instead of"
            + " throwing PluginFailureException; a failing infrastructure must not look like a"
            + " node with nothing to install");
      }
      stage(plugin, context, updates, "stage");
      List<InstallResult> results = install(plugin, context, updates, "install");
      return failed(INFRASTRUCTURE_FAILURE, where + "no call failed: scan reported "
          + count(updates.size(), "update") + " and install returned "
          + count(results.size(), "result") + "; throw PluginFailureException when the"
          + " infrastructure fails rather than hiding the failure");
    } catch (Violation v) {
      RuntimeException thrown = v.thrownByPlugin();
      if (thrown == null) {
        throw v;
      }
      if (isDocumented(thrown)) {
        return passed(INFRASTRUCTURE_FAILURE, where + v.problem());
      }
      return failed(INFRASTRUCTURE_FAILURE, where + v.problem() + " instead of"
          + " PluginFailureException; any other exception type ends the run abnormally instead"
          + " of failing the node");
    }
  }

  // ---------------------------------------------------------------- secrets

  private ConformanceFinding secrets() {
    List<String> secretNames =
        descriptors.stream().filter(PluginArgument::secret).map(PluginArgument::name).toList();
    if (bound == null) {
      return notRun(SECRETS_NEVER_SHOWN, "no plug-in was created, as the arguments given to the"
          + " kit do not bind to its descriptors (see \"" + ARGUMENT_DESCRIPTORS.title() + "\")");
    }
    if (secretNames.isEmpty()) {
      return passed(SECRETS_NEVER_SHOWN, "the plug-in declares no secret arguments");
    }
    Map<String, String> values = secretValues();
    if (values.isEmpty()) {
      return notRun(SECRETS_NEVER_SHOWN, "secret " + (secretNames.size() == 1
          ? "argument " : "arguments ") + quoted(secretNames) + " got no value; give "
          + (secretNames.size() == 1 ? "it" : "each") + " a value in arguments(...) so that the"
          + " kit can look for it");
    }
    Set<String> problems = new LinkedHashSet<>();
    for (Observations.Shown shown : observations.all()) {
      values.forEach((name, value) -> {
        if (shown.text().contains(value)) {
          problems.add("the value of secret argument \"" + name + "\" appears in "
              + shown.where() + ": \"" + shown.text() + "\"");
        }
      });
    }
    if (!problems.isEmpty()) {
      return failed(SECRETS_NEVER_SHOWN, new ArrayList<>(problems));
    }
    return passed(SECRETS_NEVER_SHOWN, "the value of secret "
        + (values.size() == 1 ? "argument " : "arguments ") + quoted(values.keySet())
        + " appears in none of the " + observations.extent() + " the plug-in produced during"
        + " the checks, nor in its toString()");
  }

  /** Returns the value of every secret argument, by the descriptor's name, from the given ones. */
  private Map<String, String> secretValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (PluginArgument argument : descriptors) {
      if (!argument.secret()) {
        continue;
      }
      String value = argument.defaultValue();
      for (Map.Entry<String, String> entry : given.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(argument.name())) {
          value = entry.getValue();
        }
      }
      if (value != null && !value.isBlank()) {
        values.put(argument.name(), value);
      }
    }
    return values;
  }

  private static String mask(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  // ---------------------------------------------------------------- calls into the plug-in

  private UpdatePlugin create(PluginArguments arguments) {
    UpdatePlugin plugin;
    try {
      plugin = provider.create(arguments);
    } catch (RuntimeException e) {
      observations.thrown("create(arguments)", e);
      throw Violation.threw("create(arguments)", e);
    }
    if (plugin == null) {
      throw Violation.returned("create(arguments)", "returned null");
    }
    observations.plugin(plugin);
    return plugin;
  }

  private List<Update> scan(UpdatePlugin plugin, ConformanceContext context, String call) {
    List<Update> updates;
    try {
      updates = plugin.scan(context);
    } catch (RuntimeException e) {
      observations.thrown(call, e);
      throw Violation.threw(call, e);
    }
    if (updates == null) {
      throw Violation.returned(call, "returned null; return an empty list when no update applies");
    }
    if (updates.stream().anyMatch(Objects::isNull)) {
      throw Violation.returned(call, "returned a list that holds null");
    }
    observations.updates(updates);
    return List.copyOf(updates);
  }

  private void stage(
      UpdatePlugin plugin, ConformanceContext context, List<Update> updates, String call) {
    try {
      plugin.stage(context, updates);
    } catch (RuntimeException e) {
      observations.thrown(call, e);
      throw Violation.threw(call, e);
    }
  }

  private List<InstallResult> install(
      UpdatePlugin plugin, ConformanceContext context, List<Update> updates, String call) {
    List<InstallResult> results;
    try {
      results = plugin.install(context, updates);
    } catch (RuntimeException e) {
      observations.thrown(call, e);
      throw Violation.threw(call, e);
    }
    if (results == null) {
      throw Violation.returned(call, "returned null; return one result for every update given");
    }
    if (results.stream().anyMatch(Objects::isNull)) {
      throw Violation.returned(call, "returned a list that holds null");
    }
    observations.results(results);
    return List.copyOf(results);
  }

  private ConformanceContext context(ConformanceNode node) {
    ConformanceContext context = ConformanceContext.on(node);
    observations.context(context);
    return context;
  }

  private static ConformanceNode fresh(Supplier<ConformanceNode> supplier, String what) {
    return Objects.requireNonNull(supplier.get(), () -> "The " + what + " supplier returned null");
  }

  // ---------------------------------------------------------------- helpers

  /** Lists what is wrong with the results of one install call for the updates it was given. */
  private static List<String> resultProblems(
      List<Update> given, List<InstallResult> results, String missingHint) {
    Map<String, List<InstallResult>> byId = new LinkedHashMap<>();
    results.forEach(r -> byId.computeIfAbsent(r.update().id(), id -> new ArrayList<>()).add(r));
    List<String> problems = new ArrayList<>();
    for (Update update : given) {
      List<InstallResult> forUpdate = byId.remove(update.id());
      if (forUpdate == null) {
        problems.add("install returned no result for update \"" + update.id() + "\"; "
            + missingHint);
      } else if (forUpdate.size() > 1) {
        problems.add("install returned " + forUpdate.size() + " results for update \""
            + update.id() + "\"; return exactly one");
      } else if (!forUpdate.get(0).update().equals(update)) {
        problems.add("the result for update \"" + update.id() + "\" carries "
            + forUpdate.get(0).update() + " instead of the update given, " + update);
      }
    }
    byId.keySet().forEach(id -> problems.add("install returned a result for update \"" + id
        + "\", which it was not given"));
    return problems;
  }

  private static boolean isDocumented(RuntimeException thrown) {
    return thrown instanceof PluginFailureException
        || thrown instanceof OperationCanceledException;
  }

  private String subject() {
    String type = provider.getClass().getName();
    try {
      return "\"" + provider.name() + "\" (" + type + ")";
    } catch (RuntimeException e) {
      return type;
    }
  }

  /**
   * Describes an exception a plug-in threw, such as
   * {@code PluginFailureException "AgentUnreachable" ("The agent does not answer")}.
   */
  static String describe(RuntimeException e) {
    String type = e.getClass().getSimpleName().isEmpty()
        ? e.getClass().getName()
        : e.getClass().getSimpleName();
    String errorId = e instanceof PluginFailureException failure
        ? " \"" + failure.errorId() + "\""
        : "";
    String message = e.getMessage();
    return type + errorId + (message == null ? "" : " (\"" + message + "\")");
  }

  private static String describeArgument(PluginArgument argument) {
    String defaultValue = argument.defaultValue();
    return "\"" + argument.name() + "\" (" + argument.type()
        + (argument.required() ? ", required" : "")
        + (argument.secret() ? ", secret" : "")
        + (defaultValue == null ? "" : ", default " + defaultValue) + ")";
  }

  private static List<String> duplicateIds(List<Update> updates) {
    Set<String> seen = new HashSet<>();
    return updates.stream().map(Update::id).filter(id -> !seen.add(id)).distinct().toList();
  }

  private static Set<String> ids(List<Update> updates) {
    return updates.stream().map(Update::id).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String quotedIds(List<Update> updates) {
    return updates.isEmpty() ? "no updates" : quoted(updates.stream().map(Update::id).toList());
  }

  private static String quoted(Collection<String> texts) {
    return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
  }

  private static String summary(List<InstallResult> results) {
    return results.stream()
        .map(r -> "\"" + r.update().id() + "\" " + r.code()
            + (r.errorCode() == 0 ? "" : " (error code " + r.errorCode() + ")")
            + (r.rebootRequired() ? " (restart required)" : ""))
        .collect(Collectors.joining(", "));
  }

  private static ConformanceFinding passed(ConformanceCheck check, String message) {
    return new ConformanceFinding(check, Outcome.PASSED, message);
  }

  private static ConformanceFinding failed(ConformanceCheck check, String message) {
    return new ConformanceFinding(check, Outcome.FAILED, message);
  }

  private static ConformanceFinding failed(ConformanceCheck check, List<String> problems) {
    return failed(check, String.join("\n  ", problems));
  }

  private static ConformanceFinding notRun(ConformanceCheck check, String message) {
    return new ConformanceFinding(check, Outcome.NOT_RUN, message);
  }
}
