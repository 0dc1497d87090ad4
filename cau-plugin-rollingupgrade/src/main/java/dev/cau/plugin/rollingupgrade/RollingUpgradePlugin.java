package dev.cau.plugin.rollingupgrade;

import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.InitialScanReview;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.JournaledRun;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.plugin.windowsupdate.WindowsUpdatePluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code Microsoft.RollingUpgradePlugin} for one run.
 *
 * <p>Scan reads the node's build and the feature update it is offered: from Windows Update (the
 * Windows Update plug-in's agent access, searching the {@code Upgrades} classification) or from
 * the media's install image, in which case setup's compatibility scan also runs. Before any node
 * is touched, {@link #reviewInitialScan} refuses a run whose nodes are offered different feature
 * updates or whose compatibility scan blocked a node: the run stops, no node is skipped, as a
 * feature update must reach every node. Install runs the compatibility scan again (media), then
 * the upgrade, then schedules the restart; setup restarts the node several times by itself, so the
 * plug-in declares the restarts its own ({@link #restartsNodeItself}). The scan after the node is
 * back verifies the new build.
 *
 * <p>The run's target on each node is the feature update its first scan offered (reviewed to be the
 * same on every node). Later scans and the staging before a node is drained judge the node by that
 * target, not by what is offered now: a node that runs it is done, and a node offered another
 * build since is refused before it is touched ({@link #OFFER_CHANGED}), since finishing the run
 * with it would leave the nodes on different builds.
 *
 * <p>Thread-safe: the per-node memory (run targets, builds expected after an upgrade, blocked
 * nodes, mock setups done) is in concurrent maps. A coordinator that takes the run over gets the
 * targets and the upgrades done from the run's journal ({@link #resumeRun}).
 */
final class RollingUpgradePlugin implements UpdatePlugin, InitialScanReview {
  /** Windows Update's classification of feature updates. */
  static final String UPGRADES = "Upgrades";

  /** What Windows Update is searched for: feature updates (classification Upgrades) not installed. */
  static final String FEATURE_UPDATE_CRITERIA =
      "IsInstalled=0 and IsHidden=0 and CategoryIDs contains '3689BDC8-B205-4AF4-8D4A-A63924C5E9D5'";

  /** The error id of a compatibility scan that blocks the upgrade. */
  static final String COMPATIBILITY_BLOCK = "RollingUpgradePlugin.CompatibilityBlock";

  /** The error id of a node that does not run the new build after its upgrade. */
  static final String NOT_UPGRADED = "RollingUpgradePlugin.NotUpgraded";

  /** The error id of an upgraded node whose restart could not be started. */
  static final String RESTART_FAILED = "RollingUpgradePlugin.RestartFailed";

  /** The error id of a node offered another feature update than the run's target. */
  static final String OFFER_CHANGED = "RollingUpgradePlugin.OfferChanged";

  /** The id of the update a mock setup reports. */
  static final String MOCK_UPDATE_ID = "mock-setup";

  private final UpgradeArguments arguments;
  private final @Nullable UpdatePlugin windowsUpdate;
  private final Map<String, String> expectedBuild = new ConcurrentHashMap<>();
  private final Map<String, FeatureOffer> runTarget = new ConcurrentHashMap<>();
  private final Map<String, String> blocked = new ConcurrentHashMap<>();
  private final Set<String> mocked = ConcurrentHashMap.newKeySet();

  RollingUpgradePlugin(UpgradeArguments arguments) {
    this.arguments = Objects.requireNonNull(arguments, "arguments");
    this.windowsUpdate = arguments.wuConnected()
        ? new WindowsUpdatePluginProvider().create(PluginArguments.of(Map.of(
            WindowsUpdatePluginProvider.QUERY_STRING, FEATURE_UPDATE_CRITERIA,
            WindowsUpdatePluginProvider.INCLUDE_RECOMMENDED_UPDATES, "True")))
        : null;
  }

  @Override
  public boolean restartsNodeItself() {
    // A mock setup changes nothing that restarts the node: the engine restarts it, as CAU does.
    return !arguments.mockSetup();
  }

  @Override
  public List<Class<?>> requiredCapabilities() {
    return arguments.wuConnected() ? List.of(ProgramRunner.class) : List.of(ProgramRunner.class, NodeFiles.class);
  }

  @Override
  public List<ReadinessRule> readinessRules() {
    if (windowsUpdate != null) {
      return windowsUpdate.readinessRules();
    }
    return List.of(MediaPathRule.of(arguments));
  }

  @Override
  public List<Update> scan(PluginContext context) {
    String node = context.nodeName();
    if (arguments.mockSetup()) {
      return mocked.contains(node) ? List.of() : List.of(mockUpdate());
    }
    ProgramRunner runner = context.require(ProgramRunner.class);
    OsVersion now = OsVersion.read(SetupScript.call(runner, context, SetupProtocol.Operation.OSVERSION, ""));
    verifyUpgrade(context, now);
    FeatureOffer target = runTarget.get(node);
    if (target != null && reached(now, target.build())) {
      context.log().info("Node \"" + node + "\" runs " + now.shown() + ", this run's target " + target.shown()
          + ": nothing more to offer in this run");
      return List.of();
    }
    List<Update> offers = windowsUpdate != null ? offeredByWindowsUpdate(context, windowsUpdate) : offeredByMedia(context, runner, now);
    if (target != null) {
      offers = requireTarget(context, now, target, offers);
    }
    for (Update offer : offers) {
      context.log().info("Node \"" + node + "\" runs " + now.shown() + " and is offered the feature update to "
          + offer.facts().targetVersion() + " (build " + offer.facts().targetBuild() + "): \"" + offer.title() + "\"");
    }
    return offers;
  }

  /**
   * Before the node is drained: the offer it waited with since the first scan must still be the
   * run's target, or the node is refused untouched.
   */
  @Override
  public void stage(PluginContext context, List<Update> updates) {
    FeatureOffer target = runTarget.get(context.nodeName());
    if (arguments.mockSetup() || target == null || updates.isEmpty()) {
      return;
    }
    ProgramRunner runner = context.require(ProgramRunner.class);
    OsVersion now = OsVersion.read(SetupScript.call(runner, context, SetupProtocol.Operation.OSVERSION, ""));
    List<Update> offers = windowsUpdate != null ? offeredByWindowsUpdate(context, windowsUpdate)
        : mediaOffer(context, runner, now).map(List::of).orElse(List.of());
    requireTarget(context, now, target, offers);
  }

  /** Keeps the offers of the run's target build, or refuses the node if none is offered. */
  private static List<Update> requireTarget(PluginContext context, OsVersion now, FeatureOffer target, List<Update> offers) {
    List<Update> same = offers.stream().filter(u -> target.build().equals(u.facts().targetBuild())).toList();
    if (!same.isEmpty()) {
      return same;
    }
    List<String> shown = offers.stream().map(u -> u.facts().targetVersion() + " (build " + u.facts().targetBuild() + ")")
        .distinct().toList();
    throw new PluginFailureException(OFFER_CHANGED, "Node \"" + context.nodeName() + "\" runs " + now.shown() + " and is now"
        + " offered " + (shown.isEmpty() ? "no feature update" : String.join(" and ", shown)) + ", but this run's target,"
        + " journaled when the run started (every node was offered it then), is " + target.shown() + ": the node was"
        + " not touched. Make the run's build available again (the same media on every node) and resume, or end"
        + " this run and start a new one once every node that is not upgraded is offered the same feature update");
  }

  /** Whether a node runs a build: the same build number and at least its revision, when it names one. */
  private static boolean reached(OsVersion now, String build) {
    if (!now.build().equals(FeatureOffer.buildNumber(build))) {
      return false;
    }
    int dot = build.indexOf('.');
    return dot < 0 || now.revision() >= Long.parseLong(build.substring(dot + 1));
  }

  private void verifyUpgrade(PluginContext context, OsVersion now) {
    String expected = expectedBuild.get(context.nodeName());
    if (expected == null) {
      return;
    }
    if (!reached(now, expected)) {
      collectLogs(context, "it came back on its old build");
      throw new PluginFailureException(NOT_UPGRADED, "Node \"" + context.nodeName() + "\" runs " + now.shown()
          + " after its upgrade to build " + expected + ": setup did not finish or rolled back; collect its setup"
          + " logs (Save-CauDebugTrace -FeatureUpdateLogs) before trying again");
    }
    context.log().info("Node \"" + context.nodeName() + "\" was upgraded: it now runs " + now.shown());
    if (arguments.setupLogs() == SetupLogs.When.ALL) {
      SetupLogs.collect(context, "after its upgrade, as FeatureUpdateLogs All asks");
    }
  }

  private static List<Update> offeredByWindowsUpdate(PluginContext context, UpdatePlugin windowsUpdate) {
    List<Update> offers = new ArrayList<>();
    for (Update found : windowsUpdate.scan(context)) {
      Optional<FeatureOffer> offer = FeatureOffer.fromTitle(found.title());
      if (offer.isEmpty()) {
        context.log().warn("Windows Update offers node \"" + context.nodeName() + "\" \"" + found.title()
            + "\" in the Upgrades classification, but its title names no version and build: left alone");
        continue;
      }
      offers.add(found.withFacts(found.facts().withTarget(offer.get().version(), offer.get().build())
          .withRestart(RestartBehavior.ALWAYS)));
    }
    return offers;
  }

  private List<Update> offeredByMedia(PluginContext context, ProgramRunner runner, OsVersion now) {
    Optional<Update> offer = mediaOffer(context, runner, now);
    if (offer.isEmpty()) {
      return List.of();
    }
    String media = Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    int code = SetupScript.call(runner, context, SetupProtocol.Operation.COMPAT, media).exitCode("exitCode");
    if (compatibilityBlocks(code)) {
      blocked.put(context.nodeName(), SetupExitCode.describe(code));
      context.log().warn("Setup's compatibility scan blocks the upgrade of node \"" + context.nodeName() + "\": "
          + SetupExitCode.describe(code));
    } else {
      blocked.remove(context.nodeName());
    }
    return List.of(offer.get());
  }

  /** What the media offer the node: their install image's build, if newer than the node's. */
  private Optional<Update> mediaOffer(PluginContext context, ProgramRunner runner, OsVersion now) {
    String media = Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    String image = SetupScript.call(runner, context, SetupProtocol.Operation.MEDIA, media).text("imageVersion");
    String[] parts = image.split("\\.");
    if (parts.length < 3 || !parts[2].matches("[0-9]{1,6}")) {
      throw new PluginFailureException(SetupProtocol.MALFORMED_OUTPUT, "The rolling-upgrade script on node \""
          + context.nodeName() + "\" answered media with a document that breaks its schema: field \"imageVersion\""
          + " must be major.minor.build[.revision], such as 10.0.25398.469, but was \"" + image + "\"");
    }
    String build = parts[2] + (parts.length > 3 ? "." + parts[3] : "");
    if (Long.parseLong(parts[2]) <= Long.parseLong(now.build())) {
      context.log().info("The media at \"" + media + "\" hold build " + build + ", not newer than node \""
          + context.nodeName() + "\"'s " + now.shown() + ": nothing to offer");
      return Optional.empty();
    }
    FeatureOffer offer = new FeatureOffer(FeatureOffer.versionOf(build), build, "Feature update to version "
        + FeatureOffer.versionOf(build) + " (" + build + ") from setup media");
    UpdateFacts facts = UpdateFacts.NONE.withClassification(UPGRADES).withTarget(offer.version(), offer.build())
        .withRestart(RestartBehavior.ALWAYS).withInstallAlone(true);
    return Optional.of(new Update("feature-update-" + image, offer.title(), "From " + media, facts));
  }

  @Override
  public Optional<String> reviewInitialScan(Map<String, List<Update>> updatesByNode) {
    if (arguments.mockSetup()) {
      return Optional.empty();
    }
    Map<String, List<String>> offersByNode = new java.util.LinkedHashMap<>();
    Set<String> distinct = new java.util.LinkedHashSet<>();
    boolean someNodeHasSeveral = false;
    for (Map.Entry<String, List<Update>> entry : updatesByNode.entrySet()) {
      List<String> offers = entry.getValue().stream().filter(u -> u.facts().targetBuild() != null)
          .map(u -> u.facts().targetVersion() + " (build " + u.facts().targetBuild() + ")").distinct().toList();
      if (!offers.isEmpty()) {
        offersByNode.put(entry.getKey(), offers);
        distinct.addAll(offers);
        someNodeHasSeveral |= offers.size() > 1;
      }
    }
    if (distinct.size() > 1 || someNodeHasSeveral) {
      StringBuilder why = new StringBuilder("The nodes are offered different feature updates, so no node was touched: ");
      List<String> each = new ArrayList<>();
      offersByNode.forEach((node, offers) -> each.add("node \"" + node + "\" is offered " + String.join(" and ", offers)));
      why.append(String.join("; ", each)).append(". This happens when the nodes' patch levels differ: apply the"
          + " latest cumulative update to every node first (for 20H2 to 21H2 the source documents name the"
          + " May 20, 2021 preview update, KB5003237), scan again, and start the run when every node is offered"
          + " the same feature update");
      return Optional.of(why.toString());
    }
    List<String> blocks = new ArrayList<>();
    for (String node : updatesByNode.keySet()) {
      String reason = blocked.get(node);
      if (reason != null) {
        blocks.add("node \"" + node + "\": " + reason);
      }
    }
    if (!blocks.isEmpty()) {
      return Optional.of("Setup's compatibility scan blocks the upgrade, so the run stops before any node is"
          + " touched (a feature update must reach every node, so no node is skipped): " + String.join("; ", blocks)
          + ". Resolve what setup reports (its logs are collected by Save-CauDebugTrace -FeatureUpdateLogs) and"
          + " start the run again");
    }
    updatesByNode.forEach(this::rememberTarget);
    return Optional.empty();
  }

  /** On a coordinator that takes the run over: the targets of the first scans, and the upgrades done. */
  @Override
  public void resumeRun(JournaledRun journaled) {
    if (arguments.mockSetup()) {
      return;
    }
    journaled.firstScans().forEach(this::rememberTarget);
    journaled.installed().forEach((node, results) -> results.stream()
        .filter(r -> r.code() == UpdateResultCode.SUCCEEDED && r.update().facts().targetBuild() != null)
        .reduce((first, second) -> second)
        .ifPresent(r -> expectedBuild.put(node, Objects.requireNonNull(r.update().facts().targetBuild()))));
  }

  private void rememberTarget(String node, List<Update> firstScan) {
    firstScan.stream().filter(u -> u.facts().targetBuild() != null).findFirst().ifPresent(u -> runTarget.put(node,
        new FeatureOffer(String.valueOf(u.facts().targetVersion()), Objects.requireNonNull(u.facts().targetBuild()),
            u.title())));
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    if (updates.isEmpty()) {
      return List.of();
    }
    ProgramRunner runner = context.require(ProgramRunner.class);
    if (arguments.mockSetup()) {
      return mockInstall(context, runner, updates);
    }
    if (context.cancellation().isCancellationRequested()) {
      return canceled(context, updates);
    }
    List<InstallResult> results = windowsUpdate != null ? windowsUpdate.install(context, updates)
        : setupInstall(context, runner, updates);
    boolean upgraded = false;
    for (InstallResult result : results) {
      if (result.code() == UpdateResultCode.SUCCEEDED && result.update().facts().targetBuild() != null) {
        expectedBuild.put(context.nodeName(), Objects.requireNonNull(result.update().facts().targetBuild()));
        upgraded = true;
      } else if (result.code() == UpdateResultCode.FAILED) {
        context.log().warn("The feature update \"" + result.update().title() + "\" failed on node \""
            + context.nodeName() + "\": " + SetupExitCode.describe(result.errorCode()));
        collectLogs(context, "setup failed: " + SetupExitCode.describe(result.errorCode()));
      }
    }
    if (upgraded) {
      // Setup's first restart was held back so that this answer arrives; from here setup restarts
      // the node as many times as it needs, and the engine waits for it as the plug-in's restart.
      int code = SetupScript.call(runner, context, SetupProtocol.Operation.RESTART, "").exitCode("exitCode");
      if (code != 0) {
        // Without the restart setup never finishes, and the engine would wait for a node that is up.
        throw new PluginFailureException(RESTART_FAILED, "Setup upgraded node \"" + context.nodeName()
            + "\" but its restart could not be started (shutdown.exe exited with " + code + "): restart the node"
            + " to let setup finish, then run again");
      }
    }
    return results;
  }

  private List<InstallResult> setupInstall(PluginContext context, ProgramRunner runner, List<Update> updates) {
    String media = Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    int compat = SetupScript.call(runner, context, SetupProtocol.Operation.COMPAT, media).exitCode("exitCode");
    if (compatibilityBlocks(compat)) {
      collectLogs(context, "setup's compatibility scan blocked it: " + SetupExitCode.describe(compat));
      throw new PluginFailureException(COMPATIBILITY_BLOCK, "Setup's compatibility scan blocks the upgrade of node \""
          + context.nodeName() + "\": " + SetupExitCode.describe(compat) + "; the node was not upgraded");
    }
    int code = SetupScript.call(runner, context, SetupProtocol.Operation.UPGRADE, media).exitCode("exitCode");
    List<InstallResult> results = new ArrayList<>();
    for (Update u : updates) {
      // Setup upgrades the node as a whole: every update given (the media offer only one) shares its code.
      results.add(code == SetupExitCode.CONTINUE_REBOOT.code() || code == 0
          ? InstallResult.succeeded(u, true, context.clock().instant())
          : InstallResult.failed(u, code, context.clock().instant()));
    }
    return results;
  }

  private List<InstallResult> mockInstall(PluginContext context, ProgramRunner runner, List<Update> updates) {
    String script = Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    int code = SetupScript.call(runner, context, SetupProtocol.Operation.MOCK, script).exitCode("exitCode");
    List<InstallResult> results = new ArrayList<>();
    for (Update u : updates) {
      results.add(code == 0 ? InstallResult.succeeded(u, true, context.clock().instant())
          : InstallResult.failed(u, code, context.clock().instant()));
    }
    if (code == 0) {
      mocked.add(context.nodeName());
    } else {
      context.log().warn("The mock setup script \"" + script + "\" exited with " + code + " on node \""
          + context.nodeName() + "\"");
    }
    return results;
  }

  /** Collects setup's logs where setup failed, unless FeatureUpdateLogs is None. */
  private void collectLogs(PluginContext context, String why) {
    if (arguments.setupLogs() != SetupLogs.When.NONE) {
      SetupLogs.collect(context, why);
    }
  }

  private static List<InstallResult> canceled(PluginContext context, List<Update> updates) {
    return updates.stream().map(u -> new InstallResult(u, UpdateResultCode.CANCELED, 0, false,
        context.clock().instant())).toList();
  }

  private static boolean compatibilityBlocks(int code) {
    return SetupExitCode.of(code).map(SetupExitCode::blocks).orElse(true);
  }

  private Update mockUpdate() {
    String script = Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    return new Update(MOCK_UPDATE_ID, "Mock setup: drain, run " + script + ", restart and resume", "MockSetup",
        UpdateFacts.NONE.withRestart(RestartBehavior.ALWAYS));
  }
}
