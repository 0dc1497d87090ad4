package dev.cau.plugin.hotfix;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.RunAs;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.readiness.ReadinessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hotfix plug-in for one run.
 *
 * <p>Scan lists the files of the root folder that apply to the node, each with a stable id (its
 * path relative to the root, {@code @}, its SHA-256), and refuses a file that the integrity
 * manifest does not list with that hash. Stage computes each hash again on the node (CAU installs
 * from the share; nothing is copied). Install computes it a last time, then runs the rule's
 * installer through {@link ProgramRunner} as SYSTEM, with the file's path as one argument and
 * under the installer timeout, and maps the exit code through the rule's classes; an installer
 * that returns no exit code (the runner stopped it at the timeout, or lost it) fails its update
 * with {@code ERROR_TIMEOUT} when the call's clock shows the timeout elapsed, otherwise
 * {@code ERROR_PROCESS_ABORTED}. An update that
 * succeeded, was already installed or does not apply is not offered again by this run's later
 * scans of the node. Thread-safe: state is kept per node in concurrent maps.
 */
final class HotfixPlugin implements UpdatePlugin {
  /** The error code of an installer stopped at the timeout: ERROR_TIMEOUT (1460). */
  static final int ERROR_TIMEOUT = 1460;

  /** The error code of an installer that returned no exit code: ERROR_PROCESS_ABORTED (1067). */
  static final int ERROR_PROCESS_ABORTED = 1067;

  /** The error code of a file whose hash changed since the scan: TRUST_E_BAD_DIGEST (0x80096010). */
  static final int TRUST_E_BAD_DIGEST = 0x80096010;

  private final HotfixArguments arguments;
  /** The files of the last scan, by node and update id. */
  private final Map<String, Map<String, HotfixFile>> planned = new ConcurrentHashMap<>();
  /** The updates installed (or found installed or not applicable) in this run, by node. */
  private final Map<String, Set<String>> finished = new ConcurrentHashMap<>();

  HotfixPlugin(HotfixArguments arguments) {
    this.arguments = arguments;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    NodeFiles files = context.require(NodeFiles.class);
    try {
      HotfixShare share = HotfixShare.load(files, context, arguments);
      RootFolderLayout.Found found = RootFolderLayout.scan(files, context, arguments, share.config(), context.nodeName());
      found.ignored().forEach(entry -> context.log().info("Ignored in the hotfix root folder: " + entry));
      Set<String> done = finished.getOrDefault(context.nodeName(), Set.of());
      Map<String, HotfixFile> plan = new LinkedHashMap<>();
      List<Update> updates = new ArrayList<>();
      for (HotfixFile file : found.files()) {
        String sha256 = files.sha256(file.fullPath(), context);
        if (share.manifest() != null) {
          String listed = share.manifest().hashOf(file.relativePath()).orElseThrow(() -> new PluginFailureException(
              "HotfixFileNotInManifest", "Hotfix file \"" + file.relativePath() + "\" is not listed in "
                  + IntegrityManifest.FILE_NAME + "; with a manifest, only the files it lists are installed"));
          if (!listed.equals(sha256)) {
            throw new PluginFailureException("HotfixManifestMismatch", "Hotfix file \"" + file.relativePath()
                + "\" has SHA-256 " + sha256 + ", but " + IntegrityManifest.FILE_NAME + " lists " + listed
                + "; the file is refused");
          }
        }
        String id = file.relativePath() + "@" + sha256;
        if (done.contains(id)) {
          continue;
        }
        plan.put(id, file);
        updates.add(update(id, file, sha256));
        context.log().info("Applicable: " + file.relativePath() + " (SHA-256 " + sha256 + ", " + file.rule().describe()
            + ")");
      }
      planned.put(context.nodeName(), plan);
      return updates;
    } catch (NodeOperationException e) {
      throw new PluginFailureException("HotfixRootFolderUnreadable", "Node \"" + context.nodeName()
          + "\" cannot read the hotfix root folder \"" + arguments.rootFolder() + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public void stage(PluginContext context, List<Update> updates) {
    NodeFiles files = context.require(NodeFiles.class);
    for (Update update : updates) {
      context.cancellation().throwIfCancellationRequested();
      HotfixFile file = file(context, update);
      String actual = sha256(files, context, file);
      if (!actual.equals(hashOf(update))) {
        throw new PluginFailureException("HotfixFileChanged", "Hotfix file \"" + file.relativePath()
            + "\" changed since the scan: its SHA-256 is now " + actual + ", not " + hashOf(update));
      }
      context.log().info("Verified " + file.relativePath() + " (SHA-256 " + actual + ")");
    }
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    ProgramRunner runner = context.require(ProgramRunner.class);
    NodeFiles files = context.require(NodeFiles.class);
    List<InstallResult> results = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      Update update = updates.get(i);
      if (context.cancellation().isCancellationRequested()) {
        cancelRest(context, updates, i, results);
        break;
      }
      try {
        results.add(installOne(context, runner, files, update));
      } catch (OperationCanceledException e) {
        cancelRest(context, updates, i, results);
        break;
      }
    }
    return results;
  }

  private InstallResult installOne(PluginContext context, ProgramRunner runner, NodeFiles files, Update update) {
    HotfixFile file = file(context, update);
    String actual = sha256(files, context, file);
    if (!actual.equals(hashOf(update))) {
      context.log().warn("Hotfix file \"" + file.relativePath() + "\" changed since the scan (SHA-256 " + actual
          + ", expected " + hashOf(update) + "); it is not installed");
      return new InstallResult(update, UpdateResultCode.FAILED, TRUST_E_BAD_DIGEST, false, context.clock().instant());
    }
    InstallerRule rule = file.rule();
    ProgramRequest request = ProgramRequest.program(rule.program(file.fullPath()), rule.arguments(file.fullPath()))
        .withRunAs(RunAs.SYSTEM)
        .withTimeout(arguments.installerTimeout());
    Instant started = context.clock().instant();
    ProgramResult result;
    try {
      result = runner.run(request, context);
    } catch (NodeOperationException e) {
      // The runner ended the installer at the timeout, or lost it: either way no exit code came back.
      boolean timedOut = Duration.between(started, context.clock().instant()).compareTo(arguments.installerTimeout()) >= 0;
      context.log().warn("The installer of \"" + file.relativePath() + "\" returned no exit code (it may run at most "
          + arguments.installerTimeout().toMinutes() + " minutes, " + HotfixPluginProvider.INSTALLER_TIMEOUT_MINUTES
          + "); the update failed: " + e.getMessage());
      return new InstallResult(update, UpdateResultCode.FAILED, timedOut ? ERROR_TIMEOUT : ERROR_PROCESS_ABORTED, false,
          context.clock().instant(), actual);
    }
    ExitOutcome outcome = rule.classify(result.exitCode());
    context.log().info(file.relativePath() + ": exit code " + ExitOutcome.describe(result.exitCode()) + " is "
        + outcome.exitClass() + " under " + rule.describe() + ": " + outcome.result()
        + (outcome.rebootRequired() ? ", the node must restart" : ""));
    if (outcome.result() != UpdateResultCode.FAILED) {
      finished.computeIfAbsent(context.nodeName(), n -> ConcurrentHashMap.newKeySet()).add(update.id());
    }
    return new InstallResult(update, outcome.result(), result.signedExitCode(), outcome.rebootRequired(),
        context.clock().instant(), actual);
  }

  private static void cancelRest(PluginContext context, List<Update> updates, int from, List<InstallResult> results) {
    Instant now = context.clock().instant();
    for (int j = from; j < updates.size(); j++) {
      results.add(new InstallResult(updates.get(j), UpdateResultCode.CANCELED, 0, false, now));
    }
  }

  @Override
  public List<Class<?>> requiredCapabilities() {
    return List.of(NodeFiles.class, ProgramRunner.class);
  }

  @Override
  public List<ReadinessRule> readinessRules() {
    return HotfixChecks.rules(arguments);
  }

  /** The file of an update: from the node's last scan, or from a new one (a resumed run's new instance). */
  private HotfixFile file(PluginContext context, Update update) {
    HotfixFile file = planned.getOrDefault(context.nodeName(), Map.of()).get(update.id());
    if (file == null) {
      scan(context);
      file = planned.getOrDefault(context.nodeName(), Map.of()).get(update.id());
    }
    if (file == null) {
      throw new PluginFailureException("HotfixUpdateGone", "Hotfix update \"" + update.id()
          + "\" is no longer in the root folder \"" + arguments.rootFolder() + "\" with that hash");
    }
    return file;
  }

  private static String sha256(NodeFiles files, PluginContext context, HotfixFile file) {
    try {
      return files.sha256(file.fullPath(), context);
    } catch (NodeOperationException e) {
      throw new PluginFailureException("HotfixRootFolderUnreadable", "Node \"" + context.nodeName()
          + "\" cannot read hotfix file \"" + file.relativePath() + "\": " + e.getMessage(), e);
    }
  }

  private static String hashOf(Update update) {
    return update.id().substring(update.id().lastIndexOf('@') + 1);
  }

  private static Update update(String id, HotfixFile file, String sha256) {
    String name = file.relativePath().substring(file.relativePath().lastIndexOf('\\') + 1);
    UpdateFacts facts = UpdateFacts.NONE.withContentSha256(sha256).withSizeBytes(file.size())
        .withClassification(file.rule().folderRule() ? "Hotfix folder " + file.rule().name() : "Hotfix")
        .withRestart(file.rule().alwaysReboot() ? RestartBehavior.ALWAYS : RestartBehavior.MAY);
    return new Update(id, name, file.relativePath() + ", installed by " + file.rule().describe(), facts);
  }

  @Override
  public String toString() {
    return "HotfixPlugin[" + arguments.rootFolder() + "]";
  }
}
